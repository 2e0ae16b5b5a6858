"""The name tagger: a CRF and a small neural network trained on NERGrit (``scripts/train_ner.py``
rebuilds the shipped model, network and word clusters) find PERSON, ORGANISATION and PLACE names
in a sentence: the network's label log-probabilities are added to the CRF's emission scores
before Viterbi decoding; the rules of ``spans`` then fit the spans to news usage."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from ..lexicon.names import GIVEN_NAMES
from .crf import LinearChainCRF
from .dictionary import NameDictionary
from .features import tokenize
from .network import CRF_SCALE, NetworkEnsemble, mark_matches
from .rows import FeatureRows
from .spans import Span, Token, fit_spans
from .vectors import WordClusters
from .word_inputs import NetworkWords

MODEL_NAME = "ner-nergrit.npz"
KINDS = ("PERSON", "ORGANISATION", "PLACE")
# Penalty on the outside label at decoding, chosen by 4-fold cross-validation on NERGrit train +
# valid (scripts/train_ner.py --cv, BILOU labels): F1 0.721 at 0, 0.726 at 0.5, 0.715 at 1.0;
# recall 0.68 -> 0.72.
OUTSIDE_PENALTY = 0.5
# Weight of the network's log-probabilities beside the CRF's emission scores (NERGrit valid with
# train-only models, two networks of 64 units: F1 0.769 at 0.5, 0.768 at 1.0, 0.771 at 1.5;
# CRF alone 0.744).
NETWORK_WEIGHT = 1.0
# Indonesian derivational prefixes ("" for suffix-only forms), for telling "Kunjungan" from "Budi".
_PREFIXES = ("", "ke", "pe", "per", "pen", "pem", "peng", "me", "mem", "men", "meng", "ber", "ter", "di", "se")


# Sentences x longest sentence of one batch of the network and of Viterbi decoding: the
# network's gate inputs for a batch take 4 passes x 256 floats a cell (32 MB at this size).
BATCH_CELLS = 8192


def length_batches(lengths: list[int], cells: int = BATCH_CELLS) -> list[list[int]]:
    """Indexes of sentences grouped, longest first, so that each group's count times its longest
    sentence stays within ``cells`` (a longer sentence goes alone): padding and memory stay small."""
    batches: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        if batches and (len(batches[-1]) + 1) * lengths[batches[-1][0]] <= cells:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


@dataclass(frozen=True)
class NameSpan:
    """A name found in a text: character span, kind and surface form."""

    start: int
    end: int
    kind: str
    text: str


def bio_spans(tags: list[str]) -> list[Span]:
    """(first token, last token + 1, kind) of each entity in a BIO sequence; an I- tag that does
    not continue an entity of its kind starts one."""
    spans: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and kind == tag[2:]
        if start >= 0 and not inside:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if tag.startswith(("B-", "I-")) and not inside:
            start, kind = i, tag[2:]
    return spans


def bio_to_bilou(tags: list[str]) -> list[str]:
    """BIO tags rewritten with a unit tag for one-word names and a last tag for the end of longer
    ones (the CRF learns from these: +0.5 F1 in 4-fold cross-validation on NERGrit train + valid)."""
    out = list(tags)
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        continued = i + 1 < len(tags) and tags[i + 1] == "I-" + tag[2:]
        if not continued:
            out[i] = ("U-" if tag.startswith("B-") else "L-") + tag[2:]
    return out


def bilou_to_bio(tags: list[str]) -> list[str]:
    """BILOU tags back to BIO (BIO tags pass unchanged)."""
    return ["B-" + t[2:] if t.startswith("U-") else "I-" + t[2:] if t.startswith("L-") else t for t in tags]


class NameTagger:
    """Tags names in sentences. The model, word clusters, name dictionary and root-word list load
    on first use (from the package's data, or the given paths); one instance is reused and caches
    clusters."""

    def __init__(
        self,
        model_path: str | Path | None = None,
        clusters_path: str | Path | None = None,
        dictionary_path: str | Path | None = None,
        outside_penalty: float = OUTSIDE_PENALTY,
        network_path: str | Path | None = None,
        network_weight: float = NETWORK_WEIGHT,
    ) -> None:
        self.model_path = Path(model_path) if model_path else None
        self.clusters_path = Path(clusters_path) if clusters_path else None
        self.dictionary_path = Path(dictionary_path) if dictionary_path else None
        self.outside_penalty = outside_penalty
        self.network_path = Path(network_path) if network_path else None
        self.network_weight = network_weight
        self._network: NetworkEnsemble | None = None
        self._network_words: NetworkWords | None = None
        self._crf: LinearChainCRF | None = None
        self._clusters: WordClusters | None = None
        self._dictionary: NameDictionary | None = None
        self._roots: frozenset[str] | None = None
        self._blas: Any = None
        self._rows: FeatureRows | None = None

    @property
    def crf(self) -> LinearChainCRF:
        if self._crf is None:
            if self.model_path is not None:
                self._crf = LinearChainCRF.load(self.model_path)
            else:
                with resources.as_file(resources.files("ringkas.data").joinpath(MODEL_NAME)) as path:
                    self._crf = LinearChainCRF.load(path)
        return self._crf

    @property
    def feature_rows(self) -> FeatureRows:
        """The CRF's features of each word, looked up once (``sentence_features`` made fast)."""
        if self._rows is None:
            self._rows = FeatureRows(self.crf.index, self.clusters, self.dictionary)
        return self._rows

    @property
    def network(self) -> NetworkEnsemble:
        if self._network is None:
            network = NetworkEnsemble.load(self.network_path)
            if network.labels != self.crf.labels:  # its scores are added column by column
                raise ModelError("the name tagger's network and CRF were trained with different labels")
            self._network = network
        return self._network

    @property
    def network_words(self) -> NetworkWords:
        """The network's inputs of the words met so far (``word_inputs``)."""
        if self._network_words is None:
            self._network_words = NetworkWords(self.network, self.clusters.vectors)
        return self._network_words

    @property
    def clusters(self) -> WordClusters:
        if self._clusters is None:
            self._clusters = WordClusters.load(self.clusters_path)
        return self._clusters

    @property
    def dictionary(self) -> NameDictionary:
        if self._dictionary is None:
            self._dictionary = NameDictionary.load(self.dictionary_path)
        return self._dictionary

    @property
    def roots(self) -> frozenset[str]:
        """Indonesian root words (PySastrawi's list): a capitalised derived word such as
        "Kunjungan" that opens a sentence is a common noun, not the start of a name."""
        if self._roots is None:
            text = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text(encoding="utf-8")
            self._roots = frozenset(text.split())
        return self._roots

    def forget_words(self) -> None:
        """Drop what the tagger keeps per word (features, clusters, vectors, network inputs):
        after a whole-store analysis that is the store's vocabulary, memory the later stages
        need more. It is built again as words come."""
        self._rows = None
        self._network_words = None
        if self._clusters is not None:
            self._clusters.forget()

    def tag_words(self, words: list[str]) -> list[str]:
        """BIO tags for a tokenized sentence, from the CRF and the network."""
        return self.tag_many([words])[0]

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags for tokenized sentences; the network and Viterbi read them in batches of
        sentences of like length."""
        rows = self.feature_rows
        present = [n for n, words in enumerate(sentences) if words]
        known = [self.dictionary.matches(sentences[n]) for n in present]
        scores = self.crf.row_scores_many([rows.sentence(sentences[n], k) for n, k in zip(present, known, strict=True)])
        if self.network_weight:
            votes = self._network_scores([(sentences[n], e) for n, e in zip(present, scores, strict=True)], known)
            scores = [e + self.network_weight * v for e, v in zip(scores, votes, strict=True)]
        tags: list[list[str]] = [[] for _ in sentences]
        for batch in length_batches([len(e) for e in scores]):
            decoded = self.crf.decode_many([scores[i] for i in batch], self.outside_penalty)
            for i, labels in zip(batch, decoded, strict=True):
                tags[present[i]] = bilou_to_bio(labels)
        return tags

    def _network_scores(
        self, sentences: list[tuple[list[str], np.ndarray]], known: list[list[str]]
    ) -> list[np.ndarray]:
        """The network's log-probabilities for (words, CRF emissions) sentences whose dictionary
        matches are ``known``, columns in the CRF's label order."""
        out: list[np.ndarray] = [np.zeros(0)] * len(sentences)
        for batch in length_batches([len(words) for words, _ in sentences]):
            found = self._network_batch([sentences[i] for i in batch], [known[i] for i in batch])
            for i, scores in zip(batch, found, strict=True):
                out[i] = scores
        return out

    def _network_batch(self, sentences: list[tuple[list[str], np.ndarray]], known: list[list[str]]) -> list[np.ndarray]:
        """The network's scores of a batch: its distinct words' inputs from ``network_words``,
        per token the word's extras with its dictionary match and the CRF's emissions (as
        ``network_extras`` gives them)."""
        distinct = list(dict.fromkeys(word for words, _ in sentences for word in words))
        row = {word: n for n, word in enumerate(distinct)}
        gates, word_rows = self.network_words.rows(distinct)
        rows = []
        for (words, emissions), matches in zip(sentences, known, strict=True):
            tokens = np.array([row[w] for w in words], dtype=np.int64)
            extras = word_rows[tokens]
            mark_matches(extras, matches)
            rows.append((tokens, np.concatenate([extras, CRF_SCALE * emissions], axis=1, dtype=np.float32)))
        return self.network.log_probs_of_gates(gates, rows)

    def find_tokens(self, text: str) -> tuple[list[Token], list[Span]]:
        """The sentence's tokens and its names as token spans (first, last + 1, kind)."""
        return self.find_tokens_many([text])[0]

    def find_tokens_many(self, texts: list[str]) -> list[tuple[list[Token], list[Span]]]:
        """``find_tokens`` for several sentences, their words' clusters assigned in one batch."""
        tokenized = [tokenize(text) for text in texts]
        with self._one_blas_thread():
            self.clusters.prepare([t[0] for tokens in tokenized for t in tokens])
            tags = self.tag_many([[t[0] for t in tokens] for tokens in tokenized])
        return [
            (tokens, fit_spans(tokens, bio_spans(sentence_tags), self._is_derived_word))
            for tokens, sentence_tags in zip(tokenized, tags, strict=True)
        ]

    def find(self, text: str) -> list[NameSpan]:
        """Names in one sentence, with character spans into ``text``."""
        tokens, spans = self.find_tokens(text)
        out = []
        for a, b, kind in spans:
            start, end = tokens[a][1], tokens[b - 1][2]
            out.append(NameSpan(start, end, kind, text[start:end]))
        return out

    def _one_blas_thread(self) -> AbstractContextManager[Any]:
        """The tagger's matrix products are small: a second BLAS thread buys nothing on them, and
        on a busy machine its spinning made the name tagger five times slower in CPU time (49.8 s
        against 9.8 s on 314 real articles at a load average of 20)."""
        if self._blas is None:
            try:
                from threadpoolctl import ThreadpoolController

                self._blas = ThreadpoolController()
            except ImportError:  # pragma: no cover - scikit-learn brings threadpoolctl
                self._blas = False
        return self._blas.limit(limits=1, user_api="blas") if self._blas else nullcontext()

    def _is_derived_word(self, word: str) -> bool:
        """ "Kunjungan", "Pertemuan": a root word with Indonesian affixes (not a bare root, which
        may well be a given name such as "Budi" or "Dewi")."""
        lower = word.lower()
        if lower in GIVEN_NAMES or lower in self.roots:
            return False
        for prefix in _PREFIXES:
            for suffix in ("", "an", "kan", "nya", "i"):
                if not (prefix or suffix) or not lower.startswith(prefix) or not lower.endswith(suffix):
                    continue
                root = lower[len(prefix) : len(lower) - len(suffix)]
                if len(root) >= 3 and root in self.roots:
                    return True
        return False

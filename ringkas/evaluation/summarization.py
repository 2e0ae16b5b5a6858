"""``ringkas eval summarize``: ringkas and peer summarizers side by side on one evaluation set.

Every system sees the same documents (read, cleaned and split by ringkas's own pipeline) and
the same word budget per cluster: the mean length of the cluster's reference summaries, in
ROUGE tokens. No system may go over it. Peers are Lead (first sentences round-robin over the
articles), sumy's LexRank, TextRank, LSA, SumBasic and KL (given our splitter as their
tokenizer), and the greedy extractive oracle as the ceiling. Scores are ROUGE-1/2/L F1. The
learned summarizer adds a "ringkas (left out)" row: each cluster scored by the weights trained
without the set that holds it.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol

from ..engine import Engine
from ..errors import ConfigError, EmptyInputError, FormatError, InputError
from ..lengths import LengthSpec
from ..models import Document, Story
from ..reading import article_from_mapping, load_json
from ..settings import Settings
from ..stories import build_story
from ..summarizing import Summarizer, make_summarizer
from ..summarizing.base import sentence_words
from ..summarizing.learned import LearnedSummarizer
from ..summarizing.rouge import RougeScores, mean_scores, ngrams, rouge, rouge_tokens, word_count
from ..summarizing.training import fingerprint
from .sets import clean_article, parse_line, set_lines

PEERS = ("lead", "lexrank", "textrank", "lsa", "sumbasic", "kl", "oracle")


@dataclass(frozen=True)
class EvalCluster:
    """One evaluation item: the articles (analysed), their human summaries and the word budget."""

    id: str
    language: str | None
    documents: tuple[Document, ...]
    references: tuple[str, ...]
    budget: int


@dataclass(frozen=True)
class SystemResult:
    system: str
    scores: RougeScores
    seconds_per_cluster: float
    clusters: int
    over_budget: int  # summaries longer than their budget (must stay 0)
    summaries: tuple[tuple[str, str], ...]  # (cluster id, summary text)


def budget_of(references: Sequence[str]) -> int:
    """The word budget of a cluster: the mean reference length in ROUGE tokens, rounded down."""
    return max(1, int(statistics.mean(word_count(r) for r in references)))


def read_clusters(path: str | Path, engine: Engine, *, limit: int | None = None) -> Iterator[EvalCluster]:
    """Clusters of a JSONL file in the ``../shared/data`` format; a bad line is an ``InputError``."""
    for lineno, line in set_lines(path, limit):
        yield parse_cluster(line, engine, source=str(path), lineno=lineno)


def parse_cluster(line: str, engine: Engine, *, source: str, lineno: int | None = None) -> EvalCluster:
    """One cluster line: its articles read, cleaned and analysed as the engine would."""
    item, articles = parse_line(line, source, lineno)
    references = item.get("summaries")
    if not isinstance(references, list) or not references or not all(isinstance(r, str) for r in references):
        raise FormatError("field 'summaries' is missing or not a list of strings", source=source, line=lineno)
    if not any(word_count(r) for r in references):
        raise EmptyInputError("every reference summary is empty", source=source, line=lineno)
    language = item.get("language") if isinstance(item.get("language"), str) else None
    documents = []
    for n, raw in enumerate(articles):
        cleaned = clean_article(engine, raw, n, source=source, lineno=lineno, fallback_id=f"{item.get('id')}/{n}")
        documents.append(engine.analyzer.analyse(cleaned))
    return EvalCluster(
        id=str(item.get("id", f"line-{lineno}")),
        language=language,
        documents=tuple(documents),
        references=tuple(references),
        budget=budget_of(references),
    )


# -- systems ----------------------------------------------------------------------------


class System(Protocol):
    name: str

    def summarize(self, cluster: EvalCluster) -> list[str]: ...


def fill_budget(ranked: Sequence[str], budget: int) -> list[str]:
    """Sentences in ranked order while they fit; a sentence that does not fit is skipped."""
    out: list[str] = []
    used = 0
    for text in ranked:
        words = sentence_words(text)
        if words and used + words <= budget:
            out.append(text)
            used += words
    return out


class LeadSystem:
    """The first sentence of every article, then the second of every article, and so on."""

    name = "lead"

    def summarize(self, cluster: EvalCluster) -> list[str]:
        docs = [[s.text for s in d.sentences] for d in cluster.documents]
        depth = max((len(d) for d in docs), default=0)
        ranked = [d[i] for i in range(depth) for d in docs if i < len(d)]
        return fill_budget(ranked, cluster.budget)


class SplitterTokenizer:
    """What sumy wants of a tokenizer, built on ringkas's sentence splitter and word tokens."""

    def __init__(self, engine: Engine) -> None:
        self.splitter = engine.analyzer.splitter
        self.tokenizer = engine.analyzer.tokenizer

    def to_sentences(self, text: str) -> list[str]:
        return [s.text for s in self.splitter.split(text)]

    def to_words(self, sentence: str) -> list[str]:
        return self.tokenizer.words(sentence)


class SumySystem:
    """A sumy summarizer over the cluster's sentences (our split), cut to the word budget."""

    CLASSES: ClassVar[dict[str, str]] = {
        "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
        "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
        "lsa": "sumy.summarizers.lsa:LsaSummarizer",
        "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
        "kl": "sumy.summarizers.kl:KLSummarizer",
    }

    def __init__(self, name: str, engine: Engine) -> None:
        import importlib

        module_name, _, class_name = self.CLASSES[name].partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            raise ConfigError(f"peer {name!r} needs sumy: pip install 'ringkas[eval]'") from None
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        self.name = name
        self._summarizer = getattr(module, class_name)()
        self._tokenizer = SplitterTokenizer(engine)
        self._dom = (ObjectDocumentModel, Paragraph, SumySentence)

    def summarize(self, cluster: EvalCluster) -> list[str]:
        document_model, paragraph, sentence = self._dom
        model = document_model(
            [paragraph([sentence(s.text, self._tokenizer) for s in d.sentences]) for d in cluster.documents]
        )

        def within_budget(ranked: list[Any]) -> list[Any]:
            # sumy hands its sentence infos best first; keep those that fit.
            kept, used = [], 0
            for info in ranked:
                words = sentence_words(str(info.sentence))
                if words and used + words <= cluster.budget:
                    kept.append(info)
                    used += words
            return kept

        return [str(s) for s in self._summarizer(model, within_budget)]


class OracleSystem:
    """The greedy extractive oracle: add the sentence that most raises mean ROUGE-1/2 F1."""

    name = "oracle"

    def summarize(self, cluster: EvalCluster) -> list[str]:
        sentences = [s.text for d in cluster.documents for s in d.sentences]
        refs = [rouge_tokens(r) for r in cluster.references]
        ref_grams = [(ngrams(r, 1), ngrams(r, 2)) for r in refs]
        ref_totals = [(max(1, len(r)), max(1, len(r) - 1)) for r in refs]
        grams = []
        for text in sentences:
            tokens = rouge_tokens(text)
            grams.append((ngrams(tokens, 1), ngrams(tokens, 2)))
        words = [sentence_words(t) for t in sentences]
        chosen: list[int] = []
        summary: tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]] = (Counter(), Counter())
        used, best_score = 0, 0.0
        while True:
            best, best_gain = -1, best_score
            for i, (uni, bi) in enumerate(grams):
                if i in chosen or not words[i] or used + words[i] > cluster.budget:
                    continue
                score = _oracle_score(summary, (uni, bi), ref_grams, ref_totals)
                if score > best_gain + 1e-9:
                    best, best_gain = i, score
            if best < 0:
                break
            chosen.append(best)
            summary = (summary[0] + grams[best][0], summary[1] + grams[best][1])
            used += words[best]
            best_score = best_gain
        return [sentences[i] for i in sorted(chosen)]


def _oracle_score(
    summary: tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]],
    extra: tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]],
    ref_grams: list[tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]]],
    ref_totals: list[tuple[int, int]],
) -> float:
    total = 0.0
    for n in (0, 1):
        cand = summary[n] + extra[n]
        cand_total = sum(cand.values())
        for ref, totals in zip(ref_grams, ref_totals, strict=True):
            overlap = sum((cand & ref[n]).values())
            if overlap:
                p, r = overlap / cand_total, overlap / totals[n]
                total += 2 * p * r / (p + r)
    return total


class RingkasSystem:
    """A ringkas summarizer from the registry, with the cluster's word budget as its length."""

    def __init__(self, summarizer: Summarizer, name: str = "ringkas") -> None:
        self.name = name
        self.summarizer = summarizer

    def summarize(self, cluster: EvalCluster) -> list[str]:
        chosen = self.summarizer.select(cluster.documents, LengthSpec(cluster.budget, "words"))
        return [c.sentence.text for c in chosen]


class LeftOutSystem:
    """The learned summarizer scoring each cluster with the weights trained without the set that
    holds it: the figure that predicts sets it never saw. A cluster of no training set is
    scored by the shipped weights, which never saw it either."""

    name = "ringkas (left out)"

    def __init__(self, summarizer: LearnedSummarizer) -> None:
        self.summarizer = summarizer
        self.left_out: Counter[str] = Counter()  # clusters scored without their set, by set

    def summarize(self, cluster: EvalCluster) -> list[str]:
        held, weights = self.summarizer.model.without_set_of(fingerprint(cluster.id, cluster.references))
        self.left_out[held or "none"] += 1
        chosen = self.summarizer.with_weights(weights).select(cluster.documents, LengthSpec(cluster.budget, "words"))
        return [c.sentence.text for c in chosen]


def make_systems(names: Sequence[str], engine: Engine) -> list[System]:
    """Systems by name: ``ringkas`` (the configured summarizer; the learned one brings its
    left-out row), ``ringkas:<name>`` and the peers."""
    systems: list[System] = []
    for name in names:
        if name == "ringkas":
            summarizer = engine.summarizer()
            systems.append(RingkasSystem(summarizer))
            if isinstance(summarizer, LearnedSummarizer):
                systems.append(LeftOutSystem(summarizer))
        elif name.startswith("ringkas:"):
            other = name.partition(":")[2]
            systems.append(RingkasSystem(make_summarizer(other, tokenizer=engine.analyzer.tokenizer), name=name))
        elif name == "lead":
            systems.append(LeadSystem())
        elif name == "oracle":
            systems.append(OracleSystem())
        elif name in SumySystem.CLASSES:
            systems.append(SumySystem(name, engine))
        else:
            known = ", ".join(["ringkas", "ringkas:<summarizer>", *PEERS])
            raise ConfigError(f"unknown system {name!r} (known: {known})")
    return systems


# -- running ----------------------------------------------------------------------------


def run_system(system: System, clusters: Sequence[EvalCluster]) -> SystemResult:
    scores, summaries = [], []
    over = 0
    seconds = 0.0
    for cluster in clusters:
        start = time.perf_counter()
        sentences = system.summarize(cluster)
        seconds += time.perf_counter() - start
        text = " ".join(sentences)
        if sum(sentence_words(s) for s in sentences) > cluster.budget:
            over += 1
        scores.append(rouge(text, cluster.references))
        summaries.append((cluster.id, text))
    return SystemResult(
        system=system.name,
        scores=mean_scores(scores),
        seconds_per_cluster=seconds / max(1, len(clusters)),
        clusters=len(clusters),
        over_budget=over,
        summaries=tuple(summaries),
    )


def evaluate(
    clusters: Sequence[EvalCluster],
    systems: Sequence[System],
    output_dir: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[SystemResult]:
    """Every system on every cluster; with ``output_dir``, DIR/<system>.jsonl of {"id", "summary"}."""
    results = []
    for system in systems:
        if progress:
            progress(system.name)
        result = run_system(system, clusters)
        results.append(result)
        if output_dir is not None:
            write_summaries(Path(output_dir), result)
    return results


def write_summaries(directory: Path, result: SystemResult) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{result.system.replace(':', '-')}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for cluster_id, summary in result.summaries:
            handle.write(json.dumps({"id": cluster_id, "summary": summary}, ensure_ascii=False) + "\n")
    return path


def evaluate_file(
    path: str | Path,
    systems: Sequence[str] = ("ringkas", *PEERS),
    *,
    settings: Settings | None = None,
    output_dir: str | Path | None = None,
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[int, list[SystemResult]]:
    """Read the clusters of ``path`` and run ``systems`` on them: (clusters read, results).

    Articles go through the engine's own cleaner and analyser; nothing is stored.
    """
    with Engine(settings, db=":memory:") as engine:
        chosen = make_systems(systems, engine)
        clusters = list(read_clusters(path, engine, limit=limit))
        if not clusters:
            raise EmptyInputError("no clusters to evaluate", source=str(path))
        return len(clusters), evaluate(clusters, chosen, output_dir, progress)


@dataclass(frozen=True)
class SeedResult:
    """The summary ringkas writes for the seed story, checked against the hand-made gold."""

    story: Story
    outlets: tuple[str, ...]  # distinct outlet names cited
    noise: tuple[str, ...]  # summary sentences that are (or hold) a gold noise line
    scores: RougeScores  # against the gold reference summary


def summarize_seeds(
    articles_path: str | Path, gold_path: str | Path, *, length: str | None = None, settings: Settings | None = None
) -> SeedResult:
    """Summarize the largest gold event of the seed articles the way ``ringkas run`` would.

    ``length`` defaults to the length of the gold reference summary in words.
    """
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    event = max(gold["stories"]["events"], key=lambda e: len(e["articles"]))
    reference = gold["reference_summary_id"]
    noise_lines = [
        line
        for annotation in gold["articles"].values()
        for key in ("noise_lines", "duplicate_lines", "subheadings")
        for line in annotation.get(key, [])
    ] + [a["byline"] for a in gold["articles"].values() if a.get("byline")]
    with Engine(settings, db=":memory:") as engine:
        documents = []
        source = str(articles_path)
        for lineno, line in enumerate(Path(articles_path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            article = article_from_mapping(load_json(line, source=source, line=lineno), source=source, line=lineno)
            if article.id not in event["articles"]:
                continue
            cleaned = engine.clean(article)
            if isinstance(cleaned, InputError):
                raise cleaned
            documents.append(engine.analyzer.analyse(cleaned))
        spec = LengthSpec.parse(length or f"{word_count(reference)}w")
        story = build_story(
            documents, engine.summarizer(), engine.analyzer.tokenizer, spec, engine.settings["citation_threshold"]
        )
    outlets = sorted({c.outlet for s in story.summary for c in s.citations if c.outlet})
    noisy = [s.text for s in story.summary if any(_holds(s.text, line) for line in noise_lines)]
    summary = " ".join(s.text for s in story.summary)
    return SeedResult(story, tuple(outlets), tuple(noisy), rouge(summary, [reference]))


def _holds(sentence: str, line: str) -> bool:
    a, b = " ".join(rouge_tokens(sentence)), " ".join(rouge_tokens(line))
    return bool(b) and (b in a or a in b)


def results_table(results: Sequence[SystemResult]) -> list[list[str]]:
    """Rows for printing: system, R-1, R-2, R-L, seconds per cluster, over-budget count."""
    rows = [["system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "s/cluster", "over budget"]]
    for r in results:
        rows.append(
            [
                r.system,
                f"{r.scores.rouge1:.2f}",
                f"{r.scores.rouge2:.2f}",
                f"{r.scores.rougeL:.2f}",
                f"{r.seconds_per_cluster:.4f}",
                str(r.over_budget),
            ]
        )
    return rows

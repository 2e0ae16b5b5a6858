"""Story clustering: the link formula's parts, the stream (online == batch == one average link
over everything), copies, the date window, the embedder and the eval runner's input errors.

The fixture (tests/fixtures/clustering/events.jsonl) is our own writing: four events, one of
them reported in English too, and a second earthquake seven weeks after the first.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from ringkas.clustering import CLUSTERERS, EventClusterer, make_clusterer
from ringkas.clustering.features import RunningIdf, lexical_terms
from ringkas.clustering.stream import Arrival, StoryStream, StreamParams
from ringkas.errors import ConfigError, FormatError, InputError
from ringkas.evaluation.clustering import bertopic_installed
from ringkas.evaluation.metrics import bcubed
from ringkas.models import Article, Document

FIXTURE = Path(__file__).parent / "fixtures" / "clustering" / "events.jsonl"
GOLD = {
    "gempa-cianjur-1": "cianjur",
    "gempa-cianjur-2": "cianjur",
    "gempa-cianjur-3": "cianjur",
    "cianjur-quake-en": "cianjur",
    "beras-cipinang-1": "beras",
    "beras-cipinang-2": "beras",
    "timnas-u20-1": "timnas",
    "timnas-u20-2": "timnas",
    "gempa-sukabumi-1": "sukabumi",
}


def random_arrivals(count: int, events: int, *, seed: int = 0, dated: bool = False) -> list[Arrival]:
    """Articles of a few events: each event a direction and a handful of words of its own."""
    rng = np.random.default_rng(seed)
    centers = rng.standard_normal((events, 16))
    out = []
    for n in range(count):
        event = int(rng.integers(events))
        vector = centers[event] + 0.6 * rng.standard_normal(16)
        words = [f"e{event}w{w}" for w in rng.choice(12, 6, replace=False)] + [f"c{w}" for w in rng.integers(0, 40, 8)]
        day = 739000 + 3 * event + int(rng.integers(0, 2)) if dated else -1
        language = "en" if rng.random() < 0.3 else "id"
        out.append(Arrival(f"a{n}", (vector / np.linalg.norm(vector)).astype(np.float32), words, language, day))
    return out


def groups_as_sets(stream: StoryStream) -> set[frozenset[str]]:
    return {frozenset(group) for group in stream.groups()}


# -- features ------------------------------------------------------------------------


def test_lexical_terms_lowercase_words_and_cjk_pairs() -> None:
    assert lexical_terms("Gempa M 5,8 di Cianjur") == ["gempa", "di", "cianjur"]
    assert lexical_terms("新加坡科学家") == ["新加", "加坡", "坡科", "科学", "学家"]
    assert lexical_terms("飓风 Fiona 菲") == ["飓风", "fiona", "菲"]
    assert lexical_terms("") == []


def test_running_idf_weights_are_fixed_when_an_article_arrives() -> None:
    idf = RunningIdf(top_terms=3)
    first = idf.add(["gempa", "cianjur", "rumah", "rusak"])
    again = idf.add(["gempa", "cianjur", "rumah", "rusak"])
    assert len(first.terms) == 3 and abs(float(np.linalg.norm(first.weights)) - 1.0) < 1e-6
    assert first.dot(again) == pytest.approx(1.0, abs=1e-6)  # same words, df all equal: same vector
    other = idf.add(["harga", "beras"])
    assert first.dot(other) == 0.0
    assert idf.documents == 3 and idf.df[idf.vocabulary["gempa"]] == 2


# -- the stream ----------------------------------------------------------------------


@pytest.mark.parametrize("dated", [False, True])
def test_batch_is_the_online_sequence_and_close_to_one_average_link(dated: bool) -> None:
    arrivals = random_arrivals(60, 8, seed=3, dated=dated)
    online = StoryStream(16)
    changes = [online.add(arrival) for arrival in arrivals]
    batch = StoryStream(16)
    batch.extend(arrivals)
    assert online.groups() == batch.groups()
    assert all(change.updated for change in changes)  # every arrival is in a story it reports
    # Average link over all articles at once (the local updates approximate it):
    everything = batch._average_link(list(range(len(batch._ids))))
    label = {batch._ids[n]: k for k, group in enumerate(everything) for n in group}
    ours = {a: k for k, group in enumerate(batch.groups()) for a in group}
    assert bcubed(ours, label).f1 >= 0.95
    assert 3 <= len(batch.groups()) < 60  # the data has structure and the threshold finds some of it


def test_change_reports_stories_that_formed_and_stories_merged_away() -> None:
    vector = np.ones(4, dtype=np.float32) / 2
    stream = StoryStream(4, StreamParams(threshold=0.3))
    stream.add(Arrival("a", vector, ["gempa", "cianjur", "rumah"], "id"))
    far = np.array([1, -1, 1, -1], dtype=np.float32) / 2
    stream.add(Arrival("b", far, ["beras", "cipinang"], "id"))
    assert stream.groups() == [("a",), ("b",)]
    change = stream.add(Arrival("c", vector, ["gempa", "cianjur", "rumah"], "id"))
    assert change.updated == [("a", "c")]
    assert change.removed == []


def test_articles_far_apart_in_time_never_share_a_story() -> None:
    vector = np.ones(4, dtype=np.float32) / 2
    words = ["gempa", "cianjur", "bpbd", "rumah", "rusak"]
    stream = StoryStream(4, StreamParams(window_days=7))
    stream.add(Arrival("march", vector, words, "id", day=739000))
    stream.add(Arrival("april", vector, words, "id", day=739000 + 30))
    stream.add(Arrival("march-later", vector, words, "id", day=739000 + 6))
    stream.add(Arrival("undated", vector, words, "id"))
    groups = groups_as_sets(stream)
    assert stream.story_of("march") == ("march", "march-later") or "undated" in stream.story_of("march")
    assert not set(stream.story_of("march")) & set(stream.story_of("april"))
    assert len(groups) == 2


def test_a_copy_rides_with_its_original_and_needs_no_vector() -> None:
    vector = np.ones(4, dtype=np.float32) / 2
    stream = StoryStream(4)
    stream.add(Arrival("original", vector, ["harga", "beras"], "id"))
    change = stream.add(Arrival("copy", None, duplicate_of="original"))
    assert change.updated == [("original", "copy")]
    assert stream.story_of("copy") == ("original", "copy")
    with pytest.raises(ValueError, match="no vector"):
        stream.add(Arrival("orphan", None, duplicate_of="unknown"))
    with pytest.raises(ValueError, match="shape"):
        stream.add(Arrival("short", np.ones(3, dtype=np.float32), ["x"], "id"))


def test_the_same_article_again_refreshes_its_story_and_changes_nothing_else() -> None:
    vector = np.ones(4, dtype=np.float32) / 2
    stream = StoryStream(4)
    stream.add(Arrival("a", vector, ["gempa"], "id"))
    change = stream.add(Arrival("a", vector, ["gempa"], "id"))
    assert change.updated == [("a",)] and len(stream) == 1


def test_across_languages_the_embedding_alone_can_link() -> None:
    rng = np.random.default_rng(5)
    background = [rng.standard_normal(8) for _ in range(30)]
    stream = StoryStream(8)
    for n, row in enumerate(background):
        stream.add(Arrival(f"bg{n}", (row / np.linalg.norm(row)).astype(np.float32), [f"w{n}"], "id"))
    event = np.ones(8, dtype=np.float32) / np.sqrt(8)
    stream.add(Arrival("id-report", event, ["gempa", "cianjur"], "id"))
    stream.add(Arrival("en-report", event, ["earthquake", "cianjur"], "en"))
    assert stream.story_of("en-report") == ("id-report", "en-report")


# -- the clusterer over documents ---------------------------------------------------------


class FakeEmbedder:
    """Vectors from a table (no model): lets the clusterer's plumbing be tested exactly."""

    name = "fake"
    model_id = "fake-1"
    dim = 4

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        rows = [
            np.array([1.0, "Gempa" in t or "quake" in t, "beras" in t.lower(), len(t) % 3], dtype=np.float32)
            for t in texts
        ]
        matrix = np.array(rows)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


class MemoryCache:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], np.ndarray] = {}

    def get(self, model_id: str, keys: list[str]) -> dict[str, np.ndarray]:
        return {k: self.rows[(model_id, k)] for k in keys if (model_id, k) in self.rows}

    def put(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        self.rows.update({(model_id, k): v for k, v in vectors.items()})


def fixture_documents(engine) -> list[Document]:  # type: ignore[no-untyped-def]
    articles = [a for a in engine.read([str(FIXTURE)]) if not isinstance(a, InputError)]
    assert len(articles) == 9
    return [Document(a, ()) for a in articles]


def test_shipped_settings_are_the_measured_configuration() -> None:
    """The settings table and the modules' defaults name one configuration (the one whose
    figures the README and benchmarks/cluster.py report): a change to one must reach the other."""
    from ringkas.clustering.stream import DEFAULT_THRESHOLD
    from ringkas.embedding.use import DEFAULT_MAX_TOKENS
    from ringkas.settings import Settings

    defaults = Settings(environ={}, config_file=None)
    assert defaults["clusterer"] == "events" and defaults["embedder"] == "use"
    assert defaults["cluster_threshold"] == DEFAULT_THRESHOLD
    assert defaults["embed_max_tokens"] == DEFAULT_MAX_TOKENS
    assert defaults["cluster_window_days"] == StreamParams().window_days == EventClusterer().params.window_days


def test_registry_has_events_and_refuses_unknown_names() -> None:
    assert {"events", "tfidf"} <= set(CLUSTERERS)
    with pytest.raises(ConfigError, match="unknown clusterer"):
        make_clusterer("kmeans")


def test_vectors_come_from_the_cache_once_embedded_and_copies_are_not_embedded(engine) -> None:  # type: ignore[no-untyped-def]
    documents = fixture_documents(engine)
    copy = replace(documents[1].article, id="copy-of-1", duplicate_of=documents[0].id)
    documents.insert(2, Document(copy, ()))
    embedder, cache = FakeEmbedder(), MemoryCache()
    clusterer = EventClusterer(embedder=embedder, vectors=cache)
    first = clusterer.cluster(documents)
    assert embedder.calls == 9  # the copy rides with its original
    assert clusterer.cluster(documents) == first and embedder.calls == 9  # all from the cache
    assert any(0 in group and 2 in group for group in first)


def test_use_embedder_groups_the_fixture_events(engine) -> None:  # type: ignore[no-untyped-def]
    documents = fixture_documents(engine)
    groups = engine.clusterer("events").cluster(documents)
    predicted = {documents[i].id: n for n, group in enumerate(groups) for i in group}
    scores = bcubed(predicted, GOLD)
    # Precision first; measured 2026-12-03: F1 0.875 (in a store of nine articles the quake's first
    # report and the disaster agency's tally of the same morning stay apart)
    assert scores.precision == 1.0 and scores.f1 >= 0.85
    # the English report of the earthquake joined the Indonesian ones
    assert predicted["cianjur-quake-en"] == predicted["gempa-cianjur-1"]


def test_use_embedder_vectors_are_unit_rows_cut_to_the_token_budget(engine) -> None:  # type: ignore[no-untyped-def]
    from ringkas.embedding import make_embedder

    short = make_embedder("use", max_tokens=16)
    long_text = "Gempa bumi mengguncang Cianjur. " * 50
    rows = short.embed([long_text, long_text[:200], "Harga beras naik."])
    assert rows.shape == (3, 512) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    assert float(rows[0] @ rows[1]) == pytest.approx(1.0, abs=1e-5)  # both cut to the same 16 pieces
    assert short.model_id != make_embedder("use").model_id
    with pytest.raises(ConfigError, match="unknown embedder"):
        make_embedder("word2vec")


# -- eval runner input errors -------------------------------------------------------------


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "x", "articles": []}', "field 'articles'"),
        ('{"id": "x", "articles": [{"id": "1", "title": "t"}]}', "article 0: no article text"),
    ],
)
def test_eval_file_errors_name_the_line(engine, tmp_path: Path, line: str, message: str) -> None:  # type: ignore[no-untyped-def]
    from ringkas.evaluation.clustering import read_eval_set

    good = json.dumps({"id": "ok", "articles": [{"id": "9", "title": "Harga beras", "text": "Harga beras naik."}]})
    path = write_lines(tmp_path / "set.jsonl", [good, line])
    with pytest.raises(InputError, match=message) as caught:
        read_eval_set(path, engine)
    assert caught.value.line == 2 and caught.value.source == str(path)


def test_eval_missing_file_and_repeated_ids(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ringkas.evaluation.clustering import read_eval_set

    with pytest.raises(InputError, match="no such file"):
        read_eval_set(tmp_path / "absent.jsonl", engine)
    article = {"id": "1", "title": "Harga beras", "text": "Harga beras naik di Cipinang."}
    path = write_lines(
        tmp_path / "twice.jsonl",
        [json.dumps({"id": "a", "articles": [article]}), json.dumps({"id": "b", "articles": [article]})],
    )
    evalset = read_eval_set(path, engine)
    assert sorted(evalset.gold) == ["1", "b/1"]  # ids repeated across lines are kept apart
    thrice = json.dumps({"id": "a", "articles": [article, article, article]})
    with pytest.raises(FormatError, match="appears twice"):
        read_eval_set(write_lines(tmp_path / "same.jsonl", [thrice]), engine)


def test_eval_events_file_names_articles_of_a_stream(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ringkas.evaluation.clustering import read_eval_set
    from ringkas.evaluation.sets import article_index

    stream = write_lines(
        tmp_path / "stream.jsonl",
        [
            json.dumps({"id": "s1", "title": "Banjir di Cilacap", "text": "Banjir merendam tiga desa di Cilacap."}),
            json.dumps({"id": "s2", "title": "Cilacap banjir lagi", "text": "Tiga desa di Cilacap terendam banjir."}),
            json.dumps({"id": "s3", "title": "Harga cabai turun", "text": "Harga cabai di Pasar Minggu turun."}),
        ],
    )
    events = write_lines(
        tmp_path / "events.jsonl",
        [
            json.dumps({"event": "flood in Cilacap", "article_ids": ["s1", "s2"]}),
            json.dumps({"event": "chilli prices", "article_ids": ["s3"]}),
        ],
    )
    evalset = read_eval_set(events, engine, articles_by_id=article_index(stream))
    assert evalset.stories == 2 and sorted(evalset.gold) == ["s1", "s2", "s3"]
    assert evalset.gold["s1"] == evalset.gold["s2"] != evalset.gold["s3"]
    with pytest.raises(FormatError, match="give the articles file") as caught:
        read_eval_set(events, engine)
    assert caught.value.line == 1
    absent = write_lines(tmp_path / "absent.jsonl", [json.dumps({"event": "x", "article_ids": ["s9"]})])
    with pytest.raises(FormatError, match="'s9' is not in the articles file"):
        read_eval_set(absent, engine, articles_by_id=article_index(stream))


def test_eval_cluster_writes_one_file_per_system_that_rescores_the_same(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ringkas.evaluation.clustering import default_systems, evaluate_file

    stories: dict[str, list[dict[str, str]]] = {}
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        stories.setdefault(GOLD[item["id"]], []).append(item)
    source = write_lines(tmp_path / "fixture.jsonl", [json.dumps({"id": k, "articles": v}) for k, v in stories.items()])
    evalset, runs = evaluate_file(source, engine, output_dir=tmp_path / "out", cache_dir=str(tmp_path / "cache"))
    assert [r.system for r in runs] == default_systems()
    assert default_systems()[:4] == ["ringkas", "agglomerative", "hdbscan", "tfidf-agglomerative"]
    assert evalset.stories == 4 and len(evalset.articles) == 9
    for run in runs:
        lines = [json.loads(x) for x in (tmp_path / "out" / f"{run.system}.jsonl").read_text().splitlines()]
        labels = {x["article_id"]: x["story"] for x in lines}
        assert bcubed(labels, evalset.gold) == run.scores
    assert runs[0].scores.f1 == 1.0
    with pytest.raises(ConfigError, match="unknown system"):
        evaluate_file(source, engine, systems=["kmeans"])


@pytest.mark.skipif(
    not bertopic_installed(), reason="BERTopic peer: the extra 'peers' is not installed (scripts/test installs it)"
)
def test_bertopic_peer_finds_planted_groups_and_labels_every_article() -> None:
    from ringkas.evaluation.clustering import bertopic_labels

    rng = np.random.default_rng(3)
    centres = rng.normal(size=(6, 48))
    articles, rows, gold = [], [], {}
    for event in range(6):
        for n in range(5):
            vector = centres[event] + 0.1 * rng.normal(size=48)
            rows.append(vector / np.linalg.norm(vector))
            article_id = f"e{event}-{n}"
            articles.append(Article(article_id, f"Kabar {event}", f"Berita peristiwa {event}, laporan {n}."))
            gold[article_id] = event
    labels = bertopic_labels(articles, np.asarray(rows, dtype=np.float32), 2)
    predicted = {a.id: int(t) if t >= 0 else f"outlier-{a.id}" for a, t in zip(articles, labels.tolist(), strict=True)}
    assert len(predicted) == 30
    assert bcubed(predicted, gold).f1 >= 0.9
    # fewer articles than UMAP can lay out: each is a story of its own
    assert bertopic_labels(articles[:4], np.asarray(rows[:4], dtype=np.float32), 2).tolist() == [0, 1, 2, 3]


def test_eval_cluster_without_bertopic_leaves_it_out_by_default_and_refuses_it_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from ringkas.cli import main
    from ringkas.evaluation import clustering

    monkeypatch.setattr(clustering, "bertopic_installed", lambda: False)
    lines = [json.dumps(json.loads(line)) for line in FIXTURE.read_text(encoding="utf-8").splitlines()[:4]]
    source = write_lines(
        tmp_path / "one-each.jsonl", [json.dumps({"id": n, "articles": [json.loads(x)]}) for n, x in enumerate(lines)]
    )
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(main, ["--db", db, "eval", "cluster", str(source), "--systems", "ringkas,bertopic"])
    assert result.exit_code == 1 and "pip install -e '.[peers]'" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(
        main, ["--db", db, "eval", "cluster", str(source), "--output-dir", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert "bertopic: not installed, left out" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "agglomerative.jsonl",
        "hdbscan.jsonl",
        "ringkas.jsonl",
        "tfidf-agglomerative.jsonl",
    ]

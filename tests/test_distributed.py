"""The Dask engine: the local engine's stories on a real two-worker cluster, streamed input, Parquet."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import distributed
import numpy as np
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ringkas import Engine
from ringkas.cli import main
from ringkas.clustering import CLUSTERERS
from ringkas.distributed import DaskEngine, PartitionStream
from ringkas.distributed.sources import FileSlice, LineSlice, ReadSlice
from ringkas.distributed.tasks import StagesPlugin, json_lines
from ringkas.distributed.vectors import vector_step
from ringkas.errors import ConfigError, FormatError, InputTooLargeError
from tests.conftest import SAMPLES

CORPUS = SAMPLES / "corpus"

# Our own invented articles, for the streamed-input and bad-input tests.
BANJIR = (
    "Hujan deras sejak Selasa sore membuat Sungai Cibeureum meluap dan merendam ratusan rumah di Kecamatan "
    "Cisarua. Petugas BPBD mengevakuasi warga lanjut usia dengan perahu karet. Kepala pelaksana BPBD mengatakan "
    "ketinggian air mencapai satu meter di beberapa titik."
)
JEMBATAN = (
    "Jembatan gantung yang menghubungkan dua desa di Kabupaten Lebak putus setelah diterjang arus sungai. "
    "Puluhan pelajar kini harus memutar sejauh lima kilometer untuk sampai ke sekolah. Pemerintah kabupaten "
    "berjanji membangun jembatan darurat dalam dua pekan."
)
BERAS = (
    "Harga beras medium di Pasar Induk Caringin naik menjadi Rp 14.500 per kilogram dalam sepekan terakhir. "
    "Pedagang menyebut pasokan dari sentra produksi di pantai utara berkurang karena panen mundur. Dinas "
    "Perdagangan kota menyiapkan operasi pasar di dua belas kelurahan mulai Senin depan."
)


@pytest.fixture(scope="module")
def client():
    """A real two-worker cluster: separate processes, one thread each, closed after the module."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.WARNING
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def _vector_rows(engine: Engine) -> int:
    return len(engine.store.vectors(vector_step(engine.clusterer()).model_id, engine.store.article_ids()))


@pytest.mark.parametrize("clusterer", sorted(CLUSTERERS))
def test_dask_engine_gives_the_local_stories_and_summaries(tmp_path, client, clusterer):
    with Engine(db=str(tmp_path / "local.db"), progress=False, clusterer=clusterer) as engine:
        local_report, local_stories = engine.run([str(CORPUS)])
        embeds = vector_step(engine.clusterer()) is not None
        local_vectors = _vector_rows(engine) if embeds else 0
    with (
        Engine(db=str(tmp_path / "dask.db"), progress=False, clusterer=clusterer) as engine,
        distributed.get_task_stream(client) as tasks,
    ):
        driver_embedded: list[int] = []
        embed = engine.embedder.embed
        engine.embedder.embed = lambda texts: driver_embedded.append(len(texts)) or embed(texts)
        # Small partitions, so stories span partitions and both workers get work.
        dask_report, dask_stories = DaskEngine(engine, client=client, partition_size=5).run([str(CORPUS)])
        stored = engine.store.count_articles()
        dask_vectors = _vector_rows(engine) if embeds else 0
    assert len({t["worker"] for t in tasks.data}) == 2
    assert (dask_report.read, dask_report.stored, len(dask_report.skipped)) == (
        local_report.read,
        local_report.stored,
        len(local_report.skipped),
    )
    assert stored == local_report.stored > 40
    assert len(local_stories) > 5 and any(len(s.article_ids) > 1 for s in local_stories)
    # Identical stories: the same articles, ids, headlines, summary sentences and citations.
    assert [s.article_ids for s in dask_stories] == [s.article_ids for s in local_stories]
    assert [s.summary for s in dask_stories] == [s.summary for s in local_stories]
    assert dask_stories == local_stories
    # A clusterer that embeds had its vectors made on the workers: the driver embedded nothing.
    assert sum(driver_embedded) == 0
    assert dask_vectors == local_vectors and (local_vectors > 0) == embeds


def test_dask_engine_gives_the_local_weak_articles(tmp_path, client):
    """Our own four reports (tests/fixtures/clustering/weak_links.jsonl): a low cluster cut takes a
    road closure into a landslide's story on weak links; the workers' summaries leave it out too."""
    fixture = Path(__file__).parent / "fixtures" / "clustering" / "weak_links.jsonl"
    settings = {"cluster_threshold": 0.05, "summary_length": "20"}
    with Engine(db=str(tmp_path / "local.db"), progress=False, **settings) as engine:
        _, local_stories = engine.run([str(fixture)])
    assert [s.weak_article_ids for s in local_stories] == [("jalan-bayongbong-1",)]
    with Engine(db=str(tmp_path / "dask.db"), progress=False, **settings) as engine:
        _, dask_stories = DaskEngine(engine, client=client, partition_size=2).run([str(fixture)])
    assert dask_stories == local_stories


def test_parquet_output_holds_the_stored_articles_stories_and_summaries(tmp_path, client):
    out = tmp_path / "parquet"
    with Engine(db=str(tmp_path / "pq.db"), progress=False) as engine:
        with DaskEngine(engine, client=client, partition_size=16, parquet=out) as dask_engine:
            _, stories = dask_engine.run([str(CORPUS)])
        article_ids = engine.store.article_ids()
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert [a["id"] for a in articles] == article_ids
    assert all(a["text"] and a["title"] is not None for a in articles)
    story_rows = pq.read_table(out / "stories.parquet").to_pylist()
    assert [(r["id"], r["headline"], tuple(r["article_ids"])) for r in story_rows] == [
        (s.id, s.headline, s.article_ids) for s in stories
    ]
    summary_rows = pq.read_table(out / "summaries.parquet").to_pylist()
    expected = [
        (s.id, n, x.text, [c.article_id for c in x.citations]) for s in stories for n, x in enumerate(s.summary)
    ]
    assert [(r["story_id"], r["position"], r["text"], r["cited_article_ids"]) for r in summary_rows] == expected


def _feed(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_input_is_named_by_file_and_line_and_the_batch_goes_on(tmp_path, client):
    folder = tmp_path / "in"
    folder.mkdir()
    _feed(
        folder / "kiriman.jsonl",
        [
            json.dumps({"id": "banjir-cisarua", "title": "Banjir Rendam Cisarua", "text": BANJIR}),
            '{"id": "rusak", "title": "Baris rusak", "text": ',
            json.dumps({"id": "tanpa-isi", "title": "Tanpa isi"}),
            "",
            json.dumps({"id": "jembatan-lebak", "title": "Jembatan Gantung di Lebak Putus", "text": JEMBATAN}),
        ],
    )
    (folder / "kosong.txt").write_text("", encoding="utf-8")
    with Engine(db=str(tmp_path / "local.db"), progress=False) as engine:
        local_report, local_stories = engine.run([str(folder)])
    with Engine(db=str(tmp_path / "bad.db"), progress=False) as engine:
        report, stories = DaskEngine(engine, client=client, partition_size=2).run([str(folder)])
    problems = sorted(p.describe() for p in report.skipped)
    assert problems == sorted(p.describe() for p in local_report.skipped)
    assert [(p.source, p.line) for p in sorted(report.skipped, key=lambda p: p.describe())] == [
        (str(folder / "kiriman.jsonl"), 2),
        (str(folder / "kiriman.jsonl"), 3),
        (str(folder / "kosong.txt"), None),
    ]
    assert report.read == 2 and stories == local_stories


def test_json_lines_are_streamed_in_partitions_with_their_line_numbers(tmp_path):
    lines = [json.dumps({"title": f"Banjir hari ke-{n}", "text": BANJIR}) for n in range(1, 1001)]
    big = _feed(tmp_path / "arsip.jsonl", lines)
    stream = PartitionStream(size=300, max_bytes=big.stat().st_size // 4)  # the file is over the whole-file limit
    partitions = list(stream.partitions([str(big)]))
    assert [sum(len(s.data.split(b"\n")) - 1 for s in p if isinstance(s, LineSlice)) for p in partitions] == [
        300,
        300,
        300,
        100,
    ]
    assert [p[0].first_line for p in partitions if isinstance(p[0], LineSlice)] == [1, 301, 601, 901]
    articles = [a for p in partitions for s in p if isinstance(s, LineSlice) for a in json_lines(s)]
    assert [a.id for a in articles[:2]] == ["arsip-1", "arsip-2"] and articles[-1].id == "arsip-1000"
    assert articles[700].title == "Banjir hari ke-701"


def test_an_over_long_line_is_skipped_by_name_not_the_file(tmp_path):
    lines = [json.dumps({"id": "a", "text": BANJIR}), json.dumps({"id": "b", "text": BANJIR * 40})]
    path = _feed(tmp_path / "campur.jsonl", lines)
    slices = [s for p in PartitionStream(size=10, max_bytes=5_000).partitions([str(path)]) for s in p]
    errors = [i.rebuild() for s in slices if isinstance(s, ReadSlice) for i in s.items]
    assert len(errors) == 1 and isinstance(errors[0], InputTooLargeError) and errors[0].line == 2
    articles = [a for s in slices if isinstance(s, LineSlice) for a in json_lines(s)]
    assert [a.id for a in articles] == ["a"]


def test_other_files_go_whole_in_the_reading_stage_order(tmp_path):
    folder = tmp_path / "campur"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("Judul\n" + JEMBATAN, encoding="utf-8")
    (folder / "sub" / "a.json").write_text(json.dumps([{"id": "x", "text": BANJIR}]), encoding="utf-8")
    (folder / ".tersembunyi.txt").write_text("Judul\n" + BANJIR, encoding="utf-8")
    (folder / "pretty.jsonl").write_text(json.dumps({"id": "y", "text": BANJIR}, indent=2), encoding="utf-8")
    slices = [s for p in PartitionStream(size=2).partitions([str(folder), str(tmp_path / "tidak-ada")]) for s in p]
    assert slices[:3] == [
        FileSlice(str(folder / "b.txt")),
        FileSlice(str(folder / "pretty.jsonl")),  # not one object a line: read whole, as the reader does
        FileSlice(str(folder / "sub" / "a.json")),
    ]
    assert isinstance(slices[3], ReadSlice) and "no such file" in slices[3].items[0].message


def test_json_line_errors_carry_the_file_line():
    data = b'{"id": "ok", "text": "Isi berita yang cukup panjang."}\n{oops\n\xff\xfe\n'
    items = list(json_lines(LineSlice("kiriman.jsonl", 41, data)))
    assert items[0].id == "ok"
    assert isinstance(items[1], FormatError) and items[1].line == 42 and "invalid JSON" in items[1].message
    assert items[2].line == 43


def test_cli_runs_on_an_existing_scheduler_and_writes_parquet(tmp_path, client):
    runner = CliRunner()
    outputs = {}
    for name, extra in (("dask", ["--engine", "dask", "--scheduler", client.scheduler.address]), ("local", [])):
        args = ["--db", str(tmp_path / f"{name}.db"), "--no-progress", "run", str(CORPUS), *extra]
        result = runner.invoke(main, [*args, "--parquet", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        outputs[name] = result.stdout
    assert outputs["dask"] == outputs["local"]
    for table in ("articles", "stories", "summaries"):
        dask_rows = pq.read_table(tmp_path / "dask" / f"{table}.parquet").to_pylist()
        assert dask_rows == pq.read_table(tmp_path / "local" / f"{table}.parquet").to_pylist()
        assert dask_rows
    stories = pq.read_table(tmp_path / "dask" / "stories.parquet").num_rows
    assert stories == outputs["dask"].count(" article(s)") > 5


def test_cli_flags_that_do_not_fit_together(tmp_path):
    runner = CliRunner()
    base = ["--db", str(tmp_path / "x.db"), "run", str(CORPUS)]
    result = runner.invoke(main, [*base, "--workers", "2"])
    assert result.exit_code == 2 and "--engine dask" in result.output
    result = runner.invoke(main, [*base, "--engine", "dask", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "not both" in result.output


def test_dask_engine_refuses_bad_options(tmp_path):
    with Engine(db=str(tmp_path / "o.db"), progress=False) as engine:
        with pytest.raises(ConfigError, match="not both"):
            DaskEngine(engine, scheduler="tcp://127.0.0.1:8786", workers=2)
        with pytest.raises(ConfigError, match="at least 1"):
            DaskEngine(engine, workers=0)


@pytest.mark.parametrize("clusterer", sorted(CLUSTERERS))
def test_near_duplicates_are_marked_as_in_one_local_batch(tmp_path, client, clusterer):
    # The copy is read first but published a day after the original: marking must go by date
    # over the whole batch, not partition by partition.
    folder = tmp_path / "kawat"
    folder.mkdir()
    wire = BANJIR + " " + JEMBATAN
    rows = {
        "a-salinan.jsonl": {"id": "salinan", "title": "Banjir Cisarua", "text": wire, "published": "2024-05-03"},
        "b-asli.jsonl": {"id": "asli", "title": "Banjir Rendam Cisarua", "text": wire + " Warga mengungsi.",
                         "published": "2024-05-02"},
        "c-lain.jsonl": {"id": "lain", "title": "Harga Beras Naik", "text": BERAS, "published": "2024-05-01"},
    }  # fmt: skip
    for name, row in rows.items():
        _feed(folder / name, [json.dumps(row)])
    with Engine(db=str(tmp_path / "l.db"), progress=False, clusterer=clusterer) as engine:
        local_report, local_stories = engine.run([str(folder)])
        local_marks = {a.id: a.duplicate_of for a in engine.store.articles()}
        step = vector_step(engine.clusterer())
        local_vectors = set(engine.store.vectors(step.model_id, engine.store.article_ids())) if step else set()
    with Engine(db=str(tmp_path / "d.db"), progress=False, clusterer=clusterer) as engine:
        dask_engine = DaskEngine(engine, client=client, partition_size=1)
        dask_engine.store_chunk = 1
        report, stories = dask_engine.run([str(folder)])
        marks = {a.id: a.duplicate_of for a in engine.store.articles()}
        vectors = set(engine.store.vectors(step.model_id, engine.store.article_ids())) if step else set()
    assert local_marks["salinan"] == "asli"
    assert marks == local_marks and report.near_duplicates == local_report.near_duplicates == 1
    # The copy rides with its original: embedded neither locally nor on the workers.
    assert vectors == local_vectors == ({"asli", "lain"} if step else set())
    assert stories == local_stories


def test_a_copy_stored_before_its_original_is_embedded_on_the_driver(tmp_path, client):
    # Same day: the original is read first (so marked the original), but the copy's id sorts first
    # in store order, so the copy cannot ride with it. The workers skip copies; the driver's pass
    # embeds this one through the clusterer, as the local engine does.
    folder = tmp_path / "sehari"
    folder.mkdir()
    wire = BANJIR + " " + JEMBATAN
    rows = {
        "a.jsonl": {"id": "zz-asli", "title": "Banjir Rendam Cisarua", "text": wire, "published": "2024-05-02"},
        "b.jsonl": {"id": "aa-salinan", "title": "Banjir Cisarua", "text": wire, "published": "2024-05-02"},
        "c.jsonl": {"id": "lain", "title": "Harga Beras Naik", "text": BERAS, "published": "2024-05-01"},
    }
    for name, row in rows.items():
        _feed(folder / name, [json.dumps(row)])
    with Engine(db=str(tmp_path / "l.db"), progress=False) as engine:
        _, local_stories = engine.run([str(folder)])
        assert engine.article("aa-salinan").duplicate_of == "zz-asli"
        step = vector_step(engine.clusterer())
        local_vectors = set(engine.store.vectors(step.model_id, engine.store.article_ids()))
    with Engine(db=str(tmp_path / "d.db"), progress=False) as engine:
        driver_embedded: list[str] = []
        embed = engine.embedder.embed
        engine.embedder.embed = lambda texts: driver_embedded.extend(texts) or embed(texts)
        _, stories = DaskEngine(engine, client=client, partition_size=1).run([str(folder)])
        vectors = set(engine.store.vectors(step.model_id, engine.store.article_ids()))
    assert [t.split("\n")[0] for t in driver_embedded] == ["Banjir Cisarua"]
    assert vectors == local_vectors == {"aa-salinan", "zz-asli", "lain"}
    assert stories == local_stories


def test_workers_run_with_the_driver_settings(tmp_path, client):
    # Two engines with different settings share the cluster; each run's workers use its own.
    with Engine(db=str(tmp_path / "short-local.db"), progress=False, summary_length="2") as engine:
        _, local_short = engine.run([str(CORPUS)])
    with (
        Engine(db=str(tmp_path / "short.db"), progress=False, summary_length="2") as short_engine,
        Engine(db=str(tmp_path / "long.db"), progress=False, summary_length="6") as long_engine,
        DaskEngine(short_engine, client=client, partition_size=20) as short_dask,
        DaskEngine(long_engine, client=client, partition_size=20) as long_dask,
    ):
        _, short = short_dask.run([str(CORPUS)])
        _, long = long_dask.run([str(CORPUS)])
    assert short == local_short and max(len(s.summary) for s in short) == 2
    assert max(len(s.summary) for s in long) > 2


def test_a_second_run_with_new_versions_and_copies_matches_the_local_engine(tmp_path, client):
    first, second = tmp_path / "pertama", tmp_path / "kedua"
    first.mkdir()
    second.mkdir()
    _feed(
        first / "a.jsonl",
        [
            json.dumps({"id": "banjir", "title": "Banjir Rendam Cisarua", "text": BANJIR, "published": "2024-05-02"}),
            json.dumps({"id": "beras", "title": "Harga Beras Naik", "text": BERAS, "published": "2024-05-01"}),
        ],
    )
    _feed(
        second / "b.jsonl",
        [
            # a new version of a stored article, the same article under another id, a new one,
            # and in the same run a newer version again (stored in a later chunk)
            json.dumps({"id": "banjir", "title": "Banjir Rendam Cisarua", "text": BANJIR + " Air mulai surut.",
                        "published": "2024-05-02"}),
            json.dumps({"id": "beras-2", "title": "Harga Beras Naik", "text": BERAS, "published": "2024-05-01"}),
            json.dumps({"id": "jembatan", "title": "Jembatan Lebak Putus", "text": JEMBATAN,
                        "published": "2024-05-03"}),
            json.dumps({"id": "banjir", "title": "Banjir Cisarua Surut", "text": BANJIR + " Warga kembali pulang.",
                        "published": "2024-05-03"}),
        ],
    )  # fmt: skip
    results = {}
    for name in ("local", "dask"):
        with Engine(db=str(tmp_path / f"{name}.db"), progress=False) as engine:
            for folder in (first, second):
                if name == "local":
                    report, stories = engine.run([str(folder)])
                else:
                    dask_engine = DaskEngine(engine, client=client, partition_size=1)
                    dask_engine.store_chunk = 1
                    report, stories = dask_engine.run([str(folder)])
            results[name] = (report.stored, report.updated, report.duplicates, stories, engine.store.articles())
    assert results["dask"] == results["local"]
    assert results["local"][:3] == (1, 2, 1)
    banjir = next(a for a in results["dask"][4] if a.id == "banjir")
    assert banjir.title == "Banjir Cisarua Surut"  # the last version read wins, as locally
    assert any("banjir" in story.article_ids for story in results["dask"][3])


def test_partitions_are_even_across_json_lines_files(tmp_path):
    for name in ("a", "b"):
        _feed(tmp_path / f"{name}.jsonl", [json.dumps({"id": f"{name}{n}", "text": BERAS}) for n in range(5)])
    partitions = list(PartitionStream(size=4).partitions([str(tmp_path)]))
    shapes = [[(Path(s.source).stem, s.first_line, s.data.count(b"\n")) for s in p] for p in partitions]
    assert shapes == [[("a", 1, 4)], [("a", 5, 1), ("b", 1, 3)], [("b", 4, 2)]]


class _Cache:
    def __init__(self) -> None:
        self.rows: dict[str, list[float]] = {"a": [1.0]}

    def get(self, model_id, keys):
        return {k: self.rows[k] for k in keys if k in self.rows}

    def put(self, model_id, vectors):
        self.rows.update(vectors)


class _Embedder:
    model_id = "fake-1"


class _EmbeddingClusterer:
    def __init__(self, cache) -> None:
        self.embedder = _Embedder()
        self.cache = cache

    def vectors(self, articles):
        raise AssertionError("not called here")


def test_vector_step_only_for_clusterers_that_embed_through_a_cache():
    from ringkas.clustering import TfidfClusterer
    from ringkas.distributed.vectors import vector_step

    assert vector_step(TfidfClusterer()) is None
    assert vector_step(_EmbeddingClusterer(None)) is None
    step = vector_step(_EmbeddingClusterer(_Cache()))
    assert step is not None and step.model_id == "fake-1"
    assert step.missing(["a", "b", "c"]) == [1, 2]
    step.put(["b"], np.array([[2.0]], dtype=np.float32))
    assert step.missing(["a", "b", "c"]) == [2]


def test_streaming_a_large_json_lines_file_keeps_one_partition_in_memory(tmp_path):
    import tracemalloc

    line = json.dumps({"title": "Banjir Cisarua", "text": BANJIR}) + "\n"
    path = tmp_path / "besar.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(25_000):
            handle.write(line)
    size = path.stat().st_size
    assert size > 7_000_000
    tracemalloc.start()
    try:
        lines = 0
        for partition in PartitionStream(size=256).partitions([str(path)]):
            lines += sum(s.data.count(b"\n") for s in partition if isinstance(s, LineSlice))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lines == 25_000
    assert peak < 1_000_000, f"peak {peak} bytes while streaming a {size}-byte file"


class _BrokenPlugin(StagesPlugin):
    def setup(self, worker: object) -> None:
        raise RuntimeError("model file missing on this worker")


def test_workers_that_cannot_set_up_ringkas_give_one_clear_error(tmp_path, client, monkeypatch):
    monkeypatch.setattr("ringkas.distributed.engine.StagesPlugin", _BrokenPlugin)
    with (
        Engine(db=str(tmp_path / "x.db"), progress=False) as engine,
        pytest.raises(ConfigError, match=r"cannot set up ringkas .*model file missing"),
    ):
        DaskEngine(engine, client=client)
    assert client.status == "running"  # a cluster the caller owns stays up

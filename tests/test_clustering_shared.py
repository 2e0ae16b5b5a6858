"""Clustering floors on data we did not write: the five seed articles and fixed subsets of two
public sets (read from ../shared; skipped with a reason when it is absent), and the bundled
sample corpus. Floors are a little under what was measured (in the comment) so that noise
does not fail CI, a real regression does. Full-set figures: benchmarks/cluster.py quality."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES, shared_path

from ringkas import Engine
from ringkas.errors import InputError
from ringkas.evaluation.clustering import evaluate_file
from ringkas.evaluation.metrics import bcubed
from ringkas.models import Document

KIM_PUTIN = {"000_f1e473b128159fc4", "001_6fc8ed764c86407c", "002_0987a769f343347d", "003_b724f73c1ca55076"}
LAVROV = {"004_09c633fbae8da99e"}


def clustered(engine: Engine, paths: list[str]) -> list[set[str]]:
    articles = [a for a in engine.read(paths) if not isinstance(a, InputError)]
    articles = engine.mark_duplicates(articles)
    documents = [Document(a, ()) for a in articles]
    return [{documents[i].id for i in group} for group in engine.clusterer().cluster(documents)]


@pytest.mark.shared
def test_seeds_with_dates_kim_putin_summit_and_lavrov_visit(engine: Engine) -> None:
    groups = clustered(engine, [str(shared_path("gold", "seeds-with-dates.jsonl"))])
    assert sorted(groups, key=len) == [LAVROV, KIM_PUTIN]


@pytest.mark.shared
def test_whole_pipeline_on_the_dated_seeds(engine: Engine) -> None:
    _report, stories = engine.run([str(shared_path("gold", "seeds-with-dates.jsonl"))])
    assert sorted((set(s.article_ids) for s in stories), key=len) == [LAVROV, KIM_PUTIN]
    summit = next(s for s in stories if len(s.article_ids) == 4)
    assert summit.id == engine.story(summit.id).id and summit.summary


def subset(source: Path, target: Path, keep: slice | list[int]) -> Path:
    lines = [line for line in source.read_text(encoding="utf-8").split("\n") if line.strip()]
    chosen = lines[keep] if isinstance(keep, slice) else [lines[i] for i in keep]
    target.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return target


@pytest.mark.shared
def test_mmds_dev_subset_floor_and_margin(engine: Engine, tmp_path: Path) -> None:
    source = shared_path("data", "clustering", "mmds_dev.jsonl")
    count = len([line for line in source.read_text(encoding="utf-8").split("\n") if line.strip()])
    path = subset(source, tmp_path / "mmds.jsonl", list(range(30)) + list(range(count - 20, count)))
    evalset, runs = evaluate_file(path, engine)
    scores = {r.system: r.scores.f1 for r in runs}
    assert len(evalset.articles) == 115
    # measured 2026-11-22: ringkas 0.9647, agglomerative 0.6442, hdbscan 0.8924, tfidf 0.7125;
    # 2026-12-03 with the model trained on seven real windows: ringkas 0.9485; 2026-12-04 with the
    # model trained on 13 (cut shift +0.25): 0.9437, HDBSCAN 0.8897. Floor: the MMDS bar (0.94)
    assert scores["ringkas"] >= 0.94
    # the margin: at least 0.03 above the best peer in the same run (measured +0.072)
    assert scores["ringkas"] >= max(v for k, v in scores.items() if k != "ringkas") + 0.03


@pytest.mark.shared
def test_vims_subset_floor(engine: Engine, tmp_path: Path) -> None:
    path = subset(shared_path("data", "mds", "vims.jsonl"), tmp_path / "vims.jsonl", slice(0, 30))
    evalset, runs = evaluate_file(path, engine, systems=["ringkas"])
    assert len(evalset.articles) == 194
    # measured 2026-11-22: 0.9626 (TF-IDF agglomerative: 0.9668); 2026-12-04 (13 real windows): 0.9470
    assert runs[0].scores.f1 >= 0.94


def test_sample_corpus_floor(engine: Engine) -> None:
    gold_path = SAMPLES / "gold.json"
    if not gold_path.exists():
        pytest.skip("samples/gold.json is absent")
    gold = {a: s["id"] for s in json.loads(gold_path.read_text(encoding="utf-8"))["stories"] for a in s["articles"]}
    groups = clustered(engine, [str(SAMPLES / "corpus")])
    predicted = {article_id: n for n, group in enumerate(groups) for article_id in group}
    assert set(predicted) == set(gold)
    score = bcubed(predicted, gold)
    assert score.precision >= 0.97 and score.f1 >= 0.93  # measured 2026-11-22: P 1.0, R 1.0, F1 1.0


# measured 2026-12-04 with the model trained on 13 real windows (this one among them, cut shift
# +0.25): 0.9522, TF-IDF + agglomerative 0.9290 (+0.023). In sample, so a regression floor at the
# issue's bar; the figures that predict unseen windows (leave one set out: 0.9409 here, 0.9519 on
# the 13 real sets' mean) come from scripts/train_links.py.
REALWORLD_FLOOR = 0.95
REALWORLD_MARGIN = 0.02


@pytest.mark.shared
def test_real_dev_window_floor_and_margin(engine: Engine) -> None:
    """Issue #15 on the real Indonesian dev window, in the same run as the peers. The shipped model
    was trained on this window, so this is a floor against regressions; the figures that predict
    unseen windows (held-out events, leave one set out) come from scripts/train_links.py."""
    evalset, runs = evaluate_file(shared_path("data", "realworld", "clusters_dev.jsonl"), engine)
    scores = {r.system: r.scores for r in runs}
    assert len(evalset.articles) == 314
    ours = scores["ringkas"]
    best_peer = max(v.f1 for k, v in scores.items() if k != "ringkas")
    # measured 0.9522, +0.0232 over the best peer
    assert ours.f1 >= REALWORLD_FLOOR and ours.f1 >= best_peer + REALWORLD_MARGIN

import json

import pytest
from click.testing import CliRunner

from ringkas import Engine
from ringkas.cli import main
from ringkas.errors import ConfigError, FormatError
from ringkas.evaluation.summarization import (
    EvalCluster,
    LeadSystem,
    OracleSystem,
    budget_of,
    evaluate_file,
    fill_budget,
    make_systems,
    read_clusters,
    summarize_seeds,
)
from ringkas.summarizing.base import sentence_words
from tests.conftest import shared_path

# Invented clusters in the ../shared/data format: two outlets on one flood, two on one fire.
CLUSTERS = [
    {
        "id": "banjir",
        "language": "id",
        "articles": [
            {
                "id": "b1",
                "title": "Banjir Rendam Ratusan Rumah di Kota Tepian",
                "text": "Banjir merendam ratusan rumah warga di Kota Tepian pada Senin pagi setelah hujan deras.\n"
                "Ketinggian air mencapai satu meter di tiga kelurahan.\n"
                "Warga mengungsi ke masjid dan balai desa terdekat.",
            },
            {
                "id": "b2",
                "title": "Ratusan Rumah di Tepian Terendam",
                "text": "Ratusan rumah warga di Kota Tepian terendam banjir pada Senin pagi usai hujan deras semalam.\n"
                "Petugas mengerahkan perahu karet untuk mengevakuasi warga lanjut usia.",
            },
        ],
        "summaries": [
            "Banjir merendam ratusan rumah di Kota Tepian pada Senin pagi setelah hujan deras semalam.",
            "Hujan deras membuat ratusan rumah di Kota Tepian terendam banjir hingga satu meter.",
        ],
    },
    {
        "id": "kebakaran",
        "language": "id",
        "articles": [
            {
                "id": "k1",
                "title": "Pasar Lama Terbakar",
                "text": "Kebakaran melanda Pasar Lama di pusat kota pada Rabu dini hari.\n"
                "Sebanyak 40 kios hangus dan kerugian ditaksir mencapai Rp 2 miliar.",
            },
            {
                "id": "k2",
                "title": "40 Kios Pasar Lama Hangus",
                "text": "Sebanyak 40 kios di Pasar Lama hangus dilalap api pada Rabu dini hari.\n"
                "Polisi masih menyelidiki penyebab kebakaran tersebut.",
            },
        ],
        "summaries": ["Kebakaran di Pasar Lama pada Rabu dini hari menghanguskan 40 kios."],
    },
]


@pytest.fixture
def cluster_file(tmp_path):
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in CLUSTERS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def engine():
    with Engine(db=":memory:", progress=False) as eng:
        yield eng


def test_budget_is_the_mean_reference_length_rounded_down():
    assert budget_of(["satu dua tiga", "satu dua tiga empat lima"]) == 4
    assert budget_of(["Rp 1.500.000"]) == 4  # ROUGE tokens: rp 1 500 000


def test_fill_budget_skips_what_does_not_fit_and_goes_on():
    ranked = ["satu dua tiga empat", "satu dua tiga empat lima enam", "tujuh delapan"]
    assert fill_budget(ranked, 6) == ["satu dua tiga empat", "tujuh delapan"]


def test_lead_goes_round_robin_over_the_articles(cluster_file, engine):
    cluster = next(read_clusters(cluster_file, engine))
    lead = LeadSystem().summarize(
        EvalCluster(cluster.id, cluster.language, cluster.documents, cluster.references, budget=40)
    )
    assert lead[0].startswith("Banjir merendam ratusan rumah")
    assert lead[1].startswith("Ratusan rumah warga di Kota Tepian")
    assert lead[2].startswith("Ketinggian air")


def test_every_system_stays_within_budget(cluster_file, engine):
    clusters = list(read_clusters(cluster_file, engine))
    for system in make_systems(["ringkas", "lead", "lexrank", "textrank", "lsa", "sumbasic", "kl", "oracle"], engine):
        for cluster in clusters:
            summary = system.summarize(cluster)
            assert summary, system.name
            assert sum(sentence_words(s) for s in summary) <= cluster.budget, system.name


def test_oracle_reaches_the_reference_when_an_article_holds_it(engine, tmp_path):
    item = dict(CLUSTERS[1], summaries=["Polisi masih menyelidiki penyebab kebakaran tersebut."])
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(item), encoding="utf-8")
    cluster = next(read_clusters(path, engine))
    assert OracleSystem().summarize(cluster) == ["Polisi masih menyelidiki penyebab kebakaran tersebut."]


def test_bad_lines_name_file_line_and_field(tmp_path, engine):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(CLUSTERS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad.jsonl:2: invalid JSON"):
        list(read_clusters(path, engine))
    path.write_text(json.dumps({"id": "x", "articles": CLUSTERS[0]["articles"]}) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad.jsonl:1: field 'summaries'"):
        list(read_clusters(path, engine))
    with pytest.raises(ConfigError, match="unknown system 'rouge'"):
        make_systems(["rouge"], engine)


def test_cli_prints_the_table_and_writes_each_system(cluster_file, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["eval", "summarize", str(cluster_file), "--output-dir", str(out), "--systems", "ringkas,lead,lexrank,oracle"],
    )
    assert result.exit_code == 0, result.output
    assert "ROUGE-2" in result.output and "lexrank" in result.output
    for name in ("ringkas", "lead", "lexrank", "oracle"):
        rows = [json.loads(line) for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [r["id"] for r in rows] == ["banjir", "kebakaran"]
        assert all(r["summary"] for r in rows)


def test_cli_reports_a_missing_file_in_one_line(tmp_path):
    result = CliRunner().invoke(main, ["eval", "summarize", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert "none.jsonl: no such file" in result.output


# -- quality floors on a fixed slice of the public sets (full figures: benchmarks/summarize.py) --
# Measured (ROUGE-1 / ROUGE-2) on the first 30 ViMs clusters: ringkas 53.7 / 35.9, Lead 45.3 / 27.8,
# LexRank 46.8 / 26.7. IndoSum: the first 600 articles (ROUGE-2 2026-12-04: ringkas 59.70, left out
# 59.61, Lead 59.21; the whole dev set, the bar: 59.39 against 58.75). The first 200 were
# too few: ringkas and Lead sat within 0.04 there, and leaving quotation interiors out moved ringkas
# from 59.02 to 58.95 against Lead 58.98 while it gained on the whole set (59.14 -> 59.39).


@pytest.mark.shared
def test_vims_floor_beats_lead():
    # LexRank is left to benchmarks/summarize.py: it alone would take most of this test's time.
    path = shared_path("data", "mds", "vims.jsonl")
    _, results = evaluate_file(path, ["ringkas", "lead"], limit=30)
    ringkas, left_out, lead = results
    assert left_out.system == "ringkas (left out)"
    assert ringkas.over_budget == 0 and left_out.over_budget == 0
    assert ringkas.scores.rouge1 >= 52.5
    assert ringkas.scores.rouge2 >= 35.0
    assert ringkas.scores.rouge2 >= lead.scores.rouge2 + 5.0
    # trained without ViMs (on IndoSum alone); measured 35.26 against Lead 27.81 (ringkas 36.16)
    assert left_out.scores.rouge2 >= 34.0
    assert left_out.scores.rouge2 >= lead.scores.rouge2 * 1.15


@pytest.mark.shared
def test_indosum_floor_keeps_up_with_lead():
    path = shared_path("data", "indosum", "dev123.jsonl")
    _, results = evaluate_file(path, ["ringkas", "lead"], limit=600)
    ringkas, left_out, lead = results
    assert ringkas.over_budget == 0
    assert ringkas.scores.rouge2 >= 58.5
    assert ringkas.scores.rouge2 >= lead.scores.rouge2
    assert left_out.scores.rouge2 >= lead.scores.rouge2 - 1.0  # trained without IndoSum (on ViMs alone)


@pytest.mark.shared
def test_seed_story_summary_is_clean_and_cites_three_outlets():
    result = summarize_seeds(shared_path("gold", "seeds-with-dates.jsonl"), shared_path("gold", "seeds.json"))
    assert result.noise == ()
    assert len(result.outlets) >= 3
    assert result.scores.rouge1 >= 33.0  # measured 39.6


def test_readability_reports_of_several_sets_add_up():
    from ringkas.evaluation.readability import ReadabilityReport

    first, second = ReadabilityReport(stories=2, sentences=9), ReadabilityReport(stories=1, sentences=4)
    first.add("outside the event", "a sentence of another happening")
    second.add("outside the event", "one more")
    second.add("dateline residue", "KOTA - a dateline")
    first.merge(second)
    assert (first.stories, first.sentences) == (3, 13)
    assert first.counts["outside the event"] == 2 and first.counts["dateline residue"] == 1
    assert first.examples["outside the event"] == ["a sentence of another happening", "one more"]

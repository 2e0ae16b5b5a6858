import json

import pytest
from click.testing import CliRunner

from ringkas import __version__
from ringkas.cli import main

COMMANDS = ["run", "ingest", "stories", "show", "export", "settings"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert __version__ in result.output


def test_user_errors_are_one_line_without_traceback(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "x.db")
    result = runner.invoke(main, ["--db", db, "show", "nope"])
    assert result.exit_code == 1
    assert "no story with id 'nope'" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["--db", db, "ingest", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt: no such file or folder" in result.output
    result = runner.invoke(main, ["--db", db, "--set", "cluster_threshold=high", "stories"])
    assert result.exit_code == 1
    assert "cluster_threshold" in result.output


def test_settings_lists_every_setting(tmp_path):
    from ringkas.settings import SETTINGS

    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "settings"])
    assert result.exit_code == 0
    for s in SETTINGS:
        assert s.name in result.output


def test_ingest_goes_on_past_bad_files(tmp_path):
    good = tmp_path / "banjir.txt"
    good.write_text(
        "Banjir Rendam Tiga Kecamatan di Semarang\n"
        "SEMARANG, WARTAUJI.ID - Banjir merendam tiga kecamatan di Kota Semarang pada Senin (4/3/2024) pagi. "
        "Ketinggian air mencapai 80 sentimeter di beberapa titik.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "Harga cabai naik di Pasar Johar."}\n{broken\n')
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "ingest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "empty.txt: file is empty" in result.output
    assert "bad.jsonl:2: invalid JSON" in result.output
    assert "read 2, stored 2" in result.output


def test_export_json_shape(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "x.db")
    src = tmp_path / "a.jsonl"
    rows = [
        {
            "id": "a",
            "url": "https://w.id/a",
            "outlet": "Warta Uji",
            "published": "2024-03-04",
            "title": "Banjir Semarang",
            "text": "Banjir merendam tiga kecamatan di Kota Semarang sejak Senin pagi. "
            "Warga mengungsi ke masjid terdekat dan balai desa.",
        },
        {
            "id": "b",
            "url": "https://k.id/b",
            "outlet": "Kabar Uji",
            "published": "2024-03-05",
            "title": "Semarang Dilanda Banjir",
            "text": "Tiga kecamatan di Kota Semarang terendam banjir sejak Senin pagi. "
            "Ratusan warga mengungsi ke balai desa.",
        },
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows))
    assert runner.invoke(main, ["--db", db, "run", str(src)]).exit_code == 0
    out = tmp_path / "out.json"
    result = runner.invoke(main, ["--db", db, "export", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    data = json.loads(out.read_text())
    story = data["stories"][0]
    assert set(story) >= {"id", "headline", "article_ids", "summary"}
    assert set(story["summary"][0]) >= {"text", "article_id", "citations"}
    assert set(story["summary"][0]["citations"][0]) == {"article_id", "outlet", "sentence_index"}
    article = data["articles"][0]
    assert set(article) >= {"id", "outlet", "title", "text", "published", "language", "removed"}
    for fmt in ("markdown", "html"):
        result = runner.invoke(main, ["--db", db, "export", "--format", fmt])
        assert result.exit_code == 0
        assert "Semarang" in result.output


def _story_file(tmp_path):
    src = tmp_path / "pasar.jsonl"
    rows = [
        {
            "id": f"p{n}",
            "title": "Harga Cabai Naik di Pasar Johar",
            "text": f"Harga cabai rawit di Pasar Johar Semarang naik menjadi Rp 80.000 per kilogram pada Senin. "
            f"Pedagang nomor {n} menyebut pasokan dari Temanggung berkurang karena hujan.",
            "outlet": outlet,
            "published": "2024-03-04",
        }
        for n, outlet in enumerate(("Warta Pantura", "Kabar Semarang"), 1)
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return src


def test_global_flags_after_the_command(tmp_path):
    runner = CliRunner()
    db = tmp_path / "y.db"
    src = _story_file(tmp_path)
    result = runner.invoke(main, ["run", str(src), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert db.exists() and not (tmp_path / "ringkas.db").exists()
    assert "Harga Cabai" in result.output
    result = runner.invoke(main, ["stories", f"--db={db}"])
    assert result.exit_code == 0, result.output
    assert "Harga Cabai" in result.output
    # --set and --config after the command, and a nested command (eval cluster) too
    result = runner.invoke(main, ["settings", "--db", str(db), "--set", "summary_length=2"])
    assert result.exit_code == 0, result.output
    assert "summary_length" in result.output and "--set" in result.output
    config = tmp_path / "ringkas.toml"
    config.write_text("[ringkas]\ncluster_window_days = 9\n", encoding="utf-8")
    result = runner.invoke(main, ["settings", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert any("cluster_window_days" in line and "9" in line for line in result.output.splitlines())


def test_global_flags_after_the_command_keep_errors_and_end_of_options(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["stories", "--db", str(tmp_path / "x.db"), "--set", "cluster_threshold=high"])
    assert result.exit_code == 1
    assert "cluster_threshold" in result.output and "Traceback" not in result.output
    result = runner.invoke(main, ["stories", "--db"])
    assert result.exit_code == 2
    assert "Option '--db' requires an argument" in result.output
    # after "--" every word is the command's own: here a file that is not there
    result = runner.invoke(main, ["ingest", "--db", str(tmp_path / "x.db"), "--", "--no-progress"])
    assert result.exit_code == 1
    assert "--no-progress: no such file or folder" in result.output

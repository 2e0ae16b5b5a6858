"""Hostile input through the real ``ringkas`` command (a subprocess): deep nesting, NaN and
Infinity, a huge error list, forged file names, ids with newlines, folder entries that are no
files, binding beyond loopback. Each one gets a clean one-line error; the rest is stored.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def ringkas(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RINGKAS_PROGRESS": "0"}
    command = [sys.executable, "-m", "ringkas", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def article(n: int, **extra: object) -> dict[str, object]:
    """An invented short news item (our own writing), different for each ``n``."""
    places = ["Kendal", "Batang", "Demak", "Blora", "Rembang", "Pati"]
    return {
        "id": f"uji-{n}",
        "title": f"Jembatan di {places[n % 6]} Diperbaiki Setelah Retak",
        "text": (
            f"Dinas Pekerjaan Umum {places[n % 6]} memperbaiki jembatan desa yang retak sejak pekan lalu. "
            f"Perbaikan ditargetkan selesai dalam {n + 3} hari dan kendaraan berat dialihkan."
        ),
        "published": "2024-05-0" + str(n % 9 + 1),
        **extra,
    }


def skipped_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("skipped: ")]


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One ``ringkas ingest`` over a JSON Lines file of good and hostile lines, a 1,000,000-number
    array, and a folder of entries that are no article files (run once, read by several tests)."""
    base = tmp_path_factory.mktemp("hostile")
    lines = [
        json.dumps(article(1)),
        json.dumps(article(2, extra=json.loads("[" * 600 + "]" * 600))),  # legal JSON, 600 levels deep
        json.dumps(article(3, extra={"a": {"b": [[[[{"c": 1}]]]]}})),  # shallow nesting is fine
        json.dumps(article(4))[:-1] + ', "skor": NaN}',
        json.dumps(article(5))[:-1] + ', "skor": -Infinity}',
        json.dumps(article(6))[:-1] + ', "skor": 1e999}',
        json.dumps(article(7, id="baris\nbaru")),
        json.dumps(article(8, id="esc\x1b[2J")),
        json.dumps(article(9)),
    ]
    (base / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (base / "angka.json").write_text("[" + ",".join("7" for _ in range(1_000_000)) + "]")
    folder = base / "map"
    folder.mkdir()
    (folder / "baik.txt").write_text("Pasar Murah Digelar\n" + str(article(10)["text"]) + "\n", encoding="utf-8")
    forged = "jahat\nskipped: palsu\x1b[2J.txt"
    (folder / forged).write_text("Judul\n" + str(article(11)["text"]) + "\n", encoding="utf-8")
    os.symlink("putar-b.txt", folder / "putar-a.txt")
    os.symlink("putar-a.txt", folder / "putar-b.txt")
    os.mkfifo(folder / "pipa.txt")
    os.symlink("/dev/zero", folder / "nol.txt")
    os.symlink("tidak-ada.txt", folder / "patah.txt")
    result = ringkas("--db", str(base / "h.db"), "ingest", "batch.jsonl", "angka.json", "map", cwd=base)
    return base, result


def test_the_batch_goes_on_and_every_hostile_line_is_one_clean_error(hostile_batch):
    base, result = hostile_batch
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    skipped = skipped_lines(result.stderr)
    assert "skipped: batch.jsonl:2: invalid JSON: nested more than 64 levels deep" in skipped
    assert "skipped: batch.jsonl:4: invalid JSON: NaN is not a finite number" in skipped
    assert "skipped: batch.jsonl:5: invalid JSON: -Infinity is not a finite number" in skipped
    assert "skipped: batch.jsonl:6: invalid JSON: 1e999 is not a finite number" in skipped
    assert any(line.startswith("skipped: batch.jsonl:7: field 'id' holds a control character") for line in skipped)
    assert any(line.startswith("skipped: batch.jsonl:8: field 'id' holds a control character") for line in skipped)
    assert "stored 4," in result.stderr.splitlines()[-1]  # uji-1, uji-3, uji-9 and map/baik.txt
    exported = ringkas("--db", str(base / "h.db"), "export", cwd=base)
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout, parse_constant=pytest.fail)  # strict JSON: NaN would fail the test
    assert sorted(a["id"] for a in data["articles"]) == ["baik", "uji-1", "uji-3", "uji-9"]
    assert "NaN" not in exported.stdout and "Infinity" not in exported.stdout


def test_a_million_errors_print_twenty_lines_and_a_count(hostile_batch):
    _, result = hostile_batch
    numbers = [line for line in skipped_lines(result.stderr) if line.startswith("skipped: angka.json")]
    assert len(numbers) == 21
    assert numbers[-1].startswith("skipped: angka.json: and 999980 more errors")
    assert len(result.stderr) < 20_000  # the input was 2 MB
    # 6 lines of batch.jsonl, the million numbers, 6 entries of the folder
    assert "skipped 1000012," in result.stderr.splitlines()[-1] + ","


def test_file_names_are_escaped_and_every_skipped_entry_is_named(hostile_batch):
    _, result = hostile_batch
    assert "\x1b" not in result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith(("skipped: ", "read ")) for line in lines), lines  # no forged line
    skipped = skipped_lines(result.stderr)
    forged = [line for line in skipped if "jahat" in line]
    assert forged == [
        "skipped: 'map/jahat\\nskipped: palsu\\x1b[2J.txt': file name holds a control character; rename the file"
    ]
    assert "skipped: map/putar-a.txt: link loop (the link leads back to itself)" in skipped
    assert "skipped: map/putar-b.txt: link loop (the link leads back to itself)" in skipped
    assert "skipped: map/pipa.txt: not a regular file (a FIFO)" in skipped
    assert "skipped: map/nol.txt: link to something that is not a regular file (a device)" in skipped
    assert "skipped: map/patah.txt: broken link (its target does not exist)" in skipped


def test_serving_beyond_loopback_needs_a_token(tmp_path):
    result = ringkas("--db", str(tmp_path / "s.db"), "serve", "--host", "0.0.0.0", "--port", "0", cwd=tmp_path)
    assert result.returncode == 1
    assert "--host 0.0.0.0 serves beyond this machine: give --token" in result.stderr
    assert "Traceback" not in result.stderr

"""Packaging: a plain ``pip install`` (no extras) in a fresh venv, with the pip Python ships, runs.

Python 3.11 ships pip 23, which does not match ``lxml[html_clean]`` (asked for by jusText, under
trafilatura) to lxml's ``html-clean`` extra; ringkas names ``lxml_html_clean`` itself. The test
downloads from PyPI: ``PIP_CACHE_DIR`` (default: a folder in the temp dir) makes reruns fast.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "corpus" / "312-kios-pasar-deli-jaya-terbakar-kerugian-rp-15-miliar.txt"


def _run(*args: str | Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_plain_pip_install_with_pip_23_runs(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
    env.setdefault("PIP_CACHE_DIR", str(Path(tempfile.gettempdir()) / "ringkas-test-pip-cache"))
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    venv = tmp_path / "venv"
    # The interpreter running the tests (Python 3.11+), and the pip its ensurepip ships.
    made = _run(sys.executable, "-m", "venv", venv, env=env)
    assert made.returncode == 0, made.stderr
    pip = [venv / "bin" / "python", "-m", "pip"]
    version = _run(*pip, "--version", env=env).stdout.split()[1]
    if int(version.split(".")[0]) >= 24:  # a newer Python ships a newer pip: test with pip 23 all the same
        downgraded = _run(*pip, "install", "-q", "pip>=23,<24", env=env)
        assert downgraded.returncode == 0, downgraded.stderr
        version = _run(*pip, "--version", env=env).stdout.split()[1]
    assert version.startswith("23."), version

    installed = _run(*pip, "install", "-q", ROOT, env=env, timeout=900)
    assert installed.returncode == 0, installed.stderr[-3000:]

    ran = _run(venv / "bin" / "ringkas", "--db", tmp_path / "r.db", "--no-progress", "run", SAMPLE, env=env)
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert "Traceback" not in ran.stderr
    assert "read 1, stored 1" in ran.stderr
    assert "312 Kios" in ran.stdout or "312 kios" in ran.stdout

"""A second Python process on the second core: ``python -m MODULE JOB RESULT`` importing this very
ringkas. Batch stages (later cleaning, later stories) hand it a pickled job and read its result."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def start_child(module: str, job: Path, result: Path) -> subprocess.Popen[bytes] | None:
    """The child process, or None when it cannot start (the caller then does the work itself)."""
    here = str(Path(__file__).resolve().parents[1])  # the folder holding this ringkas package
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)}
    try:
        return subprocess.Popen(
            [sys.executable, "-m", module, str(job), str(result)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None


def usable_cores() -> int:
    """Cores this process may run on (a second process is worth starting on two or more)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1

"""Speed on real Indonesian news: the stream end to end, as ``ringkas run`` runs it.

    python benchmarks/realworld.py speed [--limit N] [--network both|on|off] [--data DIR]

Runs ``../shared/data/realworld/stream.jsonl`` (3,115 articles; ``--limit N``: the last N) through
``Engine.ingest`` and ``Engine.build_stories`` (what ``Engine.run`` and so ``ringkas run`` call):
read, clean, mark copies, store, analyse (sentences, dates, names, quotes), embed, cluster,
summarize, store the stories. Nothing is cached: each run is a fresh process with a fresh
temporary store (so no stored vectors) and models loaded as the run first needs them.

On two cores a second process cleans the later share of the articles during ingest and another
embeds and clusters them while this one analyses (setting ``embed_ahead``; the "cluster" stage
is then only what this process does with the child's stories): their CPU seconds together are
printed as "2nd procs" (their wall time lies inside ingest and analyse) and counted in the
overall CPU. When this process has analysed it embeds the batches the child has not reached
(their seconds count as "embed"). The peak memory is that of all the run's processes together,
read every 100 ms while it runs.

Prints articles/s per stage and overall (wall and CPU seconds; start-up is the import of ringkas
and the engine's construction), the peak resident memory, the load average before and after,
and the machine (cores, CPU model, memory): wall time on a shared machine is noisy, CPU time
much less so. The second run turns the name tagger's network off (setting ``name_network``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "realworld"
STAGES = ("start-up", "ingest", "analyse", "embed", "cluster", "summarize", "store")
BAR_RATE = 40.0  # issue 18: articles/s end to end on a quiet 2-core machine
BAR_RSS_MB = 1536.0  # issue 18: peak resident memory


class StageClock:
    """Wall and CPU seconds per stage; ``lap(stage)`` closes the running stage under that name."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.cpu: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self._mark = (time.perf_counter(), time.process_time())

    def lap(self, stage: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.wall[stage] += wall - self._mark[0]
        self.cpu[stage] += cpu - self._mark[1]
        self._mark = (wall, cpu)

    def move(self, seconds: tuple[float, float], source: str, target: str) -> None:
        """Count (wall, CPU) seconds measured inside ``source`` under ``target`` instead."""
        self.wall[source] -= seconds[0]
        self.cpu[source] -= seconds[1]
        self.wall[target] += seconds[0]
        self.cpu[target] += seconds[1]


def timed(fn: Callable[..., Any], total: list[float]) -> Callable[..., Any]:
    """``fn``, adding the wall and CPU seconds of each call to ``total`` ([wall, cpu])."""

    def call(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            total[0] += time.perf_counter() - wall
            total[1] += time.process_time() - cpu

    return call


def run_once(stream: Path, network: bool) -> dict[str, Any]:
    """One end-to-end run in this process (the child): stage times, counts and peak memory."""
    clock = StageClock()
    sys.path.insert(0, str(ROOT))
    from ringkas.engine import Engine

    with tempfile.TemporaryDirectory(prefix="ringkas-speed-") as tmp:
        engine = Engine(db=str(Path(tmp) / "speed.db"), progress=False, name_network=network)
        clock.lap("start-up")
        report = engine.ingest([str(stream)])
        clock.lap("ingest")

        embedding = [0.0, 0.0]
        embedder = engine.embedder  # the model itself loads on the first text, inside the run
        embedder.embed = timed(embedder.embed, embedding)  # type: ignore[method-assign]
        stage = ["analyse"]

        def close(name: str) -> None:
            """End stage ``name``, the texts this process embedded meanwhile counted as "embed"."""
            clock.lap(name)
            clock.move((embedding[0], embedding[1]), name, "embed")
            embedding[0] = embedding[1] = 0.0

        def progress(name: str, done: int, total: int) -> None:
            if name != stage[0]:  # analyse -> cluster -> summarize: close the one that ended
                close(stage[0])
                stage[0] = name
            if name == "summarize" and done == total:  # what follows stores the stories
                close(name)
                stage[0] = "store"

        stories = engine.build_stories(progress)
        close(stage[0])
        engine.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    # The second processes (cleaning during ingest, embedding during analysis): their CPU seconds
    # together and the larger of their peak memories, counted beside this process's.
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "child_cpu": child.ru_utime + child.ru_stime,
        "child_peak_rss_mb": child.ru_maxrss / 1024,
        "network": network,
        "articles": report.read,
        "stored": report.stored,
        "stories": len(stories),
        "wall": clock.wall,
        "cpu": clock.cpu,
        "peak_rss_mb": peak_kb / 1024,
    }


def machine() -> dict[str, Any]:
    model = platform.processor() or "unknown"
    memory = 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cores": os.cpu_count(),
        "usable": usable,
        "cpu": model,
        "memory_gb": memory,
        "python": sys.version.split()[0],
    }


def last_lines(source: Path, count: int, target: Path) -> int:
    """Write the last ``count`` lines of ``source`` to ``target`` (a temporary file); how many."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)[-count:]
    target.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def process_tree(root: int) -> dict[int, tuple[int, str]]:
    """Resident kilobytes and command line of ``root`` and every process under it (Linux /proc)."""
    out: dict[int, tuple[int, str]] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
        rss = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        out[pid] = (rss, command)
    return out


def child_run(stream: Path, network: bool) -> dict[str, Any]:
    """``run_once`` in a fresh interpreter: its start-up, memory and models are its own. Every
    100 ms the resident memory of the run and of the processes it starts is read together: the
    largest sum is the memory the run needed at once. A process counts once it runs ringkas code
    of its own (``python -m ringkas...``): between fork and exec a child still shows its parent's
    pages, which are not its own."""
    command = [sys.executable, __file__, "--child", str(stream), "--network", "on" if network else "off"]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        run = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        together = 0
        while run.poll() is None:
            tree = process_tree(run.pid)
            together = max(together, sum(rss for pid, (rss, cmd) in tree.items() if pid == run.pid or " -m " in cmd))
            time.sleep(0.1)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if run.returncode != 0:
        raise SystemExit(f"the run failed (status {run.returncode}):\n{stderr[-3000:]}")
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["together_rss_mb"] = together / 1024
    return result


def format_run(result: dict[str, Any], load: tuple[Sequence[float], Sequence[float]]) -> list[str]:
    n = result["articles"]
    wall, cpu = result["wall"], result["cpu"]
    total_wall, total_cpu = sum(wall.values()), sum(cpu.values())
    network = "on" if result["network"] else "off"
    lines = [
        f"name network {network}: {n} articles read, {result['stored']} stored, {result['stories']} stories",
        f"  {'stage':<10} {'wall s':>8} {'CPU s':>8} {'art/s wall':>11} {'art/s CPU':>10}",
    ]
    for stage in STAGES:
        w, c = wall[stage], cpu[stage]
        rate = f"{n / w:11.1f}" if w > 0 else f"{'-':>11}"
        cpu_rate = f"{n / c:10.1f}" if c > 0 else f"{'-':>10}"
        lines.append(f"  {stage:<10} {w:8.2f} {c:8.2f} {rate} {cpu_rate}")
    child_cpu = result.get("child_cpu", 0.0)
    if child_cpu:  # their wall time lies inside ingest and analyse
        lines.append(f"  {'2nd procs':<10} {'(inside)':>8} {child_cpu:8.2f} {'-':>11} {n / child_cpu:10.1f}")
        total_cpu += child_cpu
    lines.append(f"  {'overall':<10} {total_wall:8.2f} {total_cpu:8.2f} {n / total_wall:11.1f} {n / total_cpu:10.1f}")
    rate_ok = n / total_wall >= BAR_RATE
    # the processes' memory read together while they ran; without the sampler (a run made by
    # run_once alone), both processes at their peaks at once, an upper bound
    peak = result.get("together_rss_mb") or result["peak_rss_mb"] + result.get("child_peak_rss_mb", 0.0)
    rss_ok = peak <= BAR_RSS_MB
    second = (
        f" (this process {result['peak_rss_mb']:.0f} MB; a second process at most"
        f" {result['child_peak_rss_mb']:.0f} MB, its fork's shared pages counted)"
        if child_cpu
        else ""
    )
    lines.append(
        f"  end to end {n / total_wall:.1f} articles/s wall ({'met' if rate_ok else 'NOT met'}: bar {BAR_RATE:.0f}),"
        f" peak RSS of the processes together {peak:.0f} MB{second} ({'met' if rss_ok else 'NOT met'}:"
        f" bar {BAR_RSS_MB:.0f} MB)"
    )
    before, after = load
    lines.append(
        f"  load average before {' '.join(f'{x:.2f}' for x in before)}, after {' '.join(f'{x:.2f}' for x in after)}"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="realworld.py speed", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the last N articles of the stream")
    parser.add_argument("--network", choices=("both", "on", "off"), default="both", help="the name network setting")
    parser.add_argument(
        "--data", type=Path, default=DATA, help="the realworld folder (default ../shared/data/realworld)"
    )
    parser.add_argument("--json", action="store_true", help="print the runs as JSON lines too")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:  # one run, its figures as the last line of stdout
        print(json.dumps(run_once(args.child, args.network != "off")))
        return 0

    stream = args.data / "stream.jsonl"
    if not stream.exists():
        print(f"{stream} is absent: the real stream sits in ../shared beside the checkout", file=sys.stderr)
        return 2
    info = machine()
    print(
        f"machine: {info['cores']} cores ({info['usable']} usable), {info['cpu']}, {info['memory_gb']:.1f} GB,"
        f" Python {info['python']}"
    )
    with tempfile.TemporaryDirectory(prefix="ringkas-speed-") as tmp:
        if args.limit:
            count = last_lines(stream, args.limit, Path(tmp) / "stream.jsonl")
            stream = Path(tmp) / "stream.jsonl"
            print(f"data: the last {count} articles of {args.data / 'stream.jsonl'}")
        else:
            print(f"data: {stream}")
        settings = {"both": (True, False), "on": (True,), "off": (False,)}[args.network]
        for network in settings:
            before = os.getloadavg()
            result = child_run(stream, network)
            after = os.getloadavg()
            print("\n".join(format_run(result, (before, after))))
            if args.json:
                print(json.dumps({**result, "load_before": before, "load_after": after, "machine": info}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

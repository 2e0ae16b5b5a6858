"""The ``ringkas`` command: a thin layer over ``Engine`` (parse flags, call, print)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import click
from rich.table import Table

from ._version import __version__
from .cli_daily import digest_cmd, follow, print_changes
from .console import Context, _guard, err, out, progress_bar
from .engine import Engine
from .errors import MoreErrors, RingkasError
from .exporting import FORMATS
from .models import Story
from .ranking import ORDERS, outlet_count
from .reports import IngestReport
from .settings import SETTINGS
from .summarizing.citing import citation_label
from .watching import PollReport, Watcher


class _GlobalOptionsGroup(click.Group):
    """A group whose own options may also follow the command (``ringkas run x --db y.db``).

    Before parsing, the group's options found after the command name are moved in front of it,
    unless that command defines an option of the same name (``serve --db``) or they follow ``--``.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self._hoist(ctx, list(args)))

    def _hoist(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value: dict[str, bool] = {}
        for param in self.params:
            if isinstance(param, click.Option):
                for name in (*param.opts, *param.secondary_opts):
                    takes_value[name] = not param.is_flag
        # The command name: the first argument that is neither a group option nor an option's value.
        pos, found = 0, None
        while pos < len(args):
            arg = args[pos]
            if arg == "--" or not arg.startswith("-"):
                found = None if arg == "--" else pos
                break
            pos += 2 if takes_value.get(arg, False) else 1
        if found is None:
            return args
        command = self.get_command(ctx, args[found])
        own: set[str] = set()
        if command is not None:
            for param in command.params:
                if isinstance(param, click.Option):
                    own.update(param.opts, param.secondary_opts)
        hoisted: list[str] = []
        rest: list[str] = []
        tail = args[found + 1 :]
        pos = 0
        while pos < len(tail):
            arg = tail[pos]
            if arg == "--":
                rest.extend(tail[pos:])
                break
            name = arg.split("=", 1)[0]
            if name in takes_value and name not in own and name not in ("--help", "-h", "--version"):
                if not takes_value[name] or "=" in arg:
                    hoisted.append(arg)
                elif pos + 1 < len(tail):
                    hoisted.extend(tail[pos : pos + 2])
                    pos += 2
                    continue
                else:
                    raise click.BadOptionUsage(name, f"Option '{name}' requires an argument.", ctx=ctx)
            else:
                rest.append(arg)
            pos += 1
        return args[:found] + hoisted + [args[found]] + rest


@click.group(cls=_GlobalOptionsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ringkas")
@click.option("--db", metavar="PATH", help="SQLite store (default ./ringkas.db, setting 'db').")
@click.option(
    "--config", metavar="FILE", type=click.Path(dir_okay=False), help="TOML config file (default ./ringkas.toml)."
)
@click.option(
    "--set", "assignments", metavar="NAME=VALUE", multiple=True, help="Override a setting (see 'ringkas settings')."
)
@click.option("--progress/--no-progress", default=None, help="Show progress bars.")
@click.pass_context
def main(
    ctx: click.Context, db: str | None, config: str | None, assignments: tuple[str, ...], progress: bool | None
) -> None:
    """ringkas: group news articles into stories and summarize each with citations."""
    try:
        ctx.obj = Context(db, config, assignments, progress)
    except RingkasError as exc:
        err.print(f"[red]error:[/red] {exc.describe()}", markup=True)
        sys.exit(1)


def print_report(report: IngestReport) -> None:
    for problem in report.skipped:
        err.print(f"skipped: {problem.describe()}", markup=False)
    skipped = sum(p.count if isinstance(p, MoreErrors) else 1 for p in report.skipped)
    err.print(
        f"read {report.read}, stored {report.stored}, updated {report.updated}, "
        f"already stored {report.duplicates}, skipped {skipped}"
        + (f", near-duplicates marked {report.near_duplicates}" if report.near_duplicates else ""),
        markup=False,
    )


def print_story(story: Story, *, full: bool = False) -> None:
    outlets = sorted({c.outlet or c.article_id for s in story.summary for c in s.citations})
    when = story.first_published.isoformat() if story.first_published else "undated"
    out.print(f"\n[bold]{story.headline}[/bold]", markup=True)
    out.print(f"[dim]{story.id} · {when} · {len(story.article_ids)} article(s)[/dim]", markup=True)
    for n, sentence in enumerate(story.summary, 1):
        cited = citation_label(sentence.citations)
        out.print(f"  {n}. {sentence.text} [cyan]\\[{cited}][/cyan]", markup=True)
    if full:
        out.print(f"  articles: {', '.join(story.article_ids)}")
        if outlets:
            out.print(f"  outlets cited: {', '.join(outlets)}")


_ENTITY_HEADINGS = (("PERSON", "people"), ("ORGANISATION", "organisations"), ("PLACE", "places"))


def print_facts(story: Story) -> None:
    """Timeline, people/organisations/places, quotes and per-outlet coverage of a story."""
    if story.timeline:
        out.print("\n  [bold]timeline[/bold]", markup=True)
        for entry in story.timeline:
            kind = "" if entry.kind == "event" else f"({entry.kind}) "  # plans and background said as such
            out.print(f"    {entry.date:<10} {kind}{entry.text} [{len(entry.article_ids)} article(s)]", markup=False)
    for kind, heading in _ENTITY_HEADINGS:
        entities = [e for e in story.entities if e.kind == kind]
        if entities:
            out.print(f"\n  [bold]{heading}[/bold]", markup=True)
            for e in entities:
                role = f" — {e.role}" if e.role else ""
                also = f" (also {', '.join(e.aliases)})" if e.aliases else ""
                seen = f"{e.mentions} mention(s)" + (f"; {', '.join(e.outlets)}" if e.outlets else "")
                out.print(f"    {e.name}{also}{role} [{seen}]", markup=False)
    if story.quotes:
        out.print("\n  [bold]quotes[/bold]", markup=True)
        for q in story.quotes:
            who = q.speaker + (f" ({q.role})" if q.role else "")
            said = f"\u201c{q.text}\u201d" if q.direct else f"(reported) {q.text}"
            out.print(f"    {who}: {said} [{q.article_id}]", markup=False)
    if story.coverage:
        out.print("\n  [bold]coverage[/bold]", markup=True)
        outlet_of = {a: c.outlet for c in story.coverage for a in c.article_ids}
        for c in story.coverage:
            when = c.published.isoformat() if c.published else "undated"
            facts = ", ".join(str(n + 1) for n in c.facts) or "none"
            out.print(
                f"    {c.outlet} · first {when} · {len(c.article_ids)} article(s) · summary facts {facts}"
                f" · {len(c.quotes)} quote(s)",
                markup=False,
            )
            for text in c.unique:
                out.print(f"      only here: {text}", markup=False)
            for conflict in c.conflicts:
                sides = " vs ".join(
                    f"{value} [{', '.join(sorted({outlet_of.get(a, a) for a in ids}))}]"
                    for value, ids in conflict.values
                )
                out.print(f"      conflict: {conflict.what}: {sides}", markup=False)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--engine",
    "engine_kind",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run in this process, or on a Dask cluster (see --scheduler, --workers).",
)
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="With --engine dask: the Dask scheduler to use.")
@click.option(
    "--workers", type=click.IntRange(1), help="With --engine dask: start a local cluster of N worker processes."
)
@click.option(
    "--parquet",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Also write articles, stories and summaries as Parquet files in DIR.",
)
@click.pass_obj
@_guard
def run(
    obj: Context,
    paths: tuple[str, ...],
    engine_kind: str,
    scheduler: str | None,
    workers: int | None,
    parquet: str | None,
) -> None:
    """Ingest PATHS (files, folders, - for stdin), build stories and print them."""
    if engine_kind == "local" and (scheduler or workers):
        raise click.UsageError("--scheduler and --workers need --engine dask")
    if scheduler and workers:
        raise click.UsageError("give --scheduler (an existing cluster) or --workers (a local one), not both")
    with obj.engine() as engine, progress_bar(obj.settings["progress"]) as progress:
        if engine_kind == "dask":
            try:
                from .distributed import DaskEngine
            except ImportError as exc:
                raise RingkasError(f"--engine dask needs the dask extra (pip install 'ringkas[dask]'): {exc}") from None
            with DaskEngine(engine, scheduler=scheduler, workers=workers, parquet=parquet) as dask_engine:
                report, stories = dask_engine.run(paths, progress)
        else:
            report, stories = engine.run(paths, progress)
            if parquet and report.read:
                from .distributed.parquet import write_store

                write_store(engine, parquet)
    print_report(report)
    if report.read == 0:
        raise RingkasError("nothing could be read")
    for story in stories:
        print_story(story)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
@_guard
def ingest(obj: Context, paths: tuple[str, ...]) -> None:
    """Read, clean and store articles without building stories."""
    with obj.engine() as engine, progress_bar(obj.settings["progress"]) as progress:
        report = engine.ingest(paths, progress)
    print_report(report)
    if report.read == 0:
        raise RingkasError("nothing could be read")


@main.command()
@click.pass_obj
@_guard
def rebuild(obj: Context) -> None:
    """Cluster and summarize the whole store again (uploads and 'watch' only redo what they touch)."""
    with obj.engine() as engine, progress_bar(obj.settings["progress"]) as progress:
        if engine.count_articles() == 0:
            raise RingkasError(f"the store {obj.settings['db']} holds no articles: 'ringkas ingest' some first")
        built = engine.build_stories(progress)
    err.print(f"rebuilt {len(built)} stories", markup=False)
    for story in built:
        print_story(story)


@main.command()
@click.option(
    "--order", type=click.Choice(ORDERS), default="coverage", show_default=True, help="Biggest first, or newest."
)
@click.option("--min-outlets", type=click.IntRange(0), default=0, help="Only stories this many outlets report.")
@click.pass_obj
@_guard
def stories(obj: Context, order: str, min_outlets: int) -> None:
    """List the stored stories, biggest first (coverage: outlets, media groups, articles, recency)."""
    with obj.engine() as engine:
        table = Table("id", "date", "outlets", "articles", "headline", box=None)
        for story in engine.stories(order):
            if outlet_count(story.coverage) < min_outlets:
                continue
            when = story.last_published.isoformat() if story.last_published else ""
            table.add_row(
                story.id, when, str(outlet_count(story.coverage)), str(len(story.article_ids)), story.headline
            )
        out.print(table)


@main.command()
@click.argument("story_id")
@click.option("--since", metavar="TIME", help="Also list what changed after TIME (ISO time or date, or 24h, 7d).")
@click.pass_obj
@_guard
def show(obj: Context, story_id: str, since: str | None) -> None:
    """Show one story: headline, cited summary, timeline, people, quotes, coverage and articles."""
    with obj.engine() as engine:
        if since is not None:
            print_changes(engine, story_id, since)
        story = engine.story(story_id)
        print_story(story, full=True)
        print_facts(story)
        for article in engine.story_articles(story):
            when = article.published.isoformat() if article.published else "undated"
            out.print(
                f"  - {article.id}: {article.title or '(no headline)'} ({article.outlet or 'unknown outlet'}, {when})"
            )


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.pass_obj
@_guard
def export(obj: Context, fmt: str, output: str | None) -> None:
    """Export stories and articles as JSON, Markdown or HTML."""
    with obj.engine() as engine:
        text = engine.export(fmt)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@main.command()
@click.option("--db", metavar="PATH", help="SQLite store to serve (same as the global --db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--max-body-bytes", default=20_000_000, show_default=True, type=click.IntRange(1), help="Request limit.")
@click.option("--max-files", default=100, show_default=True, type=click.IntRange(1), help="Files per request.")
@click.option("--ui-language", type=click.Choice(["id", "en"]), help="Labels of the web UI (default: the browser's).")
@click.option(
    "--allow-host",
    "allow_hosts",
    metavar="NAME",
    multiple=True,
    help="Also answer requests for this host name (the Host header); '*' for any (setting 'allow_hosts').",
)
@click.option("--token", help="Ask every client for this token (setting 'web_token'); needed beyond loopback.")
@click.option("--read-only", is_flag=True, help="Refuse every change: pages, search and the API only read.")
@click.pass_obj
@_guard
def serve(
    obj: Context,
    db: str | None,
    host: str,
    port: int,
    max_body_bytes: int,
    max_files: int,
    ui_language: str | None,
    allow_hosts: tuple[str, ...],
    token: str | None,
    read_only: bool,
) -> None:
    """Serve the web UI and JSON API (pages, search, ingest) on HOST:PORT."""
    try:
        import uvicorn

        from .web import Limits, create_app
        from .web.security import Policy, is_loopback
    except ImportError as exc:
        raise RingkasError(f"'ringkas serve' needs the web extra (pip install 'ringkas[web]'): {exc}") from None
    settings = obj.settings.replace(db=db) if db else obj.settings
    if ui_language:
        settings = settings.replace(ui_language=ui_language)
    token = token if token is not None else settings["web_token"]
    if not is_loopback(host) and not token:
        raise RingkasError(
            f"--host {host} serves beyond this machine: give --token (or the setting 'web_token') so that"
            " only those who know it can read and add articles"
        )
    names = [*allow_hosts, *settings["allow_hosts"].split(",")]
    if not is_loopback(host) and host not in ("0.0.0.0", "::"):
        names.append(host)  # the address it binds is a name its clients use
    policy = Policy.make(names, token=token, read_only=read_only)
    with Engine(settings) as engine:
        limits = Limits(max_body_bytes=max_body_bytes, max_files=max_files, max_file_bytes=settings["max_file_bytes"])
        mode = " read-only," if read_only else ""
        err.print(f"serving {settings['db']} on http://{host}:{port}/{mode} (API: /api, Ctrl+C stops)", markup=False)
        if not is_loopback(host):
            hosts = ", ".join(sorted(policy.allowed_hosts))
            err.print(f"answering for the hosts {hosts} (add more with --allow-host NAME)", markup=False)
        # A page that waits on SQLite gives up the GIL; while an upload is being analysed it gets it
        # back only at the next switch: every 1 ms rather than Python's default 5 ms.
        sys.setswitchinterval(0.001)
        # The online stream over the store is built while the first pages are served.
        threading.Thread(target=_prepare, args=(engine,), name="ringkas-prepare", daemon=True).start()
        uvicorn.run(create_app(engine, limits, policy), host=host, port=port, log_level="warning")


def _prepare(engine: Engine) -> None:
    try:
        engine.prepare()
    except Exception as exc:  # the server stopped first (store closed): the next add builds it
        err.print(f"could not prepare the online stream: {exc}", markup=False)


@main.command("settings")
@click.pass_obj
@_guard
def settings_cmd(obj: Context) -> None:
    """List every setting: value, where it came from, and what it does."""
    table = Table("name", "value", "origin", "help", box=None)
    for s in SETTINGS:
        table.add_row(s.name, repr(obj.settings[s.name]), obj.settings.origins[s.name], s.help)
    out.print(table)
    out.print("Set them in ringkas.toml, as RINGKAS_<NAME> environment variables, or with --set NAME=VALUE.")


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--interval", type=float, help="Seconds between polls (setting 'watch_interval').")
@click.option("--polls", type=int, help="Stop after N polls (default: until interrupted).")
@click.pass_obj
@_guard
def watch(obj: Context, sources: tuple[str, ...], interval: float | None, polls: int | None) -> None:
    """Keep ingesting SOURCES (folders, files, feed URLs) as articles appear; stories update as they arrive."""

    def report(poll: PollReport) -> None:
        for problem in poll.skipped:
            err.print(f"skipped: {problem.describe()}", markup=False)
        err.print(
            f"poll {poll.poll}: read {poll.read}, stored {poll.stored}, updated {poll.updated}, "
            f"already stored {poll.duplicates}, stories changed {len(poll.stories)}, merged away {len(poll.removed)}",
            markup=False,
        )
        for story in poll.stories:
            out.print(f"{story.id}  {len(story.article_ids):>3} article(s)  {story.headline}", markup=False)

    with obj.engine() as engine:
        watcher = Watcher(engine, sources, interval=interval or obj.settings["watch_interval"])
        watcher.run(polls=polls, on_poll=report)


@main.group("eval")
def eval_group() -> None:
    """Measure ringkas against peers on evaluation sets (see ../shared/data/README.md format)."""


@eval_group.command("summarize")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--output-dir", type=click.Path(file_okay=False), help="Write DIR/<system>.jsonl of {id, summary}.")
@click.option(
    "--systems",
    default="ringkas,lead,lexrank,textrank,lsa,sumbasic,kl,oracle",
    show_default=True,
    help="Comma-separated: ringkas, ringkas:<summarizer>, lead, lexrank, textrank, lsa, sumbasic, kl, oracle.",
)
@click.option("--limit", type=int, help="Only the first N clusters.")
@click.pass_obj
@_guard
def eval_summarize(obj: Context, file: str, output_dir: str | None, systems: str, limit: int | None) -> None:
    """ROUGE-1/2/L F1 of ringkas and peers on FILE, same sentences and word budget for all."""
    from .evaluation.summarization import evaluate_file, results_table

    names = [name.strip() for name in systems.split(",") if name.strip()]
    count, results = evaluate_file(
        file,
        names,
        settings=obj.settings,
        output_dir=output_dir,
        limit=limit,
        progress=lambda name: err.print(f"running {name}", markup=False),
    )
    header, *rows = results_table(results)
    table = Table(*header, box=None)
    for row in rows:
        table.add_row(*row)
    out.print(f"{file}: {count} clusters, word budget = mean reference length")
    out.print(table)
    if output_dir:
        err.print(f"wrote {len(results)} files to {output_dir}", markup=False)


@eval_group.command("cluster")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--output-dir", type=click.Path(file_okay=False), help="Write DIR/<system>.jsonl (DIR/<set>/... for several)."
)
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Keep embeddings in DIR/vectors.sqlite for reruns.")
@click.option(
    "--systems",
    help="Comma-separated: ringkas, agglomerative, hdbscan, tfidf-agglomerative, bertopic "
    "(default: all; bertopic when the extra 'peers' is installed).",
)
@click.option("--seed", type=int, default=13, show_default=True, help="Seed of the shuffle of the pooled articles.")
@click.option("--limit", type=int, help="Only the first N clusters (lines) of each file.")
@click.option(
    "--articles",
    type=click.Path(dir_okay=False),
    help="JSONL of articles for FILES whose lines name them ({event, article_ids}).",
)
@click.pass_obj
@_guard
def eval_cluster(
    obj: Context,
    files: tuple[str, ...],
    output_dir: str | None,
    cache_dir: str | None,
    systems: str | None,
    seed: int,
    limit: int | None,
    articles: str | None,
) -> None:
    """BCubed precision, recall and F1 of ringkas and peer clusterers on each FILE (articles pooled
    and shuffled). With several files, also each set with ringkas's link model trained on the other
    files only (leave one set out), and all sets pooled."""
    from .evaluation.clustering import PEERS_INSTALL, default_systems, evaluate_files, format_table, results_table
    from .evaluation.sets import article_index

    if systems is None:
        names = default_systems()
        if "bertopic" not in names:
            err.print(f"bertopic: not installed, left out ({PEERS_INSTALL})", markup=False)
    else:
        names = [name.strip() for name in systems.split(",") if name.strip()]
    with obj.engine() as engine:
        reports = evaluate_files(
            files,
            engine,
            systems=names,
            seed=seed,
            limit=limit,
            output_dir=output_dir,
            cache_dir=cache_dir,
            progress=lambda message: err.print(message, markup=False),
            articles_by_id=article_index(articles) if articles else None,
        )
    for report in reports:
        evalset = report.evalset
        name = evalset.path if evalset.path != "pooled" else f"all {len(files)} sets pooled"
        out.print(
            f"{name}: {len(evalset.articles)} articles, {evalset.stories} gold stories, shuffled with seed {seed}"
        )
        runs = [*report.runs, report.held_out] if report.held_out is not None else report.runs
        out.print(format_table(results_table(evalset, runs)), markup=False, highlight=False)
    if output_dir:
        err.print(f"wrote the labels of every system to {output_dir}", markup=False)


# The daily tool's commands (follow, digest) and ``show --since`` live in their own module.

main.add_command(follow)
main.add_command(digest_cmd)

"""The daily tool on the command line: ``ringkas follow``, ``ringkas digest`` and the change log
that ``ringkas show --since`` prints. ``cli.py`` imports them and adds them to its ``main`` group."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .changes import parse_since
from .console import Context, _guard, out
from .engine import Engine
from .following import DIGEST_FORMATS, render_digest
from .ranking import min_outlets_param


def print_changes(engine: Engine, story_id: str, since: str) -> None:
    """What changed in a story after ``since``, oldest first."""
    engine.story(story_id)
    moment = parse_since(since)
    changes = engine.changes(story_id, moment)
    out.print(f"[bold]{len(changes)} change(s) since {moment}[/bold]", markup=True)
    for c in changes:
        was = f" (was: {c.previous})" if c.kind == "summary_replaced" and c.previous else ""
        out.print(f"  {c.at[:19]} {c.kind.replace('_', ' ')}: {c.text}{was}", markup=False)


@click.command()
@click.argument("query", required=False, default="")
@click.option("--outlet", default="", help="Only stories with an article from this outlet.")
@click.option("--min-outlets", type=click.IntRange(0), default=0, help="Only stories this many outlets report.")
@click.option("--list", "list_only", is_flag=True, help="List the followed searches instead.")
@click.pass_obj
@_guard
def follow(obj: Context, query: str, outlet: str, min_outlets: int, list_only: bool) -> None:
    """Follow a search (QUERY, as in the story list): its stories go into the digest and its feed."""
    with obj.engine() as engine:
        if not list_only:
            if not query.strip() and not outlet.strip():
                raise click.UsageError("give a QUERY or --outlet to follow (or --list)")
            engine.follow(query, outlet, min_outlets_param(min_outlets))
        for f in engine.follows():
            params = "&".join(
                f"{k}={v}" for k, v in (("q", f.query), ("outlet", f.outlet), ("min_outlets", f.min_outlets)) if v
            )
            out.print(f"{f.id}\t{f.label}\t/feeds/stories.atom?{params}", markup=False)


@click.command("digest")
@click.option("--since", default="24h", show_default=True, help="Changes after this time (ISO, or 24h, 7d).")
@click.option("--format", "fmt", type=click.Choice(DIGEST_FORMATS), default="markdown", show_default=True)
@click.option("--base-url", default="", help="Prefix of the story links (the address 'ringkas serve' answers on).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.pass_obj
@_guard
def digest_cmd(obj: Context, since: str, fmt: str, base_url: str, output: str | None) -> None:
    """What changed in the followed stories since a time: an e-mailable digest."""
    with obj.engine() as engine:
        moment = parse_since(since)
        text = render_digest(engine.digest(moment), moment, fmt, base_url)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)

"""What every command shares: the consoles, the settings and engine of one invocation (``Context``),
the progress bar, and ``_guard``, which turns a user error into one line and exit status 1."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from .engine import Engine, ProgressCallback
from .errors import RingkasError
from .settings import Settings, parse_assignment

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Context:
    def __init__(self, db: str | None, config: str | None, assignments: tuple[str, ...], progress: bool | None) -> None:
        overrides: dict[str, Any] = dict(parse_assignment(a) for a in assignments)
        if db is not None:
            overrides["db"] = db
        if progress is not None:
            overrides["progress"] = progress
        self.settings = Settings(overrides, config_file=config)

    def engine(self) -> Engine:
        return Engine(self.settings)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[ProgressCallback | None]:
    if not enabled or not err.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total or None)
            bar.update(tasks[stage], completed=done, total=total or None)

        yield update


def _guard(fn: Callable[..., None]) -> Callable[..., None]:
    """User errors become one line on stderr and exit status 1, never a traceback."""

    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            fn(*args, **kwargs)
        except RingkasError as exc:
            err.print(Text.assemble(("error:", "red"), " ", exc.describe()))  # the message as written
            sys.exit(1)
        except KeyboardInterrupt:
            err.print("interrupted")
            sys.exit(130)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper

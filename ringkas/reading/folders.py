"""The folder walk: every article file under a folder, in a stable order, and every entry it
cannot read named with the reason (a FIFO, a device, a broken or looping link) instead of
being passed over in silence.

Hidden entries (a name starting with ".") and regular files of other types are left out on
purpose; links to folders are not followed, so a walk always ends.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import EmptyInputError, InputError
from .formats import SUPPORTED_SUFFIXES

WalkItem = Path | InputError
LOOP = "link loop (the link leads back to itself)"


def walk(path: Path) -> Iterator[WalkItem]:
    """The article files under ``path`` (a file: itself), sorted, or an error for each entry
    that is skipped for a reason the user should know."""
    if path.is_dir():
        found = sorted(_entries(path), key=lambda item: item if isinstance(item, Path) else Path(item.source or ""))
        if not any(isinstance(item, Path) for item in found):
            kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
            found.insert(0, EmptyInputError(f"folder holds no article files ({kinds})", source=str(path)))
        yield from found
    elif path.is_file():
        yield path
    elif path.is_symlink():
        yield InputError(_link_problem(path), source=str(path))
    elif path.exists():
        yield InputError(f"not a regular file or folder ({_kind(path)})", source=str(path))
    else:
        yield InputError("no such file or folder", source=str(path))


def _entries(folder: Path) -> Iterator[WalkItem]:
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as exc:
            yield InputError(f"cannot list folder: {exc.strerror or exc}", source=str(current))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                    continue
                is_link = entry.is_symlink()
                if is_link and path.is_dir():
                    yield InputError("link to a folder, not followed", source=str(path))
                    continue
                if entry.is_file(follow_symlinks=True):
                    if path.suffix.lower() in SUPPORTED_SUFFIXES:
                        yield path
                    continue
            except OSError as exc:
                problem = LOOP if exc.errno == errno.ELOOP else f"cannot read entry: {exc.strerror or exc}"
                yield InputError(problem, source=str(path))
                continue
            problem = _link_problem(path) if is_link else f"not a regular file ({_kind(path)})"
            yield InputError(problem, source=str(path))


def _link_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LOOP
        return "broken link (its target does not exist)"
    return f"link to something that is not a regular file ({_kind(path)})"


def _kind(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        return "unreadable"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"

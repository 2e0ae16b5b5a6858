"""Limits every input passes through: JSON depth and non-finite numbers, error lists, names.

The one JSON loader of ringkas (``load_json``) refuses values nested deeper than
``MAX_DEPTH`` and the non-finite numbers (``NaN``, ``Infinity``, ``1e999``) that no JSON
export or API answer can carry. ``capped`` keeps a batch's error list short (the first
``MAX_ERRORS_PER_SOURCE`` of a file, then one "and N more" line); ``printable`` shows a name
as ``repr`` does when it holds a control character, so that no file name forges a line.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import FormatError, InputError, MoreErrors, NestingTooDeepError, NonFiniteNumberError

# Deeper than any news export we have met (they stop at 4-6 levels); far below Python's
# recursion limit, which the store, the exports and the API walk values with.
MAX_DEPTH = 64
# Errors kept for one input file, and error lines shown for one request or batch.
MAX_ERRORS_PER_SOURCE = 20
MAX_ERRORS_SHOWN = 20


def printable(name: str) -> str:
    """``name`` as it is when every character prints, else its ``repr`` (newlines, ESC escaped)."""
    return name if name.isprintable() else repr(name)


def load_json(text: str | bytes, *, source: str, line: int | None = None) -> Any:
    """The JSON value of ``text`` (bytes: UTF-8), or a ``FormatError`` naming ``source`` (and ``line``).

    Refused: invalid JSON, ``NaN``/``Infinity`` and numbers too large for a float
    (``NonFiniteNumberError``), nesting deeper than ``MAX_DEPTH`` (``NestingTooDeepError``).
    """
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except _NonFinite as exc:
        raise NonFiniteNumberError(
            f"invalid JSON: {exc.args[0]} is not a finite number", source=source, line=line
        ) from None
    except json.JSONDecodeError as exc:
        where = line if line is not None else exc.lineno
        raise FormatError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source, line=where) from None
    except RecursionError:
        raise NestingTooDeepError(_too_deep(), source=source, line=line) from None
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 (bad byte at offset {exc.start})", source=source, line=line) from None
    except ValueError as exc:  # an integer of more than 4300 digits
        raise FormatError(f"invalid JSON: {exc}", source=source, line=line) from None
    if json_depth(value) > MAX_DEPTH:
        raise NestingTooDeepError(_too_deep(), source=source, line=line)
    return value


def _too_deep() -> str:
    return f"invalid JSON: nested more than {MAX_DEPTH} levels deep"


class _NonFinite(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NonFinite(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NonFinite(text[:40])
    return value


def json_depth(value: Any) -> int:
    """How deeply arrays and objects nest in a parsed JSON value (a scalar is 0), walked
    without recursion so that any depth the parser accepted can be measured."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            return depth
        stack.extend((child, depth) for child in children if isinstance(child, (dict, list)))
    return deepest


def capped(items: Iterable[Any], limit: int = MAX_ERRORS_PER_SOURCE) -> Iterator[Any]:
    """The items as they come, but at most ``limit`` errors per source; the errors beyond are
    counted and told in one last ``MoreErrors`` of that source ("and N more errors")."""
    shown: dict[str | None, int] = {}
    hidden: dict[str | None, InputError] = {}
    counts: dict[str | None, int] = {}
    for item in items:
        if not isinstance(item, InputError):
            yield item
            continue
        if shown.get(item.source, 0) < limit:
            shown[item.source] = shown.get(item.source, 0) + 1
            yield item
            continue
        counts[item.source] = counts.get(item.source, 0) + 1
        hidden.setdefault(item.source, item)
    for source, first in hidden.items():
        more = counts[source]
        message = f"and {more} more error{'s' if more != 1 else ''} (the next: {first.message})"
        yield MoreErrors(message, count=more, source=source)


def error_lines(errors: Sequence[InputError], limit: int = MAX_ERRORS_SHOWN) -> list[str]:
    """One line per error for the first ``limit`` errors, then one "and N more" line (N counts
    the errors a ``MoreErrors`` stands for)."""
    lines = [e.describe() for e in errors[:limit]]
    hidden = sum(e.count if isinstance(e, MoreErrors) else 1 for e in errors[limit:])
    if hidden:
        lines.append(f"and {hidden} more")
    return lines

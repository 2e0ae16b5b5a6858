"""Settings: one table of every knob, read from defaults, a config file, environment and flags.

Later sources win: defaults < config file (TOML, ``[ringkas]`` table or top level) <
environment variables ``RINGKAS_<NAME>`` < explicit overrides (CLI flags, API arguments).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def kind(self) -> type:
        return type(self.default)

    @property
    def env_var(self) -> str:
        return "RINGKAS_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "ringkas.db", "Path of the SQLite store."),
    Setting("max_file_bytes", 5_000_000, "Files larger than this many bytes are skipped."),
    Setting("summary_length", "5", 'Summary length: sentences ("5"), words ("120w") or percent ("20%").'),
    Setting(
        "cluster_threshold",
        0.5,
        "Average same-event probability (the learned link) an article needs to join a story (0-1; "
        "higher splits more; for 'tfidf' it is a cosine: try 0.25).",
    ),
    Setting(
        "cluster_window_days", 7, "Articles published further apart than this many days are never linked to each other."
    ),
    Setting("clusterer", "events", "Story clustering algorithm, by registry name (events, tfidf)."),
    Setting("embedder", "use", "Sentence embedder for clustering, by registry name (use, e5)."),
    Setting("embed_max_tokens", 256, "Pieces of headline and lead the embedder reads per article."),
    Setting(
        "embed_ahead",
        True,
        "Rebuilds embed and cluster the articles in a second process while analysing them (on two or more cores;"
        " same vectors, same stories).",
    ),
    Setting("watch_interval", 60.0, "Seconds between polls of 'ringkas watch' (folders and feed URLs)."),
    Setting("summarizer", "learned", "Summarizer, by registry name (learned, coverage, centroid)."),
    Setting(
        "citation_threshold", 0.35, "Similarity a sentence of another article needs to be cited for a summary sentence."
    ),
    Setting(
        "quote_paraphrases",
        False,
        "Keep reported speech that sits beside the same speaker's direct quotes (off: the direct quotes stand for it).",
    ),
    Setting(
        "name_network",
        True,
        "Let the name tagger's neural network vote beside its CRF (off: names found about twice as fast,"
        " NERGrit test F1 0.743 instead of 0.751).",
    ),
    Setting(
        "outlets_file",
        "",
        "TOML file of outlets (domains, name variants, media group) added to or overriding the shipped registry"
        " (ringkas/data/outlets.toml); empty: the shipped registry only.",
    ),
    Setting(
        "link_model",
        "",
        "JSON file of the learned link between articles (as scripts/train_links.py writes it); empty: the"
        " model shipped in ringkas/data/link-model.json.",
    ),
    Setting(
        "analysis_max_chars",
        100_000,
        "Characters of an article's text that analysis reads (sentences, names, dates, quotes); the whole"
        " text is still stored and shown. Bounds the memory and time one very long article takes.",
    ),
    Setting(
        "web_token",
        "",
        "Token 'ringkas serve' asks for (an 'Authorization: Bearer' header, or once in the web UI);"
        " needed to serve beyond this machine. Empty: no token.",
    ),
    Setting(
        "allow_hosts",
        "",
        "Comma-separated host names 'ringkas serve' answers to besides localhost and 127.0.0.1"
        " (the Host header; anything else is refused against DNS rebinding).",
    ),
    Setting("http_timeout", 10.0, "Seconds before an HTTP fetch of a URL or feed gives up."),
    Setting("progress", True, "Show progress bars on the terminal."),
    Setting("ui_language", "", "Language of the web UI's labels: id or en (blank: the browser's choice, else id)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    kind = setting.kind
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    text = str(value).strip()
    try:
        if kind is bool:
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise ValueError(text)
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
    except ValueError:
        raise ConfigError(f"setting {setting.name!r} wants a {kind.__name__}, got {text!r}", source=origin) from None
    return text


class Settings(Mapping[str, Any]):
    """Resolved settings; read them as ``settings["db"]``."""

    def __init__(
        self,
        overrides: Mapping[str, Any] | None = None,
        *,
        config_file: str | os.PathLike[str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
        self.origins: dict[str, str] = {s.name: "default" for s in SETTINGS}
        env = os.environ if environ is None else environ
        path = config_file or env.get("RINGKAS_CONFIG")
        if path is None and Path("ringkas.toml").is_file():
            path = "ringkas.toml"
        if path is not None:
            self._apply(values, _read_config(Path(path)), f"config file {path}")
        for s in SETTINGS:
            if s.env_var in env:
                self._apply(values, {s.name: env[s.env_var]}, f"environment {s.env_var}")
        if overrides:
            self._apply(values, {k: v for k, v in overrides.items() if v is not None}, "flag")
        self._values = values

    def _apply(self, values: dict[str, Any], new: Mapping[str, Any], origin: str) -> None:
        for name, value in new.items():
            setting = _BY_NAME.get(name)
            if setting is None:
                known = ", ".join(sorted(_BY_NAME))
                raise ConfigError(f"unknown setting {name!r} (known: {known})", source=origin)
            values[name] = _coerce(setting, value, origin)
            self.origins[name] = origin

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def replace(self, **overrides: Any) -> Settings:
        """A copy with some values changed (validated like any other override)."""
        new = Settings.__new__(Settings)
        new._values = dict(self._values)
        new.origins = dict(self.origins)
        new._apply(new._values, overrides, "override")
        return new


def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("config file not found", source=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file is not valid TOML: {exc}", source=str(path)) from None
    table = data.get("ringkas", data)
    if not isinstance(table, dict):
        raise ConfigError("[ringkas] must be a table", source=str(path))
    return table


def parse_assignment(text: str) -> tuple[str, str]:
    """``name=value`` from a ``--set`` flag."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise ConfigError(f"--set wants NAME=VALUE, got {text!r}")
    return name.strip().replace("-", "_"), value

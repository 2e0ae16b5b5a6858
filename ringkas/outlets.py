"""Outlets: one canonical name per news outlet, and the media group that owns it.

The registry ships in ``ringkas/data/outlets.toml`` (domains and name variants -> outlet ->
group, with the public source of each ownership fact); a user file named in the setting
``outlets_file`` adds outlets or overrides shipped ones. The cleaner and the HTML reader turn raw
outlet strings ("liputan6", "KOMPAS.com", "finance.detik.com", a page URL) into the canonical
name, and coverage groups a story's outlets by owner.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import ConfigError

__all__ = ["MediaGroup", "Outlet", "OutletRegistry", "canonical_outlet", "default_registry", "registered_domain"]

# Social networks and platforms: their URLs are a page's publisher profile, never the outlet.
SOCIAL_HOSTS = frozenset(
    {
        "facebook.com",
        "fb.com",
        "twitter.com",
        "x.com",
        "instagram.com",
        "youtube.com",
        "youtu.be",
        "tiktok.com",
        "t.me",
        "telegram.me",
        "linkedin.com",
        "plus.google.com",
        "google.com",
        "whatsapp.com",
        "pinterest.com",
        "threads.net",
    }
)
# Second-level labels under which a registered domain has three labels (kompas.co.id is not "co.id").
_SECOND_LEVEL = frozenset(
    {"co", "or", "ac", "go", "web", "my", "sch", "net", "com", "org", "gov", "mil", "biz", "ponpes", "desa"}
)
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
_WORDS = re.compile(r"\s*(?:[|:\u2013\u2014]|\s-\s|::)\s*|\s+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z][a-z])")


@dataclass(frozen=True)
class MediaGroup:
    key: str
    name: str
    source: str = ""


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    group: MediaGroup | None = None


def _key(text: str) -> str:
    """A name's lookup key: lower case, letters and digits only ("KOMPAS.com" -> "kompascom")."""
    return re.sub(r"[\W_]+", "", text.casefold())


def host_of(text: str) -> str | None:
    """The lower-case host of a URL or of a bare host name ("finance.detik.com"), else None."""
    raw = text.strip()
    if "://" in raw:
        host = urlsplit(raw).hostname or ""
    elif " " not in raw and "." in raw:
        host = raw.split("/", 1)[0].lower()
    else:
        return None
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host if _HOST.match(host) else None


def registered_domain(host: str) -> str:
    """The domain a host belongs to: ``finance.detik.com`` -> ``detik.com``, ``a.b.co.id`` -> ``b.co.id``."""
    labels = host.lower().split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_social(host: str) -> bool:
    labels = host.split(".")
    return any(".".join(labels[i:]) in SOCIAL_HOSTS for i in range(len(labels) - 1))


class OutletRegistry:
    """Outlets by domain and by name variant; ``canonical`` maps any raw outlet string."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        self._by_domain: dict[str, Outlet] = {}
        self._by_name: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for domain in outlet.domains:
                self._by_domain[domain.lower()] = outlet
            for name in (outlet.name, *outlet.names, *outlet.domains):
                self._by_name[_key(name)] = outlet

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def from_toml(cls, text: str, *, source: str, base: OutletRegistry | None = None) -> OutletRegistry:
        """A registry from the text of an outlets file; entries override ``base``'s on any shared key."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"outlets file is not valid TOML: {exc}", source=source) from None
        groups = dict(base.groups()) if base is not None else {}
        for key, table in _table(data, "group", source).items():
            if not isinstance(table, Mapping) or not isinstance(table.get("name"), str):
                raise ConfigError(f"[group.{key}] needs a name", source=source)
            groups[key] = MediaGroup(key, table["name"], str(table.get("source", "")))
        entries = data.get("outlet", [])
        if not isinstance(entries, list):
            raise ConfigError("outlet must be an array of tables ([[outlet]])", source=source)
        new: list[Outlet] = []
        for n, entry in enumerate(entries, 1):
            if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
                raise ConfigError(f"outlet {n} needs a name", source=source)
            group_key = entry.get("group")
            if group_key is not None and group_key not in groups:
                raise ConfigError(f"outlet {entry['name']!r} names unknown group {group_key!r}", source=source)
            new.append(
                Outlet(
                    name=entry["name"].strip(),
                    domains=tuple(d.lower().removeprefix("www.") for d in _strings(entry, "domains", source)),
                    names=_strings(entry, "names", source),
                    group=groups.get(group_key) if isinstance(group_key, str) else None,
                )
            )
        if base is None:
            return cls(new)
        return cls(_merge(base.outlets, new))

    @classmethod
    def load(cls, path: str | Path | None = None) -> OutletRegistry:
        """The shipped registry, extended by the outlets file at ``path`` when one is given."""
        registry = default_registry()
        if not path:
            return registry
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"outlets file cannot be read: {exc.strerror or exc}", source=str(path)) from None
        return cls.from_toml(text, source=str(path), base=registry)

    def groups(self) -> Iterator[tuple[str, MediaGroup]]:
        for outlet in self.outlets:
            if outlet.group is not None:
                yield outlet.group.key, outlet.group

    # -- lookups ---------------------------------------------------------------------------

    def for_host(self, host: str) -> Outlet | None:
        """The outlet a site belongs to (sub-sites map to their parent domain)."""
        labels = host.lower().removeprefix("www.").split(".")
        for i in range(len(labels) - 1):
            outlet = self._by_domain.get(".".join(labels[i:]))
            if outlet is not None:
                return outlet
        return None

    def find(self, raw: str | None) -> Outlet | None:
        """The registered outlet a raw outlet string names: a URL or host, a name, or a section name."""
        if not raw or not raw.strip():
            return None
        host = host_of(raw)
        if host is not None:
            found = self.for_host(host)
            if found is not None:
                return found
        found = self._by_name.get(_key(raw))
        if found is not None:
            return found
        # "Kompas.com Regional", "Tekno Liputan6.com", "Okezone Lifestyle", "detikNews": a word of
        # the name (camel case split) is the outlet, the rest is a section.
        for word in _WORDS.split(_CAMEL.sub(" ", raw.strip())):
            if len(word) < 3:
                continue
            word_host = host_of(word)
            found = (self.for_host(word_host) if word_host else None) or self._by_name.get(_key(word))
            if found is not None:
                return found
        return None

    def canonical(self, raw: str | None) -> str | None:
        """The canonical outlet name for a raw string; unknown names come back trimmed, a site's
        URL as its domain, and social-media URLs or blanks as None."""
        if raw is None or not raw.strip():
            return None
        found = self.find(raw)
        if found is not None:
            return found.name
        host = host_of(raw)
        if host is not None and (is_social(host) or "/" in raw or host != registered_domain(host)):
            # A URL or a sub-site's host stands for its site; a bare "Surabaya.com" is a name as written.
            return None if is_social(host) else registered_domain(host)
        return " ".join(raw.split())

    def group_of(self, outlet: str | None) -> MediaGroup | None:
        """The media group owning an outlet (by canonical name or any variant), if the registry states it."""
        found = self.find(outlet)
        return found.group if found is not None else None


def _table(data: Mapping[str, Any], name: str, source: str) -> Mapping[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"[{name}] must be a table", source=source)
    return table


def _strings(entry: Mapping[str, Any], field: str, source: str) -> tuple[str, ...]:
    values = entry.get(field, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"outlet {entry['name']!r}: {field} must be a list of strings", source=source)
    return tuple(v.strip() for v in values if v.strip())


def _merge(base: Iterable[Outlet], new: list[Outlet]) -> list[Outlet]:
    """Shipped outlets with the user's: a user entry sharing a name or domain with a shipped one
    replaces it and answers to the shipped names too, so stored outlet names still map."""
    merged: list[Outlet] = []
    taken = [{_key(n) for n in (o.name, *o.names, *o.domains)} for o in new]
    absorbed: list[list[Outlet]] = [[] for _ in new]
    for outlet in base:
        keys = {_key(n) for n in (outlet.name, *outlet.names, *outlet.domains)}
        hit = next((i for i, t in enumerate(taken) if t & keys), None)
        if hit is None:
            merged.append(outlet)
        else:
            absorbed[hit].append(outlet)
    for outlet, old in zip(new, absorbed, strict=True):
        if old:
            if outlet.group is None:  # an override that names no group keeps the shipped one
                outlet = replace(outlet, group=next((o.group for o in old if o.group is not None), None))
            names = tuple(dict.fromkeys((*outlet.names, *(n for o in old for n in (o.name, *o.names)))))
            domains = tuple(dict.fromkeys((*outlet.domains, *(d for o in old for d in o.domains))))
            outlet = replace(outlet, names=names, domains=domains)
        merged.append(outlet)
    return merged


# The shipped file is package data, read once per process: it never changes while ringkas runs.
@functools.cache
def default_registry() -> OutletRegistry:
    """The registry shipped in ``ringkas/data/outlets.toml``."""
    text = resources.files("ringkas.data").joinpath("outlets.toml").read_text(encoding="utf-8")
    return OutletRegistry.from_toml(text, source="ringkas/data/outlets.toml")


def canonical_outlet(raw: str | None, registry: OutletRegistry | None = None) -> str | None:
    """``registry.canonical(raw)`` with the shipped registry by default."""
    return (registry or default_registry()).canonical(raw)

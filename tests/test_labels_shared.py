"""Our event labels of the real stream (``labels/realworld``) against the stream they name: each
window's file must hold every article published in its span exactly once, no article may sit in
two windows, and none may come from the owner's dev window (it would train on what it scores)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, shared_path

LABELS = ROOT / "labels" / "realworld"


def _windows() -> dict[str, list[dict]]:
    return {
        path.stem: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for path in sorted(LABELS.glob("*.jsonl"))
    }


def test_every_label_line_has_an_event_and_ids() -> None:
    windows = _windows()
    assert len(windows) >= 12
    for name, events in windows.items():
        for n, event in enumerate(events, 1):
            assert set(event) <= {"event", "article_ids", "note"}, f"{name}.jsonl line {n}"
            assert isinstance(event["event"], str) and event["event"].strip(), f"{name}.jsonl line {n}"
            assert event["article_ids"] and all(isinstance(i, str) for i in event["article_ids"]), f"{name} {n}"


@pytest.mark.shared
def test_each_window_holds_its_span_of_the_stream_exactly_once() -> None:
    stream = shared_path("data", "realworld", "stream.jsonl")
    published: dict[str, str] = {}
    for line in stream.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        published[article["id"]] = article["published"][:13]
    dev = {
        i
        for line in shared_path("data", "realworld", "events_dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
        for i in json.loads(line)["article_ids"]
    }
    seen: dict[str, str] = {}
    for name, events in _windows().items():
        ids = [i for event in events for i in event["article_ids"]]
        assert len(ids) == len(set(ids)), f"{name}: an article is labelled twice"
        unknown = [i for i in ids if i not in published]
        assert not unknown, f"{name}: ids not in the stream: {unknown[:5]}"
        assert not dev & set(ids), f"{name}: articles of the dev window: {sorted(dev & set(ids))[:5]}"
        for i in ids:
            assert i not in seen, f"{i} is in {seen[i]} and {name}"
            seen[i] = name
        # the file is named by the window's first hour; every stream article from there to its last is in it
        hours = sorted(published[i] for i in ids)
        assert hours[0] >= name, f"{name}: an article from {hours[0]}, before the window"
        span = {i for i, hour in published.items() if name <= hour <= hours[-1]}
        assert span == set(ids), f"{name}: {len(span - set(ids))} articles of its span are not labelled"


def test_descriptions_are_ours_not_copied_headlines() -> None:
    """Descriptions are our English words; a copied Indonesian headline would show its function words."""
    indonesian = {"yang", "dan", "di", "ini", "untuk", "dengan", "tak", "jadi"}
    for name, events in _windows().items():
        for event in events:
            words = set(event["event"].lower().split())
            assert len(words & indonesian) < 2, f"{name}: {event['event']!r} reads like a copied headline"

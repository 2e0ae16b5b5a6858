"""Story log: what the store records beside every story it saves, inside the same transaction.

For each saved story: the changes since the stored version (``changes.diff_stories``), its rows
in the entity index (which stories name which person, organisation or place) and its ranking
columns; then the thread links (``threads``) of the stories whose neighbourhood changed. The
store calls ``record_saved`` from every save path, so batch rebuilds, online arrivals and the
API all keep the log.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime

from .changes import Change, diff_stories
from .models import Story
from .ranking import outlet_count, rank_key
from .serialization import from_jsonable
from .stories import media_group_count
from .threads import KEY_KINDS, StoryKeys, entity_keys, key_entities, previous_link


def now() -> str:
    """The time a save happens, to the millisecond (a reader's visit and a save may share a second)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def stored_data(db: sqlite3.Connection, ids: Iterable[str] | None = None) -> dict[str, str]:
    """The stored JSON of these stories (all when ``ids`` is None), before a save replaces them."""
    if ids is None:
        return {r[0]: r[1] for r in db.execute("SELECT id, data FROM stories")}
    out: dict[str, str] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ",".join("?" * len(part))
        out.update({r[0]: r[1] for r in db.execute(f"SELECT id, data FROM stories WHERE id IN ({marks})", part)})
    return out


def record_saved(
    db: sqlite3.Connection, stories: Sequence[Story], old: Mapping[str, str], removed: Iterable[str] = ()
) -> list[Change]:
    """Log the changes of freshly saved ``stories`` against their ``old`` JSON, index them, and
    refresh the thread links around them; ``removed`` stories leave the index."""
    at = now()
    changes: list[Change] = []
    gone = [r for r in removed if r not in {s.id for s in stories}]
    for story_id in gone:
        db.execute("DELETE FROM story_entities WHERE story_id = ?", (story_id,))
    for story in stories:
        before = from_jsonable(Story, json.loads(old[story.id])) if story.id in old else None
        found = diff_stories(before, story, at, _article_labels(db, story, before))
        changes.extend(found)
        db.execute(
            "UPDATE stories SET outlets = ?, media_groups = ?, articles = ?, rank_key = ?, changed_at = ? WHERE id = ?",
            (
                outlet_count(story.coverage),
                media_group_count(story.coverage),
                len(story.article_ids),
                rank_key(story),
                at if found else _previous_change(db, story.id) or at,
                story.id,
            ),
        )
        _index_entities(db, story)
    db.executemany(
        "INSERT INTO story_changes (story_id, at, kind, text, previous, article_id) VALUES (?,?,?,?,?,?)",
        [(c.story_id, c.at, c.kind, c.text, c.previous, c.article_id) for c in changes],
    )
    refresh_threads(db, [s.id for s in stories] + gone)
    return changes


def _article_labels(db: sqlite3.Connection, story: Story, before: Story | None) -> dict[str, str]:
    """ "Outlet: headline" of the articles that joined ``story`` since ``before``."""
    if before is None:
        return {}
    joined = [a for a in story.article_ids if a not in set(before.article_ids)][:500]
    outlets = {a: c.outlet for c in story.coverage for a in c.article_ids}
    marks = ",".join("?" * len(joined))
    rows = db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", joined) if joined else []
    return {r[0]: f"{outlets.get(r[0]) or '?'}: {r[1]}" if r[1] else outlets.get(r[0]) or r[0] for r in rows}


def _previous_change(db: sqlite3.Connection, story_id: str) -> str | None:
    row = db.execute("SELECT MAX(at) FROM story_changes WHERE story_id = ?", (story_id,)).fetchone()
    return None if row is None else row[0]


def _index_entities(db: sqlite3.Connection, story: Story) -> None:
    db.execute("DELETE FROM story_entities WHERE story_id = ?", (story.id,))
    key = {id(e) for e in key_entities(story)}
    rows = []
    for entity in story.entities:
        for n, entity_key in enumerate(entity_keys(entity)):
            rows.append((story.id, entity_key, entity.name, entity.kind, entity.mentions, int(id(entity) in key), n))
    db.executemany(
        "INSERT OR IGNORE INTO story_entities (story_id, entity_id, name, kind, mentions, key_entity, alias)"
        " VALUES (?,?,?,?,?,?,?)",
        rows,
    )


def refresh_threads(db: sqlite3.Connection, changed: Sequence[str] | None = None) -> None:
    """Recompute the previous-story link of the changed stories and of every story sharing a key
    entity with them (all stories when ``changed`` is None)."""
    total = int(db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])
    df = {k: int(n) for k, n in db.execute("SELECT entity_id, COUNT(*) FROM story_entities GROUP BY entity_id")}
    keys: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    for story_id, entity_key, key_entity in db.execute(
        "SELECT story_id, entity_id, key_entity FROM story_entities WHERE kind IN (?, ?)", KEY_KINDS
    ):
        names[story_id].add(entity_key)
        holders[entity_key].add(story_id)
        if key_entity:
            keys[story_id].add(entity_key)
    if changed is None:
        targets = set(keys) | {r[0] for r in db.execute("SELECT id FROM stories")}
    else:
        targets = set(changed)
        for start in range(0, len(changed), 500):  # stories that followed a changed or removed one look again
            part = list(changed[start : start + 500])
            marks = ",".join("?" * len(part))
            targets |= {
                r[0] for r in db.execute(f"SELECT story_id FROM story_threads WHERE previous_id IN ({marks})", part)
            }
        for story_id in changed:
            for entity_key in names.get(story_id, ()):
                targets |= holders[entity_key]
    dates = {
        r[0]: (_date(r[1]), _date(r[2])) for r in db.execute("SELECT id, first_published, last_published FROM stories")
    }
    db.executemany("DELETE FROM story_threads WHERE story_id = ?", [(t,) for t in targets])
    links = []
    for story_id in targets:
        if story_id not in dates:
            continue
        me = StoryKeys(story_id, *dates[story_id], frozenset(keys.get(story_id, ())))
        candidates = {other for k in me.keys for other in holders[k]} - {story_id}
        link = previous_link(
            me,
            [
                StoryKeys(o, *dates[o], frozenset(keys.get(o, ())), frozenset(names[o]))
                for o in sorted(candidates)
                if o in dates
            ],
            df,
            total,
        )
        if link is not None:
            links.append((link.story_id, link.previous_id, link.score, json.dumps(list(link.shared))))
    db.executemany("INSERT INTO story_threads (story_id, previous_id, score, shared) VALUES (?,?,?,?)", links)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# coverage ranking columns, the change log, the entity index, thread links and follows
# (ringkas.story_log fills them on every save; existing stories are indexed after migrating).
SCHEMA = """
    ALTER TABLE stories ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN media_groups INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN rank_key REAL NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN changed_at TEXT;
    CREATE INDEX stories_rank ON stories(rank_key);
    CREATE TABLE story_changes (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        previous TEXT,
        article_id TEXT
    );
    CREATE INDEX story_changes_story ON story_changes(story_id, at);
    CREATE INDEX story_changes_at ON story_changes(at);
    CREATE TABLE story_entities (
        story_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        key_entity INTEGER NOT NULL,
        alias INTEGER NOT NULL,
        PRIMARY KEY (story_id, entity_id)
    );
    CREATE INDEX story_entities_entity ON story_entities(entity_id);
    CREATE TABLE story_threads (
        story_id TEXT PRIMARY KEY,
        previous_id TEXT NOT NULL,
        score REAL NOT NULL,
        shared TEXT NOT NULL
    );
    CREATE INDEX story_threads_previous ON story_threads(previous_id);
    CREATE TABLE follows (
        id INTEGER PRIMARY KEY,
        query TEXT NOT NULL,
        outlet TEXT NOT NULL DEFAULT '',
        min_outlets INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (query, outlet, min_outlets)
    );
    """

# 4: indexes for the story list's page of a large store: each order reads its first page from an
# index instead of sorting every story, and the outlet and language facets count an index instead
# of reading every article row (with its text).
LIST_INDEXES = """
    CREATE INDEX stories_coverage ON stories(rank_key DESC, id);
    CREATE INDEX stories_newest ON stories(last_published IS NULL, last_published DESC, id);
    CREATE INDEX stories_updated ON stories(changed_at IS NULL, changed_at DESC, id);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_language ON articles(language);
    """


class DailyReads:
    """The store's reads of the daily tool's tables (``Store`` has them); ``_read`` is the
    calling thread's read connection."""

    @property
    def _read(self) -> sqlite3.Connection:
        raise NotImplementedError

    def changes(self, story_id: str | None = None, since: str | None = None) -> list[Change]:
        """The change log of one story (or of all), oldest first, saved after ``since`` if given."""
        conditions, params = ["1"], []
        if story_id is not None:
            conditions.append("story_id = ?")
            params.append(story_id)
        if since:
            conditions.append("at > ?")
            params.append(since)
        rows = self._read.execute(
            "SELECT story_id, at, kind, text, previous, article_id FROM story_changes"
            f" WHERE {' AND '.join(conditions)} ORDER BY at, id",
            params,
        )
        return [Change(*r) for r in rows]

    def story_entities(self, entity_id: str) -> list[tuple[str, str, str, int]]:
        """The stories naming an entity, as (story id, name there, kind, mentions)."""
        rows = self._read.execute(
            "SELECT story_id, name, kind, mentions FROM story_entities WHERE entity_id = ? ORDER BY story_id",
            (entity_id,),
        )
        return [(r[0], r[1], r[2], int(r[3])) for r in rows]

    def thread_links(self) -> dict[str, tuple[str, float, tuple[str, ...]]]:
        """Every story's previous story in its thread: id -> (previous id, score, shared entity ids)."""
        rows = self._read.execute("SELECT story_id, previous_id, score, shared FROM story_threads")
        return {r[0]: (r[1], float(r[2]), tuple(json.loads(r[3]))) for r in rows}

    def story_ranks(self, story_ids: Iterable[str] | None = None) -> dict[str, tuple[int, int, int, str | None]]:
        """Each story's (outlets, media groups, articles, last change time); only those of
        ``story_ids`` when given (a page of the list reads 30 rows, not every story's)."""
        columns = "SELECT id, outlets, media_groups, articles, changed_at FROM stories"
        if story_ids is None:
            rows = self._read.execute(columns).fetchall()
        else:
            wanted, rows = list(story_ids), []
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                rows += self._read.execute(f"{columns} WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
        return {r[0]: (int(r[1]), int(r[2]), int(r[3]), r[4]) for r in rows}

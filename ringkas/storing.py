"""Storing: the embedded SQLite store of articles, stories and cached vectors.

WAL mode, a schema version (``PRAGMA user_version``) with ordered migrations, idempotent
ingest (an article is keyed by id, URL and content hash: the same article twice is stored
once), and every write in one transaction. One writing connection (one transaction at a
time); every thread reads on a connection of its own, which in WAL mode sees the last commit
and never waits for the writer.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from . import story_log
from .cards import CARD_COLUMNS, StoryCard
from .errors import NotFoundError, StoreError
from .models import Article, Story
from .serialization import from_jsonable, to_jsonable

# Each entry moves the schema from version i to i + 1. Never edit a released entry: append.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        outlet TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        published TEXT,
        language TEXT,
        data TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        headline TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE TABLE vectors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (article_id, model)
    );
    """,
    # 2: full-text search (FTS5) over articles (title, text) and stories (headline, summary), kept
    # in step by triggers. articles_fts reads its text from the articles table (no second copy).
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    CREATE VIRTUAL TABLE stories_fts USING fts5(
        story_id UNINDEXED, headline, summary, tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
        INSERT INTO stories_fts(rowid, story_id, headline, summary) VALUES (
            new.rowid, new.id, new.headline,
            (SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(new.data, '$.summary'))
        );
    END;
    CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        DELETE FROM stories_fts WHERE rowid = old.rowid;
    END;
    INSERT INTO stories_fts(rowid, story_id, headline, summary)
        SELECT rowid, id, headline,
            (SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(stories.data, '$.summary'))
        FROM stories;
    """,
    # 3: the daily tool's tables (coverage ranking columns, change log, entity index, threads, follows)
    story_log.SCHEMA,
    story_log.LIST_INDEXES,  # 4: the story list's orders and facets read indexes
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class AddResult:
    """What happened to one article offered to the store."""

    article_id: str
    status: str  # "stored" | "updated" | "duplicate"
    duplicate_of: str | None = None


# Marks around matched words in search snippets: control characters that clean text never holds.
HIT_START, HIT_END = "\x02", "\x03"


@dataclass(frozen=True)
class StoryFilter:
    """Keep stories with an article from this outlet, in this language, published in this range."""

    outlet: str | None = None
    language: str | None = None
    since: date | None = None
    until: date | None = None
    min_outlets: int = 0  # only stories that this many distinct outlets report


# Story list orders: the coverage ranking (ringkas.ranking) or the newest article.
STORY_ORDERS = {
    "coverage": "s.rank_key DESC, s.id",
    "newest": "s.last_published IS NULL, s.last_published DESC, s.id",
    "updated": "s.changed_at IS NULL, s.changed_at DESC, s.id",
}


@dataclass(frozen=True)
class ArticleHit:
    """An article that matched a search, with a snippet of its text around the matched words."""

    article_id: str
    title: str
    outlet: str | None
    published: date | None
    story_id: str | None
    snippet: str


@dataclass(frozen=True)
class Facets:
    outlets: tuple[tuple[str, int], ...]
    languages: tuple[tuple[str, int], ...]
    first_published: date | None
    last_published: date | None


def fts_query(text: str) -> str | None:
    """The words of a user's search as an FTS5 query: every word must occur, as a word or the
    start of one ("banjir" finds "banjirnya"); FTS5 operators and quotes in the input are inert."""
    words = re.findall(r"\w+", text.lower())
    return " ".join(f'"{w}"*' for w in words) if words else None


def _article_conditions(filters: StoryFilter, alias: str = "a") -> tuple[list[str], list[str]]:
    conditions, params = [], []
    if filters.outlet:
        conditions.append(f"{alias}.outlet = ?")
        params.append(filters.outlet)
    if filters.language:
        conditions.append(f"{alias}.language = ?")
        params.append(filters.language)
    if filters.since:
        conditions.append(f"{alias}.published >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        conditions.append(f"{alias}.published <= ?")
        params.append(filters.until.isoformat())
    return conditions, params


def _filter_sql(filters: StoryFilter) -> tuple[str, list[str]]:
    conditions, params = _article_conditions(filters, "fa")
    outlets = f"s.outlets >= {int(filters.min_outlets)}" if filters.min_outlets > 0 else "1"
    if not conditions:
        return outlets, []
    return (
        f"{outlets} AND EXISTS (SELECT 1 FROM story_articles fsa JOIN articles fa ON fa.id = fsa.article_id"
        f" WHERE fsa.story_id = s.id AND {' AND '.join(conditions)})",
        params,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(story_log.DailyReads):
    """One SQLite database file; safe to reopen, cheap to create per engine."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._writer = threading.RLock()  # the writing connection runs one transaction at a time
            self._local = threading.local()
            self._readers: list[sqlite3.Connection] = []
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store: {exc}", source=self.path) from None

    @property
    def _read(self) -> sqlite3.Connection:
        """This thread's reading connection, opened on first use (an in-memory store has one
        database per connection: it reads on the writing one)."""
        if self.path in (":memory:", ""):
            return self._db
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                db.execute("PRAGMA busy_timeout=5000")
                db.execute("PRAGMA query_only=ON")
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"cannot open the store: {exc}", source=self.path) from None
            with self._writer:
                self._readers.append(db)
            self._local.db = db
        return db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._writer:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"store has schema version {version}, newer than this ringkas ({SCHEMA_VERSION}): upgrade ringkas",
                source=self.path,
            )
        for target in range(version, SCHEMA_VERSION):
            with self.transaction() as db:
                for statement in _statements(MIGRATIONS[target]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {target + 1}")
        if version < 3 <= SCHEMA_VERSION and version > 0:
            self.reindex_stories()  # stories stored before the change log get their index and threads

    def close(self) -> None:
        with self._writer:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
            self._db.close()

    # -- articles -----------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Store articles in one transaction; the same article (URL or content) is kept once."""
        results = []
        with self.transaction() as db:
            for article in articles:
                results.append(self._add(db, article))
        return results

    def _add(self, db: sqlite3.Connection, article: Article) -> AddResult:
        digest = article.content_hash
        row = db.execute(
            "SELECT id FROM articles WHERE (url IS NOT NULL AND url = ?) OR content_hash = ?",
            (article.url, digest),
        ).fetchone()
        if row is not None:
            return AddResult(article.id, "duplicate", row[0])
        values = (
            article.url,
            digest,
            article.outlet,
            article.title,
            article.text,
            article.published.isoformat() if article.published else None,
            article.language,
            json.dumps(to_jsonable(article), ensure_ascii=False),
            _now(),
        )
        exists = db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
        if exists:  # same id, new content: the newer version of the article replaces the old
            db.execute(
                "UPDATE articles SET url=?, content_hash=?, outlet=?, title=?, text=?, published=?,"
                " language=?, data=?, ingested_at=? WHERE id=?",
                (*values, article.id),
            )
            db.execute("DELETE FROM vectors WHERE article_id = ?", (article.id,))
            return AddResult(article.id, "updated")
        db.execute(
            "INSERT INTO articles (url, content_hash, outlet, title, text, published, language, data,"
            " ingested_at, id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (*values, article.id),
        )
        return AddResult(article.id, "stored")

    def article(self, article_id: str) -> Article:
        row = self._read.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return _article(row[0])

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles in ingest-independent order: by publication date, then id."""
        if ids is None:
            rows = self._read.execute("SELECT data FROM articles ORDER BY published IS NULL, published, id").fetchall()
        else:
            wanted = list(ids)
            rows = []
            for chunk in range(0, len(wanted), 500):
                part = wanted[chunk : chunk + 500]
                marks = ",".join("?" * len(part))
                rows += self._read.execute(f"SELECT data FROM articles WHERE id IN ({marks})", part).fetchall()
        articles = [_article(r[0]) for r in rows]
        if ids is not None:
            order = {i: n for n, i in enumerate(wanted)}
            articles.sort(key=lambda a: order[a.id])
        return articles

    def story_outlets(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """The distinct outlets of each story's articles, sorted, in one query (no article text read)."""
        wanted = list(story_ids)
        found: dict[str, set[str]] = {s: set() for s in wanted}
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            rows = self._read.execute(
                "SELECT DISTINCT sa.story_id, a.outlet FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                f" WHERE sa.story_id IN ({marks}) AND a.outlet IS NOT NULL",
                part,
            ).fetchall()
            for story_id, outlet in rows:
                if outlet:
                    found[story_id].add(str(outlet))
        return {s: sorted(outlets) for s, outlets in found.items()}

    def article_ids(self) -> list[str]:
        """Every article id in the order of ``articles()``, for paging through a large store."""
        rows = self._read.execute("SELECT id FROM articles ORDER BY published IS NULL, published, id")
        return [r[0] for r in rows]

    def count_articles(self) -> int:
        return int(self._read.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- vectors --------------------------------------------------------------------

    def vectors(self, model: str, ids: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            for article_id, blob in self._read.execute(
                f"SELECT article_id, vector FROM vectors WHERE model = ? AND article_id IN ({marks})", [model, *part]
            ):
                out[article_id] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (article_id, model, vector) VALUES (?,?,?)",
                [(k, model, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()],
            )

    # -- stories --------------------------------------------------------------------

    def replace_stories(self, stories: Iterable[Story]) -> None:
        """Make these the stored stories (a batch re-clustering), in one transaction; the change
        log records what differs from the stories stored before."""
        with self.transaction() as db:
            old = story_log.stored_data(db)
            db.execute("DELETE FROM story_articles")
            db.execute("DELETE FROM stories")
            saved = list(stories)
            for story in saved:
                self._put_story(db, story)
            db.execute("DELETE FROM story_entities")
            db.execute("DELETE FROM story_threads")
            story_log.record_saved(db, saved, old, removed=[i for i in old if i not in {s.id for s in saved}])

    def put_stories(self, stories: Iterable[Story], *, remove: Iterable[str] = ()) -> None:
        """Insert or refresh some stories and delete the ``remove`` ids (online mode), in one transaction."""
        saved, removed = list(stories), list(remove)
        with self.transaction() as db:
            old = story_log.stored_data(db, [s.id for s in saved])
            db.executemany("DELETE FROM stories WHERE id = ?", [(i,) for i in removed])
            for story in saved:
                db.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
                db.executemany("DELETE FROM story_articles WHERE article_id = ?", [(a,) for a in story.article_ids])
                db.execute("DELETE FROM stories WHERE id = ?", (story.id,))
                self._put_story(db, story)
            story_log.record_saved(db, saved, old, removed=removed)

    def _put_story(self, db: sqlite3.Connection, story: Story) -> None:
        db.execute(
            "INSERT INTO stories (id, headline, first_published, last_published, data, updated_at)"
            " VALUES (?,?,?,?,?,?)",
            (
                story.id,
                story.headline,
                story.first_published.isoformat() if story.first_published else None,
                story.last_published.isoformat() if story.last_published else None,
                json.dumps(to_jsonable(story), ensure_ascii=False),
                _now(),
            ),
        )
        db.executemany(
            "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)",
            [(a, story.id) for a in story.article_ids],
        )

    def reindex_stories(self) -> None:
        """Fill the ranking columns, entity index and thread links of every stored story (after
        the migration that added them); the change log starts from here."""
        with self.transaction() as db:
            stories = [from_jsonable(Story, json.loads(r[0])) for r in db.execute("SELECT data FROM stories")]
            old = story_log.stored_data(db)
            story_log.record_saved(db, stories, old)

    def story(self, story_id: str) -> Story:
        row = self._read.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story with id {story_id!r}")
        return from_jsonable(Story, json.loads(row[0]))

    def stories(self, order: str = "newest") -> list[Story]:
        """Newest first (by last publication date), then by id; or biggest first (``"coverage"``)."""
        rows = self._read.execute(f"SELECT data FROM stories s ORDER BY {STORY_ORDERS[order]}").fetchall()
        return [from_jsonable(Story, json.loads(r[0])) for r in rows]

    def story_of(self, article_id: str) -> str | None:
        row = self._read.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    # -- search (FTS5) and filters -------------------------------------------------

    def find_stories(
        self,
        query: str = "",
        filters: StoryFilter | None = None,
        *,
        limit: int = 50,
        offset: int = 0,
        order: str | None = None,
    ) -> tuple[list[Story], int]:
        """Stories matching the words of ``query`` (headline, summary or any of their articles),
        best match first, or newest first without a query (or in ``order``, a key of
        ``STORY_ORDERS``); and how many match in all.

        A filter keeps a story when at least one of its articles passes every filter."""
        rows, total = self._find(query, filters, limit, offset, order, "s.data")
        return [from_jsonable(Story, json.loads(r[0])) for r in rows], total

    def find_story_cards(
        self,
        query: str = "",
        filters: StoryFilter | None = None,
        *,
        limit: int = 50,
        offset: int = 0,
        order: str | None = None,
    ) -> tuple[list[StoryCard], int]:
        """``find_stories`` as the story list shows them: cards, no story's JSON decoded."""
        rows, total = self._find(query, filters, limit, offset, order, CARD_COLUMNS)
        return [StoryCard.from_row(r) for r in rows], total

    def _find(
        self, query: str, filters: StoryFilter | None, limit: int, offset: int, order: str | None, columns: str
    ) -> tuple[list[Any], int]:
        where, params = _filter_sql(filters or StoryFilter())
        match = fts_query(query)
        if query.strip() and match is None:
            return [], 0
        if match is None:
            base = f"SELECT s.id AS id, 0.0 AS rank FROM stories s WHERE {where}"
            sort = STORY_ORDERS[order or "newest"]
        else:
            base = (
                "SELECT h.id AS id, MIN(h.rank) AS rank FROM ("
                " SELECT f.story_id AS id, bm25(stories_fts) AS rank FROM stories_fts f WHERE stories_fts MATCH ?"
                " UNION ALL"
                " SELECT sa.story_id, bm25(articles_fts) FROM articles_fts"
                " JOIN articles a ON a.rowid = articles_fts.rowid JOIN story_articles sa ON sa.article_id = a.id"
                " WHERE articles_fts MATCH ?"
                f") h JOIN stories s ON s.id = h.id WHERE {where} GROUP BY h.id"
            )
            params = [match, match, *params]
            sort = STORY_ORDERS[order] if order else "hits.rank, s.last_published IS NULL, s.last_published DESC, s.id"
        total = int(self._read.execute(f"SELECT COUNT(*) FROM ({base})", params).fetchone()[0])
        rows = self._read.execute(
            f"SELECT {columns} FROM ({base}) hits JOIN stories s ON s.id = hits.id ORDER BY {sort} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return rows, total

    def search_articles(self, query: str, filters: StoryFilter | None = None, *, limit: int = 20) -> list[ArticleHit]:
        """Articles whose title or text hold the words of ``query``, best first, with a snippet in
        which each matched word sits between ``HIT_START`` and ``HIT_END``."""
        match = fts_query(query)
        if match is None:
            return []
        filters = filters or StoryFilter()
        conditions, params = _article_conditions(filters)
        rows = self._read.execute(
            "SELECT a.id, a.title, a.outlet, a.published, sa.story_id,"
            f" snippet(articles_fts, 1, '{HIT_START}', '{HIT_END}', '…', 24)"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " LEFT JOIN story_articles sa ON sa.article_id = a.id"
            f" WHERE articles_fts MATCH ? AND {' AND '.join(conditions) or '1'}"
            " ORDER BY bm25(articles_fts), a.id LIMIT ?",
            [match, *params, limit],
        ).fetchall()
        return [ArticleHit(r[0], r[1], r[2], date.fromisoformat(r[3]) if r[3] else None, r[4], r[5]) for r in rows]

    def facets(self) -> Facets:
        """The outlets and languages of the stored articles (with counts) and their date range."""
        outlets = self._read.execute(
            "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY outlet"
        ).fetchall()
        languages = self._read.execute(
            "SELECT language, COUNT(*) FROM articles WHERE language IS NOT NULL GROUP BY language ORDER BY language"
        ).fetchall()
        # two subqueries: each reads one end of the index (MIN and MAX together scan all of it)
        first, last = self._read.execute(
            "SELECT (SELECT MIN(published) FROM articles), (SELECT MAX(published) FROM articles)"
        ).fetchone()
        return Facets(
            outlets=tuple((str(o), int(n)) for o, n in outlets),
            languages=tuple((str(lang), int(n)) for lang, n in languages),
            first_published=date.fromisoformat(first) if first else None,
            last_published=date.fromisoformat(last) if last else None,
        )

    def rebuild_search(self) -> None:
        """Re-index every article and story (after a VACUUM, which may renumber rowids)."""
        with self.transaction() as db:
            db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
            db.execute("DELETE FROM stories_fts")
            db.execute(
                "INSERT INTO stories_fts(rowid, story_id, headline, summary) SELECT rowid, id, headline,"
                " (SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(stories.data, '$.summary'))"
                " FROM stories"
            )


def _article(data: str) -> Article:
    """A stored article; one stored before ``Article.duplicate_of`` was a field has it in its metadata."""
    fields = json.loads(data)
    metadata = fields.get("metadata") or {}
    if "duplicate_of" in metadata:
        original = metadata.pop("duplicate_of")
        if fields.get("duplicate_of") is None and isinstance(original, str):
            fields["duplicate_of"] = original
    return from_jsonable(Article, fields)


def _statements(script: str) -> list[str]:
    """The statements of a migration script; a trigger body's inner ``;`` does not end its statement."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip())
    return statements

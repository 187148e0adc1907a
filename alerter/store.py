"""The state store: one SQLite file holding documents, events, matches, the digest
outbox and deliveries, so that nothing is lost or done twice across restarts.

The schema is versioned with `PRAGMA user_version` and migrated forward on open.
Each stage of a cycle runs in one transaction (`with store.transaction():`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alerter.models import Delivery, Document, Event, Match

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT NOT NULL,
        fetched TEXT NOT NULL,
        text TEXT NOT NULL,
        extracted_at TEXT
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        type TEXT NOT NULL,
        published TEXT NOT NULL,
        data TEXT NOT NULL,
        matched_at TEXT
    );
    CREATE INDEX events_unmatched ON events(matched_at) WHERE matched_at IS NULL;
    CREATE TABLE matches (
        id TEXT PRIMARY KEY,
        rule_id TEXT NOT NULL,
        group_key TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        severity TEXT NOT NULL,
        event_ids TEXT NOT NULL,
        explanation TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX matches_rule ON matches(rule_id, group_key);
    CREATE TABLE digests (
        id TEXT PRIMARY KEY,
        subscription TEXT NOT NULL,
        period_start TEXT,
        period_end TEXT NOT NULL,
        created TEXT NOT NULL,
        summary TEXT NOT NULL,
        bodies TEXT NOT NULL
    );
    CREATE INDEX digests_subscription ON digests(subscription, created);
    CREATE TABLE digest_matches (
        digest_id TEXT NOT NULL REFERENCES digests(id),
        match_id TEXT NOT NULL REFERENCES matches(id),
        subscription TEXT NOT NULL,
        PRIMARY KEY (digest_id, match_id)
    );
    CREATE UNIQUE INDEX digest_matches_once ON digest_matches(subscription, match_id);
    CREATE TABLE deliveries (
        digest_id TEXT NOT NULL REFERENCES digests(id),
        channel TEXT NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        sent_at TEXT,
        next_attempt TEXT,
        PRIMARY KEY (digest_id, target)
    );
    CREATE TABLE cycles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started TEXT NOT NULL,
        finished TEXT,
        documents INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0,
        matches INTEGER NOT NULL DEFAULT 0,
        digests INTEGER NOT NULL DEFAULT 0,
        problems INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 2: memory of stateful rules (new, throttle)
    """
    CREATE TABLE rule_memory (
        rule_id TEXT NOT NULL,
        key TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (rule_id, key)
    );
    CREATE TABLE subscription_runs (
        subscription TEXT PRIMARY KEY,
        last_run TEXT NOT NULL
    );
    """,
    # 3: the matching events that threshold and spike rules count (times in UTC)
    """
    CREATE TABLE rule_sightings (
        rule_id TEXT NOT NULL,
        key TEXT NOT NULL,
        event_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (rule_id, key, event_id)
    );
    CREATE INDEX rule_sightings_at ON rule_sightings (rule_id, key, at);
    """,
    # 4: a digest's subject line, and its stories for the Atom feed (JSON)
    """
    ALTER TABLE digests ADD COLUMN subject TEXT NOT NULL DEFAULT '';
    ALTER TABLE digests ADD COLUMN stories TEXT NOT NULL DEFAULT '[]';
    """,
    # 5: who may send (one alerter per store), and who asked for no more mail
    """
    CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires TEXT NOT NULL
    );
    CREATE TABLE opt_outs (
        address TEXT NOT NULL,
        subscription TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (address, subscription)
    );
    """,
)
ALL = "*"  # an opt-out from every subscription


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _utc(value: datetime) -> str:
    # one offset for every stored time, so that the text sorts as the time does
    return (value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


class Store:
    """The SQLite state store. Open it with `Store.open(path)`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Give the store at `path`, created and migrated as needed."""
        file = Path(path)
        file.parent.mkdir(parents=True, exist_ok=True)
        # The scheduler runs jobs in one worker thread while the main thread waits for a
        # signal: the connection is used by one thread at a time, never by two at once.
        db = sqlite3.connect(file, timeout=30, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")
        store = cls(db, file)
        store.migrate()
        return store

    def close(self) -> None:
        self._db.close()

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply every migration newer than the file's schema version."""
        with self.transaction():
            current = self.version
            for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one write transaction: all of it is kept, or none."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _rows(self, sql: str, *args: Any) -> list[sqlite3.Row]:
        return list(self._db.execute(sql, args).fetchall())

    # documents ---------------------------------------------------------------

    def has_content(self, content_hash: str) -> bool:
        return bool(self._rows("SELECT 1 FROM documents WHERE content_hash = ?", content_hash))

    def add_document(self, document: Document) -> Document:
        """Store a new document; one whose id is taken by other content gets a revision id."""
        if self._rows("SELECT 1 FROM documents WHERE id = ?", document.id):
            document = document.model_copy(
                update={"id": f"{document.id}@{document.content_hash[:12]}"})
        self._db.execute(
            "INSERT INTO documents (id, content_hash, source, url, title, published, fetched, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (document.id, document.content_hash, document.source, document.url, document.title,
             _iso(document.published), _iso(document.fetched), document.text),
        )
        return document

    def _document(self, row: sqlite3.Row) -> Document:
        return Document(id=row["id"], source=row["source"], url=row["url"], title=row["title"],
                        text=row["text"], published=datetime.fromisoformat(row["published"]),
                        fetched=datetime.fromisoformat(row["fetched"]),
                        content_hash=row["content_hash"])

    def unextracted(self) -> Iterator[Document]:
        """Yield stored documents whose events have not been extracted yet, oldest first."""
        ids = [r["id"] for r in self._rows(
            "SELECT id FROM documents WHERE extracted_at IS NULL ORDER BY published, id")]
        for doc_id in ids:
            yield from (self._document(r) for r in self._rows(
                "SELECT * FROM documents WHERE id = ?", doc_id))

    def documents(self, ids: Iterable[str]) -> dict[str, Document]:
        found: dict[str, Document] = {}
        for doc_id in set(ids):
            for row in self._rows("SELECT * FROM documents WHERE id = ?", doc_id):
                found[doc_id] = self._document(row)
        return found

    # events ------------------------------------------------------------------

    def add_events(self, document: Document, events: Iterable[Event], at: datetime) -> int:
        """Store a document's events and mark it extracted; give how many were new."""
        count = 0
        for event in events:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO events (id, doc_id, type, published, data)"
                " VALUES (?, ?, ?, ?, ?)",
                (event.id, event.doc_id, event.type, _iso(document.published),
                 event.model_dump_json()),
            )
            count += cursor.rowcount
        self._db.execute("UPDATE documents SET extracted_at = ? WHERE id = ?",
                         (_iso(at), document.id))
        return count

    def unmatched_events(self) -> list[Event]:
        rows = self._rows("SELECT data FROM events WHERE matched_at IS NULL ORDER BY published, id")
        return [Event.model_validate_json(r["data"]) for r in rows]

    def mark_matched(self, event_ids: Iterable[str], at: datetime) -> None:
        self._db.executemany("UPDATE events SET matched_at = ? WHERE id = ?",
                             [(_iso(at), eid) for eid in event_ids])

    def events(self, ids: Iterable[str]) -> dict[str, Event]:
        found: dict[str, Event] = {}
        for event_id in set(ids):
            for row in self._rows("SELECT data FROM events WHERE id = ?", event_id):
                found[event_id] = Event.model_validate_json(row["data"])
        return found

    # matches -----------------------------------------------------------------

    def add_match(self, match: Match, at: datetime) -> bool:
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO matches (id, rule_id, group_key, first_seen, severity,"
            " event_ids, explanation, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (match.id, match.rule_id, match.group_key, _iso(match.first_seen), match.severity,
             json.dumps(list(match.event_ids)), match.explanation, _iso(at)),
        )
        return cursor.rowcount > 0

    @staticmethod
    def _match(row: sqlite3.Row) -> Match:
        return Match(id=row["id"], rule_id=row["rule_id"], group_key=row["group_key"],
                     first_seen=datetime.fromisoformat(row["first_seen"]),
                     severity=row["severity"], event_ids=tuple(json.loads(row["event_ids"])),
                     explanation=row["explanation"])

    def matches(self) -> list[Match]:
        """Give every match, oldest first."""
        return [self._match(r) for r in self._rows("SELECT * FROM matches ORDER BY first_seen, id")]

    def undigested_matches(self, subscription: str) -> list[Match]:
        """Give matches not yet placed in any digest of `subscription`, oldest first."""
        rows = self._rows(
            "SELECT * FROM matches WHERE id NOT IN"
            " (SELECT match_id FROM digest_matches WHERE subscription = ?)"
            " ORDER BY first_seen, id", subscription)
        return [self._match(r) for r in rows]

    def digested_matches(self, subscription: str, since: datetime) -> list[Match]:
        """Give matches already placed in a digest of `subscription`, first seen since `since`
        (the history an escalation points back to)."""
        rows = self._rows(
            "SELECT m.* FROM matches m JOIN digest_matches d ON d.match_id = m.id"
            " WHERE d.subscription = ? AND m.first_seen >= ? ORDER BY m.first_seen, m.id",
            subscription, _iso(since))
        return [self._match(r) for r in rows]

    def digest_matches(self, digest_id: str) -> list[Match]:
        rows = self._rows(
            "SELECT m.* FROM matches m JOIN digest_matches d ON d.match_id = m.id"
            " WHERE d.digest_id = ? ORDER BY m.first_seen, m.id", digest_id)
        return [self._match(r) for r in rows]

    # digests and deliveries (the outbox) -------------------------------------

    def add_digest(self, digest_id: str, subscription: str, period: tuple[datetime | None,
                   datetime], created: datetime, summary: str, bodies: dict[str, str],
                   match_ids: Iterable[str], deliveries: Iterable[Delivery], *,
                   subject: str = "", stories: list[dict[str, Any]] | None = None) -> None:
        """Put a rendered digest and its pending deliveries in the outbox."""
        self._db.execute(
            "INSERT INTO digests (id, subscription, period_start, period_end, created, summary,"
            " bodies, subject, stories) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (digest_id, subscription, _iso(period[0]), _iso(period[1]), _iso(created), summary,
             json.dumps(bodies, ensure_ascii=False), subject,
             json.dumps(stories or [], ensure_ascii=False)),
        )
        self._db.executemany(
            "INSERT INTO digest_matches (digest_id, match_id, subscription) VALUES (?, ?, ?)",
            [(digest_id, mid, subscription) for mid in match_ids])
        self._db.executemany(
            "INSERT INTO deliveries (digest_id, channel, target) VALUES (?, ?, ?)",
            [(d.digest_id, d.channel, d.target) for d in deliveries])

    def last_run(self, subscription: str) -> datetime | None:
        """Give when the subscription's digest was last considered (sent or found empty)."""
        rows = self._rows("SELECT last_run FROM subscription_runs WHERE subscription = ?",
                          subscription)
        return datetime.fromisoformat(rows[0]["last_run"]) if rows else None

    def set_last_run(self, subscription: str, at: datetime) -> None:
        self._db.execute("INSERT OR REPLACE INTO subscription_runs (subscription, last_run)"
                         " VALUES (?, ?)", (subscription, _iso(at)))

    def last_digest(self, subscription: str) -> datetime | None:
        rows = self._rows("SELECT MAX(period_end) AS end FROM digests WHERE subscription = ?",
                          subscription)
        end = rows[0]["end"] if rows else None
        return datetime.fromisoformat(end) if end else None

    def digest(self, digest_id: str) -> dict[str, Any]:
        row = self._rows("SELECT * FROM digests WHERE id = ?", digest_id)[0]
        return {**dict(row), "bodies": json.loads(row["bodies"]),
                "stories": json.loads(row["stories"])}

    def recent_digests(self, subscription: str, limit: int) -> list[dict[str, Any]]:
        """Give the subscription's latest digests, newest first (for its feed)."""
        rows = self._rows("SELECT id FROM digests WHERE subscription = ? "
                          "ORDER BY created DESC, id LIMIT ?", subscription, limit)
        return [self.digest(r["id"]) for r in rows]

    def pending_deliveries(self, now: datetime) -> list[Delivery]:
        rows = self._rows(
            "SELECT * FROM deliveries WHERE status = 'pending'"
            " AND (next_attempt IS NULL OR next_attempt <= ?) ORDER BY rowid", _iso(now))
        return [self._delivery(r) for r in rows]

    @staticmethod
    def _delivery(row: sqlite3.Row) -> Delivery:
        sent = row["sent_at"]
        return Delivery(digest_id=row["digest_id"], channel=row["channel"], target=row["target"],
                        status=row["status"], attempts=row["attempts"],
                        last_error=row["last_error"],
                        sent_at=datetime.fromisoformat(sent) if sent else None)

    def deliveries(self) -> list[Delivery]:
        return [self._delivery(r) for r in self._rows("SELECT * FROM deliveries ORDER BY rowid")]

    def delivery_rows(self, *statuses: str) -> list[dict[str, Any]]:
        """Give deliveries with these statuses and their digest's subscription, for status."""
        marks = ", ".join("?" for _ in statuses)
        rows = self._rows(
            "SELECT d.*, g.subscription FROM deliveries d JOIN digests g ON g.id = d.digest_id"
            f" WHERE d.status IN ({marks}) ORDER BY d.rowid", *statuses)
        return [dict(r) for r in rows]

    def has_delivery_target(self, target: str) -> bool:
        return bool(self._rows("SELECT 1 FROM deliveries WHERE target = ? LIMIT 1", target))

    def cancel_delivery(self, delivery: Delivery, reason: str) -> None:
        self._db.execute("UPDATE deliveries SET status = 'cancelled', last_error = ? "
                         "WHERE digest_id = ? AND target = ?",
                         (reason, delivery.digest_id, delivery.target))

    # leases: one alerter at a time sends from a store ---------------------------

    def acquire_lease(self, name: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take or renew the lease for `holder` until now + ttl; give False while another
        holder's lease has not expired."""
        with self.transaction():
            rows = self._rows("SELECT holder, expires FROM leases WHERE name = ?", name)
            if rows and rows[0]["holder"] != holder and rows[0]["expires"] > _utc(now):
                return False
            self._db.execute("INSERT OR REPLACE INTO leases (name, holder, expires) "
                             "VALUES (?, ?, ?)", (name, holder, _utc(now + ttl)))
        return True

    def release_lease(self, name: str, holder: str) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))

    def lease(self, name: str) -> dict[str, str] | None:
        rows = self._rows("SELECT holder, expires FROM leases WHERE name = ?", name)
        return dict(rows[0]) if rows else None

    # opt-outs ---------------------------------------------------------------------

    def add_opt_out(self, address: str, subscription: str | None, at: datetime) -> None:
        with self.transaction():
            self._db.execute("INSERT OR IGNORE INTO opt_outs (address, subscription, at) "
                             "VALUES (?, ?, ?)", (address.strip().lower(), subscription or ALL,
                                                  _iso(at)))

    def opted_out(self, address: str, subscription: str) -> bool:
        rows = self._rows("SELECT 1 FROM opt_outs WHERE address = ? AND subscription IN (?, ?)",
                          address.strip().lower(), subscription, ALL)
        return bool(rows)

    def opt_outs(self) -> list[dict[str, str]]:
        return [dict(r) for r in self._rows("SELECT * FROM opt_outs ORDER BY address, "
                                            "subscription")]

    def last_cycle(self) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM cycles ORDER BY id DESC LIMIT 1")
        return dict(rows[0]) if rows else None

    def mark_sent(self, delivery: Delivery, at: datetime) -> None:
        self._db.execute(
            "UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?,"
            " last_error = NULL WHERE digest_id = ? AND target = ?",
            (_iso(at), delivery.digest_id, delivery.target))

    def mark_attempt_failed(self, delivery: Delivery, error: str, *, permanent: bool,
                            retry_at: datetime | None) -> None:
        self._db.execute(
            "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?,"
            " next_attempt = ? WHERE digest_id = ? AND target = ?",
            ("failed" if permanent else "pending", error, _iso(retry_at), delivery.digest_id,
             delivery.target))

    # rule memory (the RuleMemory protocol) ----------------------------------

    def last_seen(self, rule_id: str, key: str) -> datetime | None:
        rows = self._rows("SELECT at FROM rule_memory WHERE rule_id = ? AND key = ?", rule_id, key)
        return datetime.fromisoformat(rows[0]["at"]) if rows else None

    def remember(self, rule_id: str, key: str, at: datetime) -> None:
        self._db.execute("INSERT OR REPLACE INTO rule_memory (rule_id, key, at) VALUES (?, ?, ?)",
                         (rule_id, key, _iso(at)))

    def add_sighting(self, rule_id: str, key: str, event_id: str, at: datetime) -> None:
        # The same event counted again (a cycle redone after a crash) is one sighting.
        self._db.execute("INSERT OR IGNORE INTO rule_sightings (rule_id, key, event_id, at) "
                         "VALUES (?, ?, ?, ?)", (rule_id, key, event_id, _utc(at)))

    def sightings(self, rule_id: str, key: str, since: datetime, until: datetime
                  ) -> list[tuple[str, datetime]]:
        rows = self._rows("SELECT event_id, at FROM rule_sightings WHERE rule_id = ? AND key = ? "
                          "AND at > ? AND at <= ? ORDER BY at, event_id", rule_id, key,
                          _utc(since), _utc(until))
        return [(r["event_id"], datetime.fromisoformat(r["at"])) for r in rows]

    def forget_sightings(self, rule_id: str, before: datetime) -> None:
        self._db.execute("DELETE FROM rule_sightings WHERE rule_id = ? AND at <= ?",
                         (rule_id, _utc(before)))

    # cycles ------------------------------------------------------------------

    def start_cycle(self, at: datetime) -> int:
        cursor = self._db.execute("INSERT INTO cycles (started) VALUES (?)", (_iso(at),))
        return int(cursor.lastrowid or 0)

    def finish_cycle(self, cycle_id: int, at: datetime, counts: dict[str, int]) -> None:
        self._db.execute(
            "UPDATE cycles SET finished = ?, documents = ?, events = ?, matches = ?,"
            " digests = ?, problems = ? WHERE id = ?",
            (_iso(at), counts.get("documents", 0), counts.get("events", 0),
             counts.get("matches", 0), counts.get("digests", 0), counts.get("problems", 0),
             cycle_id))

    def counts(self) -> dict[str, int]:
        """Give the number of rows in each table, for status and tests."""
        tables = ("documents", "events", "matches", "digests", "deliveries", "cycles")
        return {t: int(self._rows(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in tables}

"""Documents, their events and the rules' matches."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime

from alerter.models import Document, Event, Match
from alerter.store.base import StoreBase, _iso


class Documents(StoreBase):
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
        """Yield stored documents whose events have not been extracted yet, oldest first,
        one at a time: only their ids are held, so memory stays flat in their number."""
        ids = [r["id"] for r in self._rows(
            "SELECT id FROM documents WHERE extracted_at IS NULL ORDER BY published, id")]
        for doc_id in ids:
            yield from (self._document(r) for r in self._rows(
                "SELECT * FROM documents WHERE id = ? AND extracted_at IS NULL", doc_id))

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

    def unmatched_event_ids(self) -> list[str]:
        """Give the ids of events not matched yet, in publication order (then id)."""
        rows = self._rows("SELECT id, published FROM events WHERE matched_at IS NULL "
                          "ORDER BY published, id")
        # stored with the document's own offset: order by the instant, not the text
        ordered = sorted(rows, key=lambda r: datetime.fromisoformat(r["published"]).timestamp())
        return [r["id"] for r in ordered]

    def mark_matched(self, event_ids: Iterable[str], at: datetime) -> None:
        """Mark events matched by the whole rule set: they are done."""
        ids = list(event_ids)
        self._db.executemany("UPDATE events SET matched_at = ? WHERE id = ?",
                             [(_iso(at), eid) for eid in ids])
        self._db.executemany("DELETE FROM event_rules WHERE event_id = ?",
                             [(eid,) for eid in ids])

    def mark_applied(self, event_ids: Iterable[str], rule_ids: Iterable[str]) -> None:
        """Record that these rules have seen these events, which still wait for others."""
        rules = list(rule_ids)
        self._db.executemany("INSERT OR IGNORE INTO event_rules (event_id, rule_id) "
                             "VALUES (?, ?)", [(e, r) for e in event_ids for r in rules])

    def applied_rules(self, event_ids: Iterable[str]) -> dict[str, set[str]]:
        """Give, for each waiting event, the rules that have already seen it."""
        found: dict[str, set[str]] = {}
        for event_id in set(event_ids):
            for row in self._rows("SELECT rule_id FROM event_rules WHERE event_id = ?",
                                  event_id):
                found.setdefault(event_id, set()).add(row["rule_id"])
        return found

    def events(self, ids: Iterable[str]) -> dict[str, Event]:
        found: dict[str, Event] = {}
        for event_id in set(ids):
            for row in self._rows("SELECT data FROM events WHERE id = ?", event_id):
                found[event_id] = Event.model_validate_json(row["data"])
        return found

    # matches -----------------------------------------------------------------

    def add_match(self, match: Match, at: datetime, *, quiet: bool = False) -> bool:
        """Store a new match; a `quiet` one (old news from a backfill) goes in no digest."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO matches (id, rule_id, group_key, first_seen, severity,"
            " event_ids, explanation, created, quiet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (match.id, match.rule_id, match.group_key, _iso(match.first_seen), match.severity,
             json.dumps(list(match.event_ids)), match.explanation, _iso(at), int(quiet)),
        )
        return cursor.rowcount > 0

    @staticmethod
    def _match(row: sqlite3.Row) -> Match:
        return Match(id=row["id"], rule_id=row["rule_id"], group_key=row["group_key"],
                     first_seen=datetime.fromisoformat(row["first_seen"]),
                     severity=row["severity"], event_ids=tuple(json.loads(row["event_ids"])),
                     explanation=row["explanation"])

    def latest_match(self, rule_id: str, key: str) -> Match | None:
        """Give the rule's latest match for this group key, if any."""
        rows = self._rows("SELECT * FROM matches WHERE rule_id = ? AND group_key = ? "
                          "ORDER BY first_seen DESC, id DESC LIMIT 1", rule_id, key)
        return self._match(rows[0]) if rows else None

    def add_source(self, match_id: str, event_id: str) -> None:
        """Add an event to a match's events: a retelling, one more source of its story."""
        for row in self._rows("SELECT event_ids FROM matches WHERE id = ?", match_id):
            ids = json.loads(row["event_ids"])
            if event_id not in ids:
                self._db.execute("UPDATE matches SET event_ids = ? WHERE id = ?",
                                 (json.dumps([*ids, event_id]), match_id))

    def matches(self) -> list[Match]:
        """Give every match, oldest first."""
        return [self._match(r) for r in self._rows("SELECT * FROM matches ORDER BY first_seen, id")]

    def undigested_matches(self, subscription: str) -> list[Match]:
        """Give matches not yet placed in any digest of `subscription`, oldest first."""
        rows = self._rows(
            "SELECT * FROM matches WHERE quiet = 0 AND id NOT IN"
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

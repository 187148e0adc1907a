"""The outbox: rendered digests, their deliveries, and the feeds and indexes still to
publish. A digest, its deliveries and its publication are written in one transaction,
so each is either all there or not started."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from alerter.models import Delivery
from alerter.store.base import StoreBase, _iso


class Outbox(StoreBase):
    def add_digest(self, digest_id: str, subscription: str, period: tuple[datetime | None,
                   datetime], created: datetime, summary: str, bodies: dict[str, str],
                   match_ids: Iterable[str], deliveries: Iterable[Delivery], *,
                   subject: str = "", stories: list[dict[str, Any]] | None = None) -> None:
        """Put a rendered digest, its pending deliveries and the rewrite of the
        subscription's feed and index in the outbox."""
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
        self.publish_due(subscription, created)

    def publish_due(self, subscription: str, at: datetime) -> None:
        """Record that the subscription's feed and index must be written (again)."""
        self._db.execute("INSERT OR IGNORE INTO publications (subscription, since) "
                         "VALUES (?, ?)", (subscription, _iso(at)))

    def due_publications(self) -> list[str]:
        """Give the subscriptions whose feed and index are not written yet."""
        return [r["subscription"] for r in self._rows(
            "SELECT subscription FROM publications ORDER BY since, subscription")]

    def mark_published(self, subscription: str) -> None:
        self._db.execute("DELETE FROM publications WHERE subscription = ?", (subscription,))

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

    def pending_deliveries(self, now: datetime | None) -> list[Delivery]:
        """Give the pending deliveries due at `now`, or every pending one for None."""
        rows = self._rows(
            "SELECT * FROM deliveries WHERE status = 'pending'"
            " AND (? IS NULL OR next_attempt IS NULL OR next_attempt <= ?) ORDER BY rowid",
            _iso(now), _iso(now))
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

    def mark_sent(self, delivery: Delivery, at: datetime) -> None:
        self._db.execute(
            "UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?,"
            " last_error = NULL WHERE digest_id = ? AND target = ?",
            (_iso(at), delivery.digest_id, delivery.target))
        if delivery.channel == "file":  # a new day's file: the index must list it
            self._db.execute(
                "INSERT OR IGNORE INTO publications (subscription, since) SELECT subscription,"
                " ? FROM digests WHERE id = ?", (_iso(at), delivery.digest_id))

    def mark_attempt_failed(self, delivery: Delivery, error: str, *, permanent: bool,
                            retry_at: datetime | None) -> None:
        self._db.execute(
            "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?,"
            " next_attempt = ? WHERE digest_id = ? AND target = ?",
            ("failed" if permanent else "pending", error, _iso(retry_at), delivery.digest_id,
             delivery.target))

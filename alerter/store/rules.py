"""The memory of stateful rules (`new`, `throttle`, `threshold`, `spike`): the
RuleMemory protocol of the rule engine, kept in the store so a restart changes nothing."""

from __future__ import annotations

from datetime import datetime

from alerter.store.base import StoreBase, _iso, _utc


class RuleState(StoreBase):
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

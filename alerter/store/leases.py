"""Who runs: the lease (one alerter sends from a store at a time), the cycles run,
and the addresses that asked for no more mail."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from alerter.store.base import StoreBase, _iso, _utc

ALL = "*"  # an opt-out from every subscription


class Leases(StoreBase):
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


    # cycles ------------------------------------------------------------------

    def start_cycle(self, at: datetime) -> int:
        cursor = self._db.execute("INSERT INTO cycles (started) VALUES (?) RETURNING id",
                                  (_iso(at),))
        return int(cursor.fetchone()[0])

    def finish_cycle(self, cycle_id: int, at: datetime, counts: dict[str, int]) -> None:
        self._db.execute(
            "UPDATE cycles SET finished = ?, documents = ?, events = ?, matches = ?,"
            " digests = ?, problems = ? WHERE id = ?",
            (_iso(at), counts.get("documents", 0), counts.get("events", 0),
             counts.get("matches", 0), counts.get("digests", 0), counts.get("problems", 0),
             cycle_id))


"""Self-service subscribers (`alerter serve`): the sign-ups asked for on the web, and the
addresses that confirmed one. Unsubscribing stays an opt-out (leases.py), the one record
of who wants no more mail; confirming a new sign-up lifts that subscription's opt-out."""

from __future__ import annotations

from datetime import datetime, timedelta

from alerter.store.base import StoreBase, _utc

KEEP_SIGNUPS = timedelta(days=30)  # older sign-ups are dropped (throttles look back less)


class Subscribers(StoreBase):
    def add_signup(self, signup_id: str, address: str, subscription: str, client: str,
                   at: datetime) -> None:
        """Record a sign-up asked for (pending until confirmed), dropping old records."""
        with self.transaction():
            self._db.execute("DELETE FROM signups WHERE requested < ?", (_utc(at - KEEP_SIGNUPS),))
            self._db.execute("INSERT INTO signups (id, address, subscription, client, requested)"
                             " VALUES (?, ?, ?, ?, ?)",
                             (signup_id, _address(address), subscription, client, _utc(at)))

    def signups_since(self, *, since: datetime, address: str | None = None,
                      client: str | None = None) -> int:
        """Give how many sign-ups were asked for since `since` for an address or a client."""
        if address is not None:
            rows = self._rows("SELECT COUNT(*) FROM signups WHERE address = ? AND requested >= ?",
                              _address(address), _utc(since))
        else:
            rows = self._rows("SELECT COUNT(*) FROM signups WHERE client = ? AND requested >= ?",
                              client, _utc(since))
        return int(rows[0][0])

    def confirm_signup(self, signup_id: str, address: str, subscription: str,
                       at: datetime) -> bool:
        """Make a pending sign-up a subscriber and lift that subscription's opt-out; give
        False when there is no such pending sign-up (unknown, or confirmed before)."""
        with self.transaction():
            cursor = self._db.execute(
                "UPDATE signups SET confirmed_at = ? WHERE id = ? AND address = ? AND "
                "subscription = ? AND confirmed_at IS NULL",
                (_utc(at), signup_id, _address(address), subscription))
            if cursor.rowcount != 1:
                return False
            self._db.execute("INSERT OR REPLACE INTO subscribers (address, subscription, "
                             "confirmed_at) VALUES (?, ?, ?)",
                             (_address(address), subscription, _utc(at)))
            self._db.execute("DELETE FROM opt_outs WHERE address = ? AND subscription = ?",
                             (_address(address), subscription))
        return True

    def subscribers(self, subscription: str) -> list[str]:
        """Give the confirmed addresses of a subscription (opted-out ones included)."""
        return [r["address"] for r in self._rows(
            "SELECT address FROM subscribers WHERE subscription = ? ORDER BY confirmed_at, "
            "address", subscription)]

    def all_subscribers(self) -> list[dict[str, str]]:
        return [dict(r) for r in self._rows("SELECT * FROM subscribers ORDER BY subscription, "
                                            "confirmed_at, address")]


def _address(address: str) -> str:
    return address.strip().lower()

"""Where stateful rules keep what they have seen: `RuleMemory` is what the engine needs
(the store provides it in production); `DictMemory` keeps it in a dict for tests,
`rules test` and backtests."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Protocol


class RuleMemory(Protocol):
    def last_seen(self, rule_id: str, key: str) -> datetime | None:
        """Give when `key` last fired or was first seen for the rule, if ever."""
        ...

    def remember(self, rule_id: str, key: str, at: datetime) -> None:
        ...

    def add_sighting(self, rule_id: str, key: str, event_id: str, at: datetime) -> None:
        """Count a matching event for a threshold or spike rule (once per event)."""
        ...

    def sightings(self, rule_id: str, key: str, since: datetime, until: datetime
                  ) -> list[tuple[str, datetime]]:
        """Give (event id, time) of the sightings with since < time <= until, oldest first."""
        ...

    def forget_sightings(self, rule_id: str, before: datetime) -> None:
        ...


class DictMemory:
    """Rule memory that lives only as long as the process (for dry runs and tests)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], datetime] = {}
        self._sightings: dict[tuple[str, str], dict[str, datetime]] = defaultdict(dict)

    def last_seen(self, rule_id: str, key: str) -> datetime | None:
        return self._seen.get((rule_id, key))

    def remember(self, rule_id: str, key: str, at: datetime) -> None:
        self._seen[(rule_id, key)] = at

    def add_sighting(self, rule_id: str, key: str, event_id: str, at: datetime) -> None:
        self._sightings[(rule_id, key)].setdefault(event_id, at)

    def sightings(self, rule_id: str, key: str, since: datetime, until: datetime
                  ) -> list[tuple[str, datetime]]:
        found = [(e, at) for e, at in self._sightings.get((rule_id, key), {}).items()
                 if since < at <= until]
        return sorted(found, key=lambda pair: (pair[1], pair[0]))

    def forget_sightings(self, rule_id: str, before: datetime) -> None:
        for (rule, _), seen in self._sightings.items():
            if rule == rule_id:
                for event_id in [e for e, at in seen.items() if at <= before]:
                    del seen[event_id]

"""The clock every stage asks for "now", so that runs can be fixed and compared.

Set ALERTER_NOW (ISO 8601, e.g. 2023-02-27T08:00:00Z) to fix it for a whole
run; tests pass a `FixedClock` directly.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Give the current time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until moved; for tests and reproducible runs."""

    def __init__(self, at: datetime) -> None:
        self._at = at

    def now(self) -> datetime:
        return self._at

    def advance(self, delta: timedelta) -> None:
        self._at += delta

    def set(self, at: datetime) -> None:
        self._at = at


def parse_time(text: str) -> datetime:
    """Give an aware datetime from ISO 8601 text; a naive one is taken as UTC."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def default_clock() -> Clock:
    """Give the system clock, or a fixed one when ALERTER_NOW is set."""
    fixed = os.environ.get("ALERTER_NOW")
    return FixedClock(parse_time(fixed)) if fixed else SystemClock()

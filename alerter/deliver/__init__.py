"""Delivery channels: one small interface, `send(message)`, with real
implementations (file; email) and whatever a user adds the same way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class Outgoing:
    """A rendered digest on its way to one target."""

    digest_id: str
    subscription: str
    target: str
    period_end: datetime
    bodies: dict[str, str]
    subject: str


class Channel(Protocol):
    def send(self, message: Outgoing) -> None:
        """Deliver the message, or raise DeliveryError (permanent or not)."""
        ...

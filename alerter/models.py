"""The values that flow between stages (DESIGN.md, "Data types").

They are frozen pydantic models: stages hand them on and never change them,
and they serialise to the JSON that `alerter extract --format jsonl` prints.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "INVESTIGATE",
)
MODALITIES: tuple[str, ...] = ("asserted", "planned", "discussed", "negated", "hypothetical")

Modality = Literal["asserted", "planned", "discussed", "negated", "hypothetical"]
Severity = Literal["info", "low", "medium", "high", "critical"]
DeliveryStatus = Literal["pending", "sent", "failed", "cancelled"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def stable_id(*parts: object, length: int = 16) -> str:
    """Give a short hex id that depends only on `parts`."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


class Document(Frozen):
    id: str
    source: str
    url: str | None = None
    title: str | None = None
    text: str
    published: datetime
    fetched: datetime
    content_hash: str


class Span(Frozen):
    """Text and its character offsets [start, end) in the document."""

    text: str
    start: int
    end: int


class Participant(Frozen):
    text: str
    kind: Literal["country", "organisation", "person", "group", "other"] = "other"
    code: str | None = None


class Item(Frozen):
    text: str
    quantity: float | None = None


class Event(Frozen):
    id: str
    doc_id: str
    type: str
    subtype: str | None = None
    trigger: Span
    actor: tuple[Participant, ...] = ()
    target: tuple[Participant, ...] = ()
    items: tuple[Item, ...] = ()
    date: str | None = None
    location: str | None = None
    modality: Modality = "asserted"
    hedged: bool = False
    attribution: str | None = None
    sentence: Span
    confidence: float = 0.5


class Match(Frozen):
    id: str
    rule_id: str
    event_ids: tuple[str, ...]
    group_key: str
    first_seen: datetime
    severity: Severity
    explanation: str


class Delivery(Frozen):
    digest_id: str
    channel: str
    target: str
    status: DeliveryStatus = "pending"
    attempts: int = 0
    last_error: str | None = None
    sent_at: datetime | None = None

"""The hand-annotated gold sets: their sentences and events, read and checked.

Our own gold file (tests/data/events_gold.jsonl, format in
tests/data/events_gold.README.md) keeps the text inline; `load_gold` reads it and
raises SourceError "file:line: ..." at the first bad line. A real-text set keeps
pointers instead and is turned into the same GoldSentences by `alerter.goldreal`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from alerter.errors import SourceError
from alerter.models import EVENT_TYPES, MODALITIES

SPLITS: tuple[str, ...] = ("dev", "test")
# Splits a scorer can select: our own-written gold file has only SPLITS; a real-text set
# (alerter.corpus.SPLITS) also has `val`, a held-out second sample.
SELECTABLE_SPLITS: tuple[str, ...] = ("dev", "val", "test")
SUBTYPES: dict[str, tuple[str, ...]] = {
    "AID": ("military", "humanitarian", "economic", "other"),
    "SANCTION": ("economic", "export_control", "embargo", "asset_freeze", "diplomatic",
                 "aid_cut"),
}
LINE_KEYS = frozenset({"id", "split", "published", "text", "events", "tags"})
EVENT_KEYS = frozenset({"type", "subtype", "actor", "target", "modality", "hedged", "date"})


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event; `actor` and `target` are sets of codes."""

    type: str
    subtype: str | None
    actor: frozenset[str]
    target: frozenset[str]
    modality: str
    hedged: bool
    date: str | None
    dated: bool = True  # False when the annotation gives no date at all: not scored


@dataclass(frozen=True)
class GoldSentence:
    """One annotated sentence: its text, publication date and events.

    `unsure` marks a sentence careful readers could label differently; reports are
    given with and without such sentences.
    """

    id: str
    split: str
    published: date
    text: str
    events: tuple[GoldEvent, ...]
    tags: tuple[str, ...] = ()
    unsure: bool = False
    source: str | None = None  # the source and title of its document, where known
    title: str | None = None


class _BadLine(ValueError):
    """A gold line is invalid; the message says why, without the location."""


def load_gold(path: str | Path) -> list[GoldSentence]:
    """Return the sentences of a gold JSONL file, raising SourceError "file:line: ..." if bad."""
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{file}: cannot read the gold file: {exc}") from None
    sentences: list[GoldSentence] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            sentence = parse_gold_line(line)
            _check_unique(sentence.id, first_line)
        except _BadLine as exc:
            raise SourceError(f"{file}:{number}: {exc}") from None
        first_line[sentence.id] = number
        sentences.append(sentence)
    return sentences


def _check_unique(sentence_id: str, first_line: Mapping[str, int]) -> None:
    """Return nothing; raise _BadLine when the id was already used on an earlier line."""
    if sentence_id in first_line:
        raise _BadLine(f"id: duplicate id '{sentence_id}' (first on line "
                       f"{first_line[sentence_id]})")


def parse_gold_line(line: str) -> GoldSentence:
    """Return the GoldSentence for one JSON line, raising ValueError with the reason if bad."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadLine(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    obj = _object(data, "line", LINE_KEYS)
    return GoldSentence(
        id=_text(obj, "id"),
        split=_choice(obj, "split", SPLITS),
        published=_iso_date(obj.get("published"), "published"),
        text=_text(obj, "text"),
        events=tuple(_gold_event(item, f"events[{i}]")
                     for i, item in enumerate(_list(obj, "events"))),
        tags=tuple(_strings(obj.get("tags"), "tags")),
    )


def _gold_event(data: object, where: str) -> GoldEvent:
    """Return the GoldEvent for one entry of `events`, raising _BadLine if it is invalid."""
    obj = _object(data, where, EVENT_KEYS)
    event_type = _choice(obj, "type", EVENT_TYPES, where)
    return GoldEvent(
        type=event_type,
        subtype=_subtype(obj.get("subtype"), event_type, where),
        actor=frozenset(_strings(obj.get("actor"), f"{where}.actor")),
        target=frozenset(_strings(obj.get("target"), f"{where}.target")),
        modality=_choice(obj, "modality", MODALITIES, where),
        hedged=_flag(obj.get("hedged"), f"{where}.hedged"),
        date=None if obj.get("date") is None
        else _iso_date(obj.get("date"), f"{where}.date").isoformat(),
    )


def _object(data: object, where: str, keys: frozenset[str]) -> dict[str, Any]:
    """Return `data` as a dict with exactly `keys`, raising _BadLine otherwise."""
    if not isinstance(data, dict):
        raise _BadLine(f"{where}: expected a JSON object, got {type(data).__name__}")
    missing = sorted(keys - data.keys())
    unknown = sorted(data.keys() - keys)
    if missing:
        raise _BadLine(f"{where}: missing key(s) {', '.join(missing)}")
    if unknown:
        raise _BadLine(f"{where}: unknown key(s) {', '.join(unknown)}; "
                       f"expected {', '.join(sorted(keys))}")
    return data


def _text(obj: Mapping[str, Any], key: str) -> str:
    """Return obj[key] when it is a non-blank string, raising _BadLine otherwise."""
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _BadLine(f"{key}: expected a non-empty string, got {value!r}")
    return value


def _choice(obj: Mapping[str, Any], key: str, allowed: Sequence[str], where: str = "") -> str:
    """Return obj[key] when it is one of `allowed`, raising _BadLine otherwise."""
    value = obj.get(key)
    if value not in allowed:
        name = f"{where}.{key}" if where else key
        raise _BadLine(f"{name}: expected one of {', '.join(allowed)}, got {value!r}")
    return str(value)


def _subtype(value: object, event_type: str, where: str) -> str | None:
    """Return the subtype when it fits the event type (null for types without subtypes)."""
    allowed = SUBTYPES.get(event_type, ())
    if value is None or value in allowed:
        return None if value is None else str(value)
    expected = f"null or one of {', '.join(allowed)}" if allowed else "null"
    raise _BadLine(f"{where}.subtype: expected {expected} for {event_type}, got {value!r}")


def _iso_date(value: object, where: str) -> date:
    """Return the date of an ISO 'YYYY-MM-DD' string, raising _BadLine otherwise."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _BadLine(f"{where}: expected an ISO date YYYY-MM-DD, got {value!r}")


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    """Return obj[key] when it is a JSON list, raising _BadLine otherwise."""
    value = obj.get(key)
    if not isinstance(value, list):
        raise _BadLine(f"{key}: expected a list, got {value!r}")
    return value


def _strings(value: object, where: str) -> list[str]:
    """Return `value` when it is a list of non-empty strings, raising _BadLine otherwise."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _BadLine(f"{where}: expected a list of non-empty strings, got {value!r}")
    return list(value)


def _flag(value: object, where: str) -> bool:
    """Return `value` when it is a JSON boolean, raising _BadLine otherwise."""
    if not isinstance(value, bool):
        raise _BadLine(f"{where}: expected true or false, got {value!r}")
    return value


def select_split(gold: Iterable[GoldSentence], split: str | None) -> list[GoldSentence]:
    """Return the gold sentences of `split` ("dev", "val" or "test"); all of them for None
    or "all"."""
    if split is None or split == "all":
        return list(gold)
    if split not in SELECTABLE_SPLITS:
        raise ValueError(f"unknown split {split!r}; expected dev, val, test or all")
    return [s for s in gold if s.split == split]


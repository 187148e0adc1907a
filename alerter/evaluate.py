"""Score the extractor against the hand-annotated gold set (tests/data/events_gold.jsonl).

The gold format and its conventions are in tests/data/events_gold.README.md. Each gold
line is one sentence with zero or more events. Within a sentence, predicted events are
aligned to gold events of the same type, greedily: a pair with the same subtype comes
first, then the pair whose actor and target codes overlap best, then the pair with the
same modality; each gold and each predicted event is used at most once. An aligned pair
is a true positive of its type, a predicted event left over is a false positive, and a
gold event left over is a false negative. The attributes (modality, subtype, codes,
hedging, date) are then scored as accuracies over the aligned pairs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, Protocol

from alerter.errors import SourceError
from alerter.models import EVENT_TYPES, MODALITIES, Document, Event, Participant
from alerter.sources.documents import RawDocument, to_document

SPLITS: tuple[str, ...] = ("dev", "test")
SUBTYPES: dict[str, tuple[str, ...]] = {
    "AID": ("military", "humanitarian", "economic", "other"),
    "SANCTION": ("economic", "export_control", "embargo", "asset_freeze", "diplomatic",
                 "aid_cut"),
}
LINE_KEYS = frozenset({"id", "split", "published", "text", "events", "tags"})
EVENT_KEYS = frozenset({"type", "subtype", "actor", "target", "modality", "hedged", "date"})
ATTRIBUTES: tuple[str, ...] = ("modality", "subtype", "actor_code", "target_code", "hedged",
                               "date")


# --------------------------------------------------------------------------- gold set


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


def _gold_event(data: object, where: str, optional: frozenset[str] = frozenset()
                ) -> GoldEvent:
    """Return the GoldEvent for one entry of `events`, raising _BadLine if it is invalid.

    Keys in `optional` may be left out; an event without a `date` key has no date to score.
    """
    if isinstance(data, dict):
        data = {**{k: None for k in optional}, **data}
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
        dated="date" not in optional or obj.get("date") is not None,
    )


def parse_label_event(data: object, where: str) -> GoldEvent:
    """Return the GoldEvent of one event in a real-text labels line (no `date` needed)."""
    return _gold_event(data, where, frozenset({"date", "subtype"}))


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


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class Alignment:
    """The outcome of aligning one sentence: matched pairs, missed gold, spurious predictions."""

    pairs: tuple[tuple[GoldEvent, Event], ...]
    missed: tuple[GoldEvent, ...]
    spurious: tuple[Event, ...]


def codes(participants: Iterable[Participant]) -> frozenset[str]:
    """Return the set of non-null codes of the participants."""
    return frozenset(p.code for p in participants if p.code is not None)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Return |a ∩ b| / |a ∪ b|, and 1.0 for two empty sets."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def _affinity(gold: GoldEvent, predicted: Event) -> tuple[float, float, float]:
    """Return how well a same-type pair fits: (same subtype, code overlap, same modality)."""
    overlap = _jaccard(gold.actor, codes(predicted.actor)) + \
        _jaccard(gold.target, codes(predicted.target))
    return (float(gold.subtype == predicted.subtype), overlap,
            float(gold.modality == predicted.modality))


def align(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> Alignment:
    """Return the greedy same-type alignment of one sentence's predicted and gold events."""
    candidates = sorted(
        ((_affinity(g, p), gi, pi) for gi, g in enumerate(gold)
         for pi, p in enumerate(predicted) if g.type == p.type),
        key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]),
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[GoldEvent, Event]] = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return Alignment(
        pairs=tuple(pairs),
        missed=tuple(g for gi, g in enumerate(gold) if gi not in used_gold),
        spurious=tuple(p for pi, p in enumerate(predicted) if pi not in used_predicted),
    )


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def support(self) -> int:
        """Return the number of gold events (tp + fn)."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp), or 0.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn), or 0.0 when there is no gold event."""
        return self.tp / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Return the counts and scores as a JSON-ready dict."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "support": self.support, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Accuracy:
    """How many of `total` judged cases were right."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        """Return correct / total, or None when nothing was judged."""
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, float | int | None]:
        """Return the accuracy as a JSON-ready dict."""
        return {"value": self.value, "correct": self.correct, "total": self.total}


@dataclass(frozen=True)
class Report:
    """The scores of one run: per-type counts, attribute accuracies and totals."""

    per_type: dict[str, Counts]
    attributes: dict[str, Accuracy]
    sentences: int
    negatives: Accuracy = field(default_factory=Accuracy)
    split: str | None = None

    @property
    def micro(self) -> Counts:
        """Return the counts summed over all types."""
        return sum(self.per_type.values(), Counts())

    @property
    def gold_types(self) -> list[str]:
        """Return the types that have at least one gold event."""
        return [t for t, c in self.per_type.items() if c.support]

    @property
    def macro_f1(self) -> float:
        """Return the mean F1 over the types present in the gold set (0.0 if none)."""
        scores = [self.per_type[t].f1 for t in self.gold_types]
        return sum(scores) / len(scores) if scores else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return the whole report as a JSON-ready dict."""
        return {
            "split": self.split,
            "sentences": self.sentences,
            "per_type": {t: c.as_dict() for t, c in self.per_type.items()},
            "micro": self.micro.as_dict(),
            "macro_f1": self.macro_f1,
            "macro_f1_types": len(self.gold_types),
            "accuracy": {name: a.as_dict() for name, a in self.attributes.items()},
            "negatives_clean": self.negatives.as_dict(),
        }


_Check = Callable[[GoldEvent, Event], bool | None]
_CHECKS: dict[str, _Check] = {
    "modality": lambda g, p: g.modality == p.modality,
    "subtype": lambda g, p: None if g.subtype is None else g.subtype == p.subtype,
    "actor_code": lambda g, p: g.actor == codes(p.actor),
    "target_code": lambda g, p: g.target == codes(p.target),
    "hedged": lambda g, p: g.hedged == p.hedged,
    "date": lambda g, p: g.date == p.date if g.dated else None,
}


def _accuracy(check: _Check, pairs: Iterable[tuple[GoldEvent, Event]]) -> Accuracy:
    """Return the accuracy of one attribute over the pairs it applies to (check not None)."""
    verdicts = [v for v in (check(g, p) for g, p in pairs) if v is not None]
    return Accuracy(correct=sum(verdicts), total=len(verdicts))


def _type_counts(alignments: Iterable[Alignment]) -> dict[str, Counts]:
    """Return the counts per type, in taxonomy order (unknown predicted types last)."""
    counts: dict[str, Counts] = {}
    for a in alignments:
        for g, _ in a.pairs:
            counts[g.type] = counts.get(g.type, Counts()) + Counts(tp=1)
        for g in a.missed:
            counts[g.type] = counts.get(g.type, Counts()) + Counts(fn=1)
        for p in a.spurious:
            counts[p.type] = counts.get(p.type, Counts()) + Counts(fp=1)
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    return dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def _negatives(gold: Iterable[GoldSentence],
               predicted: Mapping[str, Sequence[Event]]) -> Accuracy:
    """Return how many sentences without gold events also got no predicted event."""
    empty = [s for s in gold if not s.events]
    return Accuracy(correct=sum(not predicted.get(s.id) for s in empty), total=len(empty))


def score(gold: list[GoldSentence], predicted: Mapping[str, Sequence[Event]]) -> Report:
    """Return the Report of predicted events (by gold sentence id) against the gold sentences.

    A gold id missing from `predicted` counts as a sentence with no predicted event;
    predicted ids that are not in `gold` are ignored.
    """
    alignments = [align(s.events, predicted.get(s.id, ())) for s in gold]
    pairs = [pair for a in alignments for pair in a.pairs]
    return Report(
        per_type=_type_counts(alignments),
        attributes={name: _accuracy(_CHECKS[name], pairs) for name in ATTRIBUTES},
        sentences=len(gold),
        negatives=_negatives(gold, predicted),
    )


# --------------------------------------------------------------------------- running


class EventExtractor(Protocol):
    """Anything with `alerter.extract.Extractor.extract`'s signature."""

    def extract(self, documents: Iterable[Document]) -> Iterable[tuple[Document, list[Event]]]:
        """Return each document with the events found in it."""
        ...


def select_split(gold: Iterable[GoldSentence], split: str | None) -> list[GoldSentence]:
    """Return the gold sentences of `split` ("dev" or "test"); all of them for None or "all"."""
    if split is None or split == "all":
        return list(gold)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected dev, test or all")
    return [s for s in gold if s.split == split]


def gold_document(sentence: GoldSentence) -> Document:
    """Return the Document for a gold sentence: its id, published at 12:00 UTC that day."""
    published = datetime.combine(sentence.published, time(12, 0), tzinfo=UTC)
    raw = RawDocument(text=sentence.text, origin="gold", id=sentence.id, published=published)
    document = to_document(raw, published, None)
    if document is None:
        raise ValueError(f"gold sentence {sentence.id} has no text")
    return document


def evaluate(extractor: EventExtractor, gold: list[GoldSentence],
             split: str | None = None) -> Report:
    """Return the Report of running `extractor` over the gold sentences of `split` in one stream."""
    chosen = select_split(gold, split)
    predicted = {document.id: events
                 for document, events in extractor.extract(map(gold_document, chosen))}
    return replace(score(chosen, predicted), split=split or "all")


# --------------------------------------------------------------------------- formatting


def _percent(value: float | None) -> str:
    """Return a score as a fixed-width decimal, or '-' when there is none."""
    return "    -" if value is None else f"{value:5.3f}"


def _row(name: str, c: Counts) -> str:
    """Return one fixed-width table row."""
    return (f"{name:<12} {_percent(c.precision)}  {_percent(c.recall)}  {_percent(c.f1)}"
            f"  {c.support:7d}  {c.tp:4d} {c.fp:4d} {c.fn:4d}")


def _accuracy_line(label: str, accuracy: Accuracy, unit: str) -> str:
    """Return one summary line: label, value and the counts it comes from."""
    counts = f"{accuracy.correct}/{accuracy.total} {unit}"
    return f"{label + ':':<28}{_percent(accuracy.value)}  ({counts})"


def _summary(report: Report) -> list[str]:
    """Return the summary lines under the table."""
    micro = report.micro
    lines = [
        f"{'micro P / R / F1:':<28}{micro.precision:.3f} / {micro.recall:.3f} / {micro.f1:.3f}",
        f"{f'macro F1 ({len(report.gold_types)} gold types):':<28}{report.macro_f1:.3f}",
    ]
    for name, accuracy in report.attributes.items():
        label = f"{name.replace('_', ' ')} accuracy"
        lines.append(_accuracy_line(label, accuracy, "matched pairs"))
    lines.append(_accuracy_line("no-event sentences clean", report.negatives, "sentences"))
    return lines


def format_report(report: Report) -> str:
    """Return the report as a readable fixed-width table followed by summary lines."""
    micro = report.micro
    header = (f"split: {report.split or 'all'}  sentences: {report.sentences}  "
              f"gold events: {micro.support}  predicted: {micro.tp + micro.fp}")
    columns = f"{'type':<12} {'P':>5}  {'R':>5}  {'F1':>5}  {'support':>7}  " \
              f"{'TP':>4} {'FP':>4} {'FN':>4}"
    rule = "-" * len(columns)
    rows = [_row(t, c) for t, c in report.per_type.items()]
    return "\n".join([header, "", columns, rule, *rows, rule, _row("micro", micro), "",
                      *_summary(report)])

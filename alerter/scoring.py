"""Scoring predicted events against gold sentences: alignment, counts and accuracies.

Within a sentence, predicted events are aligned to gold events of the same type,
greedily: a pair with the same subtype comes first, then the pair whose actor and
target codes overlap best, then the pair with the same modality; each gold and each
predicted event is used at most once. An aligned pair is a true positive of its type,
a predicted event left over is a false positive, and a gold event left over is a false
negative. The attributes (modality, subtype, codes, hedging, date) are then scored as
accuracies over the aligned pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from alerter.gold import GoldEvent, GoldSentence
from alerter.models import EVENT_TYPES, Event, Participant

ATTRIBUTES: tuple[str, ...] = ("modality", "subtype", "actor_code", "target_code", "hedged",
                               "date")


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


def alignment_counts(a: Alignment) -> dict[str, Counts]:
    """Return one sentence's counts per type: pairs are hits, missed and spurious events
    misses and false alarms."""
    counts: dict[str, Counts] = {}
    for g, _ in a.pairs:
        counts[g.type] = counts.get(g.type, Counts()) + Counts(tp=1)
    for g in a.missed:
        counts[g.type] = counts.get(g.type, Counts()) + Counts(fn=1)
    for p in a.spurious:
        counts[p.type] = counts.get(p.type, Counts()) + Counts(fp=1)
    return counts


def _type_counts(alignments: Iterable[Alignment]) -> dict[str, Counts]:
    """Return the counts per type, in taxonomy order (unknown predicted types last)."""
    counts: dict[str, Counts] = {}
    for a in alignments:
        for kind, c in alignment_counts(a).items():
            counts[kind] = counts.get(kind, Counts()) + c
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

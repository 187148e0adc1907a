"""How far a score could move with another sample of the same size: bootstrap intervals.

An annotated set is a sample of the text it stands for. With a few events of a type,
one sentence moves that type's F1 by a tenth or more, and macro-F1 weighs every type
alike, so a difference between two runs may be noise. `intervals` redraws the scored
sentences with replacement, as many as there are, `resamples` times (seeded, so the
same run gives the same figures), rescores each draw from the sentences' own counts
(the extractor runs once) and gives the central 95% of macro-F1, micro-F1 and each
type's F1 over the draws: the percentile bootstrap. Macro-F1 of a draw is over the
types that have a gold event in that draw, as the report's is; a type's interval is
over the draws that hold one of its gold events. A draw with nothing to score leaves
the score out rather than counting as 0: macro-F1 where it holds no gold event,
micro-F1 where it holds neither a gold nor a predicted event (a draw of clean no-event
sentences). A score no draw can give has no interval (None).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from alerter.gold import GoldSentence
from alerter.models import Event
from alerter.scoring import Counts, Report, align, alignment_counts

LEVEL = 0.95


@dataclass(frozen=True)
class Interval:
    """The central LEVEL share of a score over the draws."""

    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        """Return the bounds as a JSON-ready dict."""
        return {"low": self.low, "high": self.high}


@dataclass(frozen=True)
class Intervals:
    """The intervals of one report: macro-F1, micro-F1 and each type's F1."""

    resamples: int
    seed: int
    macro: Interval | None
    micro: Interval | None
    per_type: dict[str, Interval]

    def as_dict(self) -> dict[str, Any]:
        """Return the intervals as a JSON-ready dict."""
        return {"level": LEVEL, "resamples": self.resamples, "seed": self.seed,
                "macro_f1": self.macro and self.macro.as_dict(),
                "micro_f1": self.micro and self.micro.as_dict(),
                "per_type_f1": {t: i.as_dict() for t, i in self.per_type.items()}}


def sentence_counts(gold: Sequence[GoldSentence], predicted: Mapping[str, Sequence[Event]]
                    ) -> list[dict[str, Counts]]:
    """Return each sentence's counts per type, as the report counts them."""
    return [alignment_counts(align(s.events, predicted.get(s.id, ()))) for s in gold]


def _central(values: list[float]) -> Interval:
    """Return the percentile interval of LEVEL over the values (nearest rank)."""
    ordered = sorted(values)
    tail = (1 - LEVEL) / 2
    last = len(ordered) - 1
    return Interval(ordered[round(tail * last)], ordered[round((1 - tail) * last)])


def intervals(rows: Sequence[Mapping[str, Counts]], resamples: int = 1000, seed: int = 0
              ) -> Intervals | None:
    """Return the bootstrap intervals of the sentences' counts, or None when there is
    nothing to resample (no sentence, or no resample asked for)."""
    if not rows or resamples <= 0:
        return None
    rng = random.Random(seed)
    macros: list[float] = []
    micros: list[float] = []
    per_type: dict[str, list[float]] = {}
    for _ in range(resamples):
        drawn = rng.choices(range(len(rows)), k=len(rows))
        totals: dict[str, Counts] = {}
        for index in drawn:
            for kind, counts in rows[index].items():
                totals[kind] = totals.get(kind, Counts()) + counts
        draw = Report(per_type=totals, attributes={}, sentences=len(drawn))
        for kind in draw.gold_types:
            per_type.setdefault(kind, []).append(totals[kind].f1)
        if draw.gold_types:
            macros.append(draw.macro_f1)  # the report's own macro-F1, over the draw's types
        overall = draw.micro
        if overall.support or overall.fp:
            micros.append(overall.f1)
    return Intervals(resamples, seed, _central(macros) if macros else None,
                     _central(micros) if micros else None,
                     {t: _central(v) for t, v in per_type.items()})

"""How well rules fire on an annotated set: per rule precision and recall, by sentence.

A rule *should fire* on a sentence when its conditions hold for one of the sentence's
gold events, made into an Event; it *fires* when they hold for one of the predicted
events. Only the conditions are tested (`RuleEngine.hits`): thresholds, spikes and
"new" keys need a stream of documents, not single sentences.

A gold event has no trigger words or items of its own. It borrows them from the
predicted event it was aligned with; a gold event that nothing was aligned with
tries each word of the sentence as its trigger, so a rule that wants a transfer verb
("deliver", "ship") can still be owed a hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from alerter.gold import GoldEvent, GoldSentence
from alerter.models import Document, Event, Participant, Span
from alerter.rules.engine import RuleEngine
from alerter.scoring import Counts, align

_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class RuleScore:
    """One rule's sentence-level counts, and the ids of the sentences behind its errors."""

    rule_id: str
    counts: Counts
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()


def gold_as_event(gold: GoldEvent, sentence: GoldSentence, borrowed: Event | None,
                  trigger: str | None = None) -> Event:
    """Return the gold event as an Event over the sentence (trigger and items borrowed)."""
    text = sentence.text
    span = Span(text=text, start=0, end=len(text))
    if borrowed is not None:
        word = borrowed.trigger
        items = borrowed.items
    else:
        word = Span(text=trigger or "", start=0, end=len(trigger or ""))
        items = ()
    return Event(
        id=f"gold-{sentence.id}", doc_id=sentence.id, type=gold.type, subtype=gold.subtype,
        trigger=word, items=items, modality=gold.modality,
        hedged=gold.hedged, sentence=span,
        actor=tuple(Participant(text=c, code=c) for c in sorted(gold.actor)),
        target=tuple(Participant(text=c, code=c) for c in sorted(gold.target)),
    )


def _fired(engine: RuleEngine, events: Iterable[Event], document: Document | None) -> set[str]:
    """Return the ids of the rules whose conditions hold for any of the events."""
    return {hit.rule.rule.id for event in events for hit in engine.hits(event, document)}


def _owed(engine: RuleEngine, sentence: GoldSentence, predicted: Sequence[Event],
          document: Document | None) -> set[str]:
    """Return the ids of the rules the sentence's gold events should make fire."""
    alignment = align(sentence.events, predicted)
    owed = _fired(engine, (gold_as_event(g, sentence, p) for g, p in alignment.pairs),
                  document)
    words = sorted(set(_WORD.findall(sentence.text)))
    for gold in alignment.missed:
        owed |= _fired(engine, (gold_as_event(gold, sentence, None, w) for w in words),
                       document)
    return owed


def score_rules(engine: RuleEngine, gold: Sequence[GoldSentence],
                predicted: Mapping[str, Sequence[Event]],
                documents: Mapping[str, Document] | None = None) -> list[RuleScore]:
    """Return every rule's precision and recall over the sentences, in the engine's order."""
    docs = documents or {}
    tallies: dict[str, tuple[Counts, list[str], list[str]]] = {
        r.rule.id: (Counts(), [], []) for r in engine.rules}
    for sentence in gold:
        events = predicted.get(sentence.id, ())
        document = docs.get(sentence.id)
        owed = _owed(engine, sentence, events, document)
        fired = _fired(engine, events, document)
        for rule_id in owed | fired:
            counts, missed, spurious = tallies[rule_id]
            if rule_id in owed and rule_id in fired:
                counts += Counts(tp=1)
            elif rule_id in owed:
                counts += Counts(fn=1)
                missed.append(sentence.id)
            else:
                counts += Counts(fp=1)
                spurious.append(sentence.id)
            tallies[rule_id] = (counts, missed, spurious)
    return [RuleScore(rule_id, c, tuple(m), tuple(s)) for rule_id, (c, m, s) in tallies.items()]


def format_rule_scores(scores: Sequence[RuleScore]) -> str:
    """Return a fixed-width table of the rules' sentence-level scores."""
    width = max([len(s.rule_id) for s in scores] + [4])
    header = f"{'rule':<{width}}  {'P':>5}  {'R':>5}  {'F1':>5}  {'owed':>4}  " \
             f"{'TP':>4} {'FP':>4} {'FN':>4}"
    rows = [f"{s.rule_id:<{width}}  {_value(s.counts.precision, s.counts.tp + s.counts.fp)}  "
            f"{_value(s.counts.recall, s.counts.support)}  "
            f"{_value(s.counts.f1, s.counts.support + s.counts.fp)}  {s.counts.support:4d}  "
            f"{s.counts.tp:4d} {s.counts.fp:4d} {s.counts.fn:4d}" for s in scores]
    return "\n".join([header, "-" * len(header), *rows])


def _value(value: float, base: int) -> str:
    """Return a score, or '-' when there was nothing to score it on."""
    return f"{value:5.3f}" if base else "    -"

"""The rule engine: events in, matches out.

Rules are indexed by the values they require of the selective fields (type,
subtype, modality, actor and target codes, source), so an event is tested only
against the rules that could match it, however many rules there are. Stateful
rules (`new`, `threshold`, `spike`, `throttle`) keep their memory in a
`RuleMemory` — the store in production, a dict in tests, `rules test` and
backtests — so a restart changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import product

from alerter.config import parse_duration
from alerter.models import Document, Event, Match, stable_id
from alerter.rules import explain
from alerter.rules.conditions import Outcome, field_values
from alerter.rules.loader import LoadedRule
from alerter.rules.memory import DictMemory, RuleMemory
from alerter.stories import Mention, same_story

# Fields a rule can be indexed by, in order of preference, and the most index
# entries one rule may take (the product of its listed values).
INDEXED_FIELDS = ("type", "subtype", "modality", "actor.code", "target.code", "source")
MAX_ENTRIES = 256
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
__all__ = ["DictMemory", "RuleEngine", "RuleMemory"]


@dataclass(frozen=True)
class Hit:
    """A rule whose conditions held for an event, before any state was applied."""

    rule: LoadedRule
    event: Event
    outcome: Outcome


@dataclass(frozen=True)
class Miss:
    """Why a rule did not match an event: the conditions that failed, or the state."""

    rule: LoadedRule
    event: Event
    held: int  # how many of the rule's top-level conditions held
    of: int
    failed: list[str]


def group_key(event: Event, document: Document | None, fields: Iterable[str]) -> str:
    """Give the key that identifies "the same thing": the values of each field."""
    parts = []
    for field in fields:
        values = sorted({str(v) for v in field_values(event, document, field)})
        parts.append(f"{field}={','.join(values) or '-'}")
    return "; ".join(parts) or "all"


def _before(at: datetime, span: timedelta) -> datetime:
    try:
        return at - span
    except OverflowError:
        return datetime.min.replace(tzinfo=at.tzinfo)


def _time_of(document: Document | None) -> datetime:
    return document.published if document is not None else EPOCH


class RuleEngine:
    def __init__(self, rules: Iterable[LoadedRule]) -> None:
        self.rules = [r for r in rules if r.rule.enabled]
        # fields → (their values) → rule positions; rules no index can narrow down
        self._index: dict[tuple[str, ...], dict[tuple[str, ...], list[int]]] = defaultdict(
            lambda: defaultdict(list))
        self._always: list[int] = []
        for position, loaded in enumerate(self.rules):
            required = loaded.condition.index
            fields = [f for f in INDEXED_FIELDS if f in required]
            while fields and _entries(required, fields) > MAX_ENTRIES:
                fields.pop()
            if not fields:
                self._always.append(position)
                continue
            table = self._index[tuple(fields)]
            for values in product(*(sorted(required[f]) for f in fields)):
                table[values].append(position)

    def candidates(self, event: Event, document: Document | None = None) -> list[LoadedRule]:
        """Give the rules that could match the event, in file order."""
        found = set(self._always)
        values: dict[str, list[str]] = {}
        for fields, table in self._index.items():
            per_field = []
            for field in fields:
                if field not in values:
                    values[field] = [str(v) for v in field_values(event, document, field)]
                per_field.append(values[field])
            for combination in product(*per_field):
                hit = table.get(combination)
                if hit:
                    found.update(hit)
        return [self.rules[i] for i in sorted(found)]

    def hits(self, event: Event, document: Document | None) -> list[Hit]:
        """Give the rules whose conditions hold for the event (no state applied)."""
        found = []
        for loaded in self.candidates(event, document):
            outcome = loaded.condition(event, document)
            if outcome.held:
                found.append(Hit(loaded, event, outcome))
        return found

    def match(self, items: Iterable[tuple[Event, Document | None]], memory: RuleMemory,
              misses: dict[str, list[Miss]] | None = None) -> list[Match]:
        """Give the matches for events in order, applying the stateful parts with memory.

        With `misses`, a hit that the rule's state held back is recorded there, by rule id.
        A hit that a `new` rule holds back because the same run has just matched the same
        happening (stories.same_story: another outlet retelling it) joins that match's
        events, so a digest lists every outlet as a source of the one story; a retelling of
        a match from an earlier run is only held back, as that match may be sent already.
        """
        matches: list[Match] = []
        latest: dict[str, datetime] = {}
        firsts: dict[tuple[str, str], tuple[int, Mention]] = {}  # `new` matches made here
        for event, document in items:
            at = _time_of(document)
            for hit in self.hits(event, document):
                rule = hit.rule.rule
                match, reason = self._stateful(hit, document, at, memory)
                if match is not None:
                    matches.append(match)
                    if rule.new is not None and document is not None:
                        firsts[(rule.id, match.group_key)] = (
                            len(matches) - 1, Mention(match, event, document))
                else:
                    first = firsts.get((rule.id, group_key(event, document, rule.key_fields()))
                                       ) if rule.new is not None else None
                    if first is not None and document is not None and \
                            same_story(first[1], Mention(first[1].match, event, document)):
                        # a retelling of a first sighting made in this same run: one more
                        # source of that match, not an alert of its own
                        told = matches[first[0]]
                        matches[first[0]] = told.model_copy(
                            update={"event_ids": (*told.event_ids, event.id)})
                    if misses is not None:
                        misses.setdefault(rule.id, []).append(
                            Miss(hit.rule, event, 1, 1, [reason]))
                latest[hit.rule.rule.id] = max(at, latest.get(hit.rule.rule.id, at))
        self._forget(latest, memory)
        return matches

    def why_not(self, loaded: LoadedRule, event: Event, document: Document | None) -> Miss:
        """Give how near the event came to the rule: each top-level condition tested."""
        parts = loaded.condition.parts or [loaded.condition]
        failed: list[str] = []
        held = 0
        for part in parts:
            outcome = part(event, document)
            if outcome.held:
                held += 1
            else:
                failed += outcome.because
        return Miss(loaded, event, held, len(parts), failed)

    # -- state -------------------------------------------------------------------

    def _stateful(self, hit: Hit, document: Document | None, at: datetime,
                  memory: RuleMemory) -> tuple[Match | None, str]:
        rule = hit.rule.rule
        because = list(hit.outcome.because)
        key = group_key(hit.event, document, rule.key_fields())
        event_ids: tuple[str, ...] = (hit.event.id,)
        if rule.new is not None:
            window = timedelta(seconds=parse_duration(rule.new.within))
            seen = memory.last_seen(rule.id, "new:" + key)
            if seen is not None and abs(at - seen) < window:
                return None, f"not new: {explain.key(key)} was first seen " \
                             f"{seen.isoformat()}, within {explain.duration(rule.new.within)}"
            memory.remember(rule.id, "new:" + key, at)
            because.append(f"the first such event within {explain.duration(rule.new.within)} "
                           f"({explain.key(key)})")
        elif rule.threshold is not None:
            spec = rule.threshold
            memory.add_sighting(rule.id, key, hit.event.id, at)
            window = timedelta(seconds=parse_duration(spec.within))
            since = _before(at, window)
            fired = memory.last_seen(rule.id, "threshold:" + key)
            if fired is not None and fired > since:
                since = fired  # events already counted towards a match do not count again
            counted = memory.sightings(rule.id, key, since, at)
            if len(counted) < spec.count:
                return None, f"{len(counted)} of {spec.count} events within " \
                             f"{explain.duration(spec.within)} for {explain.key(key)}"
            memory.remember(rule.id, "threshold:" + key, at)
            event_ids = tuple(e for e, _ in counted)
            because.append(f"{len(counted)} such events within "
                           f"{explain.duration(spec.within)} for {explain.key(key)} "
                           f"(the rule needs {spec.count})")
        elif rule.spike is not None:
            spec_s = rule.spike
            memory.add_sighting(rule.id, key, hit.event.id, at)
            window = timedelta(seconds=parse_duration(spec_s.window))
            now = memory.sightings(rule.id, key, _before(at, window), at)
            before = memory.sightings(rule.id, key, _before(at, 2 * window), _before(at, window))
            fired = memory.last_seen(rule.id, "spike:" + key)
            if fired is not None and at - fired < window:
                return None, f"a spike for {explain.key(key)} was already reported at " \
                             f"{fired.isoformat()}"
            if len(now) < spec_s.min_count or len(now) < spec_s.factor * len(before):
                return None, f"{len(now)} events in the last " \
                             f"{explain.duration(spec_s.window, one='')} against {len(before)} " \
                             f"before, for {explain.key(key)}: no spike (it needs at least " \
                             f"{spec_s.min_count} and {spec_s.factor:g} times as many)"
            memory.remember(rule.id, "spike:" + key, at)
            event_ids = tuple(e for e, _ in now)
            window_words = explain.duration(spec_s.window, one="")
            because.append(f"{len(now)} such events in the last {window_words} against "
                           f"{len(before)} in the {window_words} before, for "
                           f"{explain.key(key)} (a spike: at least {spec_s.min_count} and "
                           f"{spec_s.factor:g} times as many)")
        if rule.throttle is not None:
            period = timedelta(seconds=parse_duration(rule.throttle))
            last = memory.last_seen(rule.id, "throttle:" + key)
            if last is not None and abs(at - last) < period:
                return None, f"held back: {explain.key(key)} matched at " \
                             f"{last.isoformat()}, within {explain.duration(rule.throttle)}"
            memory.remember(rule.id, "throttle:" + key, at)
        return Match(
            id=stable_id(rule.id, hit.event.id), rule_id=rule.id, event_ids=event_ids,
            group_key=key, first_seen=at, severity=rule.severity,
            explanation=explain.sentence(because),
        ), ""

    def _forget(self, latest: dict[str, datetime], memory: RuleMemory) -> None:
        # Sightings older than any window that could still count them are dropped.
        for loaded in self.rules:
            rule = loaded.rule
            if rule.id not in latest:
                continue
            if rule.threshold is not None:
                keep = timedelta(seconds=parse_duration(rule.threshold.within))
            elif rule.spike is not None:
                keep = 2 * timedelta(seconds=parse_duration(rule.spike.window))
            else:
                continue
            memory.forget_sightings(rule.id, _before(latest[rule.id], keep))


def _entries(required: dict[str, set[str]], fields: list[str]) -> int:
    total = 1
    for field in fields:
        total *= len(required[field])
    return total

"""The rule engine: events in, matches out.

Rules are indexed by the event types they require, so an event is tested only
against the rules that could match it. Stateful parts (`new`, `throttle`) keep
their memory in a `RuleMemory` — the store in production, a dict in tests and
`rules test` — so a restart changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from alerter.config import parse_duration
from alerter.models import Document, Event, Match, stable_id
from alerter.rules.conditions import Outcome, field_values
from alerter.rules.loader import LoadedRule


class RuleMemory(Protocol):
    def last_seen(self, rule_id: str, key: str) -> datetime | None:
        """Give when `key` last fired or was first seen for the rule, if ever."""
        ...

    def remember(self, rule_id: str, key: str, at: datetime) -> None:
        ...


class DictMemory:
    """Rule memory that lives only as long as the process (for dry runs and tests)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], datetime] = {}

    def last_seen(self, rule_id: str, key: str) -> datetime | None:
        return self._seen.get((rule_id, key))

    def remember(self, rule_id: str, key: str, at: datetime) -> None:
        self._seen[(rule_id, key)] = at


@dataclass(frozen=True)
class Hit:
    """A rule whose conditions held for an event, before any state was applied."""

    rule: LoadedRule
    event: Event
    outcome: Outcome


def group_key(event: Event, document: Document | None, fields: Iterable[str]) -> str:
    """Give the key that identifies "the same thing" for new/throttle: values per field."""
    parts = []
    for field in fields:
        values = sorted({str(v) for v in field_values(event, document, field)})
        parts.append(f"{field}={','.join(values) or '-'}")
    return "; ".join(parts)


class RuleEngine:
    def __init__(self, rules: Iterable[LoadedRule]) -> None:
        self.rules = [r for r in rules if r.rule.enabled]
        self._by_type: dict[str, list[LoadedRule]] = defaultdict(list)
        self._any_type: list[LoadedRule] = []
        for loaded in self.rules:
            types = loaded.condition.index.get("type")
            if types:
                for name in types:
                    self._by_type[name].append(loaded)
            else:
                self._any_type.append(loaded)

    def candidates(self, event: Event) -> list[LoadedRule]:
        """Give the rules that could match an event of this type, in file order."""
        return self._by_type.get(event.type, []) + self._any_type

    def hits(self, event: Event, document: Document | None) -> list[Hit]:
        """Give the rules whose conditions hold for the event (no state applied)."""
        found = []
        for loaded in self.candidates(event):
            outcome = loaded.condition(event, document)
            if outcome.held:
                found.append(Hit(loaded, event, outcome))
        return found

    def match(self, items: Iterable[tuple[Event, Document | None]], memory: RuleMemory
              ) -> list[Match]:
        """Give the matches for events in order, applying `new` and `throttle` with memory."""
        matches: list[Match] = []
        for event, document in items:
            at = document.published if document is not None else datetime.min
            for hit in self.hits(event, document):
                match = self._stateful(hit, document, at, memory)
                if match is not None:
                    matches.append(match)
        return matches

    def _stateful(self, hit: Hit, document: Document | None, at: datetime,
                  memory: RuleMemory) -> Match | None:
        rule = hit.rule.rule
        because = list(hit.outcome.because)
        key = group_key(hit.event, document, rule.new.key if rule.new else
                        ("type", "actor.code", "target.code"))
        if rule.new is not None:
            window = timedelta(seconds=parse_duration(rule.new.within))
            seen = memory.last_seen(rule.id, "new:" + key)
            if seen is not None and abs(at - seen) < window:
                return None
            memory.remember(rule.id, "new:" + key, at)
            because.append(f"first sighting of {key} within {rule.new.within}")
        if rule.throttle is not None:
            period = timedelta(seconds=parse_duration(rule.throttle))
            fired = memory.last_seen(rule.id, "throttle:" + key)
            if fired is not None and abs(at - fired) < period:
                return None
            memory.remember(rule.id, "throttle:" + key, at)
        return Match(
            id=stable_id(rule.id, hit.event.id), rule_id=rule.id, event_ids=(hit.event.id,),
            group_key=key, first_seen=at, severity=rule.severity,
            explanation="; ".join(because),
        )

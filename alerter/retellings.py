"""Retellings of a match already made: more sources for its story, never a new alert.

A `new` rule fires on the first sighting of its key and holds back the rest. Within
one run of the engine a held-back retelling joins the match just made (the engine
does that). Across runs — the first report in one ingest cycle, other outlets in the
next ones, all before the day's digest — the match is already in the store: the
retelling joins it there when it tells the same happening as the match's first event
(alerter.stories.same_story). The match keeps its id, so a subscriber who got it
already does not get it again; a digest still to come lists every outlet as a source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from alerter.models import Document, Event, Match
from alerter.rules.engine import Miss, group_key
from alerter.stories import Mention, same_story


class MatchStore(Protocol):
    def latest_match(self, rule_id: str, key: str) -> Match | None: ...
    def add_source(self, match_id: str, event_id: str) -> None: ...
    def events(self, ids: Iterable[str]) -> dict[str, Event]: ...
    def documents(self, ids: Iterable[str]) -> dict[str, Document]: ...


def join_retellings(store: MatchStore, misses: Mapping[str, list[Miss]],
                    documents: Mapping[str, Document]) -> int:
    """Add each retelling that a `new` rule held back to the stored match it retells;
    give how many joined."""
    joined = 0
    for held in misses.values():
        for miss in held:
            rule, event = miss.rule.rule, miss.event
            document = documents.get(event.doc_id)
            if rule.new is None or document is None:
                continue
            first = store.latest_match(rule.id, group_key(event, document, rule.key_fields()))
            if first is None or event.id in first.event_ids:
                continue
            told = store.events(first.event_ids[:1]).get(first.event_ids[0])
            told_in = store.documents([told.doc_id]).get(told.doc_id) if told else None
            if told is None or told_in is None:
                continue
            if same_story(Mention(first, told, told_in), Mention(first, event, document)):
                store.add_source(first.id, event.id)
                joined += 1
    return joined

"""Conditions over Event fields: parsed from a rule's `when` block, evaluated
against events, and explained in words.

    when:
      type: SANCTION                    # equals
      modality: [asserted, planned]     # one of
      actor.code: {not: [RUS]}          # operators: not, contains, matches, gte, lte, exists
      text: {any: [sanction, export ban]}   # words in the sentence, any form
      any: [ {...}, {...} ]             # groups: all, any, not — nested freely
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from alerter.models import Document, Event
from alerter.rules import explain

FIELDS: dict[str, str] = {
    "type": "event type", "subtype": "event subtype", "modality": "modality",
    "hedged": "true when reportedly/allegedly", "actor.code": "actor codes",
    "actor.text": "actor names", "actor.kind": "actor kinds", "target.code": "target codes",
    "target.text": "target names", "target.kind": "target kinds", "items": "item texts",
    "items.quantity": "item quantities", "attribution": "who reports it",
    "confidence": "0..1", "date": "ISO date", "location": "where", "text": "sentence words",
    "trigger": "trigger words", "source": "document source", "url": "document URL",
    "title": "document title",
}
OPERATORS = ("not", "contains", "matches", "gte", "lte", "exists", "any", "all")
GROUPS = ("all", "any", "not")
log = logging.getLogger(__name__)


# How long one `matches` search may take. A pattern that backtracks without end
# ("(a+)+$" on a long sentence) would otherwise hang the whole cycle.
MATCH_TIMEOUT = 0.25


@functools.cache
def _pattern(text: str) -> regex.Pattern[str]:
    return regex.compile(text, regex.IGNORECASE | regex.VERSION0)


def pattern_search(pattern: str, value: str) -> bool:
    """Give whether the rule's regular expression occurs in `value`: a search that runs
    past MATCH_TIMEOUT counts as no match, with one warning naming the pattern."""
    try:
        return _pattern(pattern).search(value, timeout=MATCH_TIMEOUT) is not None
    except TimeoutError:
        if pattern not in _warned:
            _warned.add(pattern)
            log.warning(f"warning: rule pattern {pattern!r} took over {MATCH_TIMEOUT} s on "
                        f"a value of {len(value)} characters and was stopped (counted as no "
                        "match); simplify it (nested repeats such as (a+)+ backtrack without end)")
        return False


_warned: set[str] = set()


def field_values(event: Event, document: Document | None, path: str) -> list[Any]:
    """Give the values of a dotted field path on an event (lists for participants)."""
    if path in ("source", "url", "title"):
        value = getattr(document, path) if document is not None else None
        return [] if value is None else [value]
    if path in ("actor.code", "actor.text", "actor.kind", "target.code", "target.text",
                "target.kind"):
        side, attr = path.split(".")
        return [getattr(p, attr) for p in getattr(event, side) if getattr(p, attr) is not None]
    if path == "items":
        return [i.text for i in event.items]
    if path == "items.quantity":
        return [i.quantity for i in event.items if i.quantity is not None]
    if path == "text":
        return [event.sentence.text]
    if path == "trigger":
        return [event.trigger.text]
    value = getattr(event, path)
    return [] if value is None else [value]


def word_pattern(phrase: str) -> re.Pattern[str]:
    """Give a regex for a word or phrase in any inflection: `sanction` ~ "sanctioned"."""
    parts = []
    for word in phrase.lower().split():
        stem = word[:-1] if len(word) > 4 and word.endswith("e") else word
        parts.append(re.escape(stem) + r"\w{0,4}")
    return re.compile(r"\b" + r"[\s-]+".join(parts) + r"\b", re.IGNORECASE)


@dataclass
class Outcome:
    """Whether a condition held, and the words that say why (or why not)."""

    held: bool
    because: list[str] = field(default_factory=list)


class Condition:
    """A compiled condition: call it on (event, document) for an Outcome."""

    def __init__(self, test: Callable[[Event, Document | None], Outcome], fields: set[str],
                 index: dict[str, set[str]] | None = None,
                 parts: list[Condition] | None = None) -> None:
        self.test = test
        self.fields = fields
        # Field → values the condition requires (for the engine's index), when it is that simple.
        self.index = index or {}
        # The conditions an `all` is made of, to say which failed (for --why-not).
        self.parts = parts or []

    def __call__(self, event: Event, document: Document | None = None) -> Outcome:
        return self.test(event, document)


def compile_field(path: str, spec: Any) -> Condition:
    """Give the condition for one `field: spec` entry."""
    if isinstance(spec, dict):
        parts = [_operator(path, op, arg) for op, arg in spec.items()]
        return _all_of(parts)
    wanted = spec if isinstance(spec, list) else [spec]

    def equals(event: Event, document: Document | None) -> Outcome:
        values = field_values(event, document, path)
        if path == "text":
            hit = [w for w in wanted if word_pattern(str(w)).search(values[0])]
            return Outcome(bool(hit), [explain.mentions([str(h) for h in hit], wanted, "any",
                                                        bool(hit))])
        hit_values = [v for v in values if v in wanted]
        return Outcome(bool(hit_values), [explain.equals(path, values, hit_values, wanted)])

    index = {path: {str(w) for w in wanted}} if path != "text" else None
    return Condition(equals, {path}, index)


def _operator(path: str, op: str, arg: Any) -> Condition:
    if op == "not":
        inner = compile_field(path, arg)

        def negate(event: Event, document: Document | None) -> Outcome:
            return _negated(inner(event, document))

        return Condition(negate, {path})
    if op in ("any", "all") and path == "text":
        words = arg if isinstance(arg, list) else [arg]
        patterns = [(w, word_pattern(str(w))) for w in words]

        def text_words(event: Event, document: Document | None) -> Outcome:
            found = [w for w, p in patterns if p.search(event.sentence.text)]
            held = bool(found) if op == "any" else len(found) == len(words)
            return Outcome(held, [explain.mentions([str(f) for f in found], words, op, held)])

        return Condition(text_words, {path})

    def check(event: Event, document: Document | None) -> Outcome:
        values = field_values(event, document, path)
        if op == "exists":
            held = bool(values) == bool(arg)
            return Outcome(held, [explain.exists(path, values)])
        if op == "contains":
            needle = str(arg).lower()
            hit = [v for v in values if needle in str(v).lower()]
            return Outcome(bool(hit), [explain.contains(path, hit, arg)])
        if op == "matches":
            hit = [v for v in values if pattern_search(str(arg), str(v))]
            return Outcome(bool(hit), [explain.matches(path, values, hit, str(arg))])
        numbers = [v for v in values if isinstance(v, int | float)]
        hit = [v for v in numbers if (v >= arg if op == "gte" else v <= arg)]
        return Outcome(bool(hit), [explain.compare(path, numbers, arg, op == "gte",
                                                   bool(hit))])

    return Condition(check, {path})


def _all_of(parts: list[Condition]) -> Condition:
    def test(event: Event, document: Document | None) -> Outcome:
        because: list[str] = []
        for part in parts:
            out = part(event, document)
            because += out.because
            if not out.held:
                return Outcome(False, out.because)
        return Outcome(True, because)

    index: dict[str, set[str]] = {}
    for part in parts:
        for path, values in part.index.items():
            # two conditions on one field: both must hold, so only common values can
            index[path] = index[path] & values if path in index else set(values)
    return Condition(test, set().union(*(p.fields for p in parts)) if parts else set(), index,
                     parts)


def _any_of(parts: list[Condition]) -> Condition:
    def test(event: Event, document: Document | None) -> Outcome:
        failed: list[str] = []
        for part in parts:
            out = part(event, document)
            if out.held:
                return out
            failed += out.because
        return Outcome(False, [explain.none_of(failed)])

    return Condition(test, set().union(*(p.fields for p in parts)) if parts else set())


def _negated(out: Outcome) -> Outcome:
    # What failed inside a `not` already says why it holds ("the actor is the UK, not
    # Russia"); what held inside says why it fails.
    if out.held:
        return Outcome(False, [explain.excluded(out.because)])
    return Outcome(True, out.because)


def _not(inner: Condition) -> Condition:
    def test(event: Event, document: Document | None) -> Outcome:
        return _negated(inner(event, document))

    return Condition(test, inner.fields)


def compile_when(when: dict[str, Any]) -> Condition:
    """Give the condition for a whole `when` mapping (all entries must hold)."""
    parts: list[Condition] = []
    for key, spec in when.items():
        if key == "all":
            parts.append(_all_of([compile_when(s) for s in spec]))
        elif key == "any":
            parts.append(_any_of([compile_when(s) for s in spec]))
        elif key == "not":
            parts.append(_not(compile_when(spec)))
        else:
            parts.append(compile_field(key, spec))
    return _all_of(parts)

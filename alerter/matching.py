"""The match stage's two decisions: which rules are in force when some rule files
have errors, and which of them each waiting event still needs.

A rule file with errors is skipped (each error reported); the other files' rules
match as usual, so one typo silences nothing else. But the events are not marked
matched while a file is missing: each remembers the rules that have seen it
(`event_rules` in the store), and once every file loads again, only the rules it
has not seen are applied to it. So no event is ever marked done by a rule set
that lacks rules the user meant to have, and no rule sees an event twice.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from alerter.errors import Problem, RuleError
from alerter.rules.engine import RuleEngine
from alerter.rules.loader import LoadedRule, load_rules, rule_files


def load_valid_rules(paths: Iterable[str | Path], codes: Collection[str]
                     ) -> tuple[list[LoadedRule], list[Problem]]:
    """Give the rules of every rule file without errors, and the errors of the others
    (none when every file loaded)."""
    wanted = list(paths)
    try:
        return load_rules(wanted, codes), []
    except RuleError as exc:
        problems = exc.problems
    broken = {p.file for p in problems}
    good = [f for f in rule_files(wanted) if str(f) not in broken and f.exists()]
    try:
        return (load_rules(good, codes) if good else []), problems
    except RuleError:  # the files are fine alone but not together (one id in two)
        return [], problems


class Engines:
    """Rule engines for the rules each group of waiting events still needs."""

    def __init__(self, rules: list[LoadedRule]) -> None:
        self.rules = rules
        self._engines: dict[frozenset[str], RuleEngine] = {}

    def for_events(self, ids: list[str], applied: dict[str, set[str]]
                   ) -> list[tuple[RuleEngine, list[str]]]:
        """Give (engine, event ids) groups: each group's events have seen the same rules,
        and its engine holds the rules in force that they have not seen."""
        groups: dict[frozenset[str], list[str]] = {}
        for event_id in ids:
            seen = frozenset(applied.get(event_id, ()))
            groups.setdefault(seen, []).append(event_id)
        out: list[tuple[RuleEngine, list[str]]] = []
        for seen, members in groups.items():
            todo = [r for r in self.rules if r.rule.id not in seen]
            key = frozenset(r.rule.id for r in todo)
            if key not in self._engines:
                self._engines[key] = RuleEngine(todo)
            out.append((self._engines[key], members))
        return out

"""`alerter rules check|test|schema` and `alerter backtest`: rules tried offline.

None of these touch the state store: stateful rules (`new`, `threshold`,
`spike`, `throttle`) keep their memory in a dict for the length of the command.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from alerter.clock import default_clock
from alerter.commands.common import optional_config, report_problem
from alerter.config import load_config
from alerter.errors import AlerterError
from alerter.rules.loader import LoadedRule, configured_codes, load_rules, rule_files
from alerter.validation import suggest
from alerter.wording import counted

if TYPE_CHECKING:
    from alerter.config import Config
    from alerter.models import Document, Event
    from alerter.rules.engine import Miss, RuleEngine

NEAREST = 5  # near misses shown by --why-not


def check_command(paths: list[str], config_path: str) -> int:
    config = load_config(config_path) if Path(config_path).exists() else optional_config(None)
    if not paths:
        paths = [str(config.resolve(p)) for p in config.rules.paths]
    # raises RuleError (exit 1) listing every problem
    rules = load_rules(paths, configured_codes(config))
    click.echo(f"ok: {len(rules)} rules in {len(rule_files(paths))} files")
    return 0


def schema_command() -> int:
    from alerter.rules.schema import schema_text

    click.echo(schema_text(), nl=False)
    return 0


def _events(config: Config, inputs: list[str]) -> Iterator[tuple[Event, Document]]:
    """Yield every event in the input documents with its document."""
    from alerter import sources
    from alerter.extract import extractor_for

    documents = _unique(sources.read(inputs, clock=default_clock(),
                                     on_problem=report_problem))
    for document, events in extractor_for(config).extract(documents):
        for event in events:
            yield event, document


def _unique(documents: Iterable[Document]) -> Iterator[Document]:
    """Give each content once, as `alerter run` stores it: a copy of an article (the
    same text under another name or feed) is skipped, and said so once at the end."""
    seen: set[str] = set()
    copies = 0
    for document in documents:
        if document.content_hash in seen:
            copies += 1
            continue
        seen.add(document.content_hash)
        yield document
    if copies:
        click.echo(f"{counted(copies, 'document')} skipped: same text as one read before "
                   "(alerter run stores each text once)", err=True)


def _find_rule(rules: list[LoadedRule], rule_id: str) -> LoadedRule:
    for loaded in rules:
        if loaded.rule.id == rule_id:
            return loaded
    raise AlerterError(f"--why-not: no rule '{rule_id}'"
                       f"{suggest(rule_id, [r.rule.id for r in rules])}")


def test_command(rules_path: str, inputs: list[str], fmt: str, config_path: str | None,
                 why_not: str | None = None) -> int:
    from alerter.rules.engine import DictMemory, RuleEngine

    config = optional_config(config_path)
    engine = RuleEngine(load_rules([rules_path], configured_codes(config)))
    wanted = _find_rule(engine.rules, why_not) if why_not else None
    pairs = list(_events(config, inputs))
    by_id = {event.id: (event, document) for event, document in pairs}
    held_back: dict[str, list[Miss]] = {}
    matches = engine.match(pairs, DictMemory(), held_back)
    if wanted is not None:  # the question is about one rule: its matches, then its misses
        matches = [m for m in matches if m.rule_id == wanted.rule.id]
    new_rules = {r.rule.id for r in engine.rules if r.rule.new is not None}
    for match in matches:
        # a `new` match is its first sighting; the events after it are retellings
        # (other sources of the story); any other match is made by its last event
        first = match.rule_id in new_rules
        event, document = by_id[match.event_ids[0] if first else match.event_ids[-1]]
        retold = [by_id[e][1].id for e in match.event_ids[1:]] if first else []
        if fmt == "jsonl":
            click.echo(json.dumps({"rule_id": match.rule_id, "severity": match.severity,
                                   "explanation": match.explanation, "doc_id": document.id,
                                   "event_ids": list(match.event_ids),
                                   "sentence": event.sentence.text}, ensure_ascii=False))
        else:
            click.echo(f"{match.rule_id} [{match.severity}] {document.id}\n"
                       f"  {event.sentence.text}\n  why: {match.explanation}"
                       + "".join(f"\n  also told by: {d}" for d in retold))
    if fmt == "table":
        which = f"{wanted.rule.id}: " if wanted is not None else ""
        click.echo(f"{which}{len(matches)} match{'' if len(matches) == 1 else 'es'} from "
                   f"{len(pairs)} event{'' if len(pairs) == 1 else 's'}")
    if wanted is not None:
        misses = held_back.get(wanted.rule.id, [])
        misses += _nearest(engine, wanted, pairs, {e for m in matches for e in m.event_ids})
        _show_misses(wanted, misses, by_id, fmt)
        if not misses and fmt == "table":
            click.echo(f"why not {wanted.rule.id}: " + (
                "every event matched it" if pairs else "the input has no events"))
    return 0


def _nearest(engine: RuleEngine, loaded: LoadedRule, pairs: list[tuple[Event, Document]],
             matched: set[str]) -> list[Miss]:
    """Give the events that came nearest to the rule: most of its conditions held."""
    misses = [engine.why_not(loaded, event, document) for event, document in pairs
              if event.id not in matched]
    misses = [m for m in misses if m.failed]
    misses.sort(key=lambda m: -m.held / m.of)
    return misses[:NEAREST]


def _show_misses(loaded: LoadedRule, misses: list[Miss],
                 by_id: dict[str, tuple[Event, Document]], fmt: str) -> None:
    rule_id = loaded.rule.id
    for miss in misses:
        event, document = by_id[miss.event.id]
        if fmt == "jsonl":
            click.echo(json.dumps({"why_not": rule_id, "doc_id": document.id,
                                   "event_id": event.id, "type": event.type,
                                   "held": miss.held, "of": miss.of, "failed": miss.failed,
                                   "sentence": event.sentence.text}, ensure_ascii=False))
            continue
        click.echo(f"why not {rule_id}: {document.id} ({event.type}, {event.modality})\n"
                   f"  {event.sentence.text}\n"
                   f"  {miss.held} of {miss.of} conditions held; "
                   f"failed: {'; '.join(miss.failed)}")


def _period(at: datetime, by: str) -> str:
    day = at.astimezone(UTC).date()
    if by == "week":
        day -= timedelta(days=day.weekday())
    return day.isoformat()


def backtest_command(rules_path: str, inputs: list[str], by: str, fmt: str,
                     config_path: str | None) -> int:
    """Print what each rule would have fired per day (or week) over a dated corpus."""
    from alerter.rules.engine import DictMemory, RuleEngine

    config = optional_config(config_path)
    engine = RuleEngine(load_rules([rules_path], configured_codes(config)))
    pairs = list(_events(config, inputs))
    # in publication order, as the documents would have arrived
    pairs.sort(key=lambda pair: (pair[1].published, pair[1].id, pair[0].sentence.start))
    matches = engine.match(pairs, DictMemory())
    counts = Counter((_period(m.first_seen, by), m.rule_id) for m in matches)
    documents = {document.id: document for _, document in pairs}
    periods = _all_periods([d.published for d in documents.values()], by)
    if fmt == "jsonl":
        for period in periods:
            for loaded in engine.rules:
                n = counts.get((period, loaded.rule.id), 0)
                if n:
                    click.echo(json.dumps({"period": period, "rule_id": loaded.rule.id,
                                           "matches": n}))
        return 0
    span = f"{periods[0]} .. {periods[-1]}" if periods else "no dated documents"
    click.echo(f"backtest: {len(documents)} documents with events, {len(pairs)} events, "
               f"{span}, {len(engine.rules)} rules, by {by} (UTC)\n")
    click.echo(f"{by:<12} {'matches':>7}  rules")
    for period in periods:
        fired = [(loaded.rule.id, counts[(period, loaded.rule.id)]) for loaded in engine.rules
                 if counts.get((period, loaded.rule.id))]
        total = sum(n for _, n in fired)
        click.echo(f"{period:<12} {total:>7}  " + ", ".join(f"{r} {n}" for r, n in fired))
    click.echo(f"{'total':<12} {len(matches):>7}")
    per_rule = Counter(m.rule_id for m in matches)
    click.echo("\nper rule: " + ", ".join(f"{loaded.rule.id} {per_rule.get(loaded.rule.id, 0)}"
                                          for loaded in engine.rules))
    return 0


def _all_periods(times: list[datetime], by: str) -> list[str]:
    """Give every period from the first time to the last, empty ones included."""
    if not times:
        return []
    first = datetime.fromisoformat(_period(min(times), by))
    last = datetime.fromisoformat(_period(max(times), by))
    step = timedelta(days=7 if by == "week" else 1)
    out = []
    while first <= last:
        out.append(first.date().isoformat())
        first += step
    return out

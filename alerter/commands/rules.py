"""`alerter rules check` and `alerter rules test`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from alerter.clock import default_clock
from alerter.commands.common import optional_config, report_problem
from alerter.config import load_config
from alerter.rules.loader import load_rules, rule_files


def check_command(paths: list[str], config_path: str) -> int:
    if not paths:
        config = load_config(config_path) if Path(config_path).exists() else optional_config(None)
        paths = [str(config.resolve(p)) for p in config.rules.paths]
    rules = load_rules(paths)  # raises RuleError (exit 1) listing every problem
    click.echo(f"ok: {len(rules)} rules in {len(rule_files(paths))} files")
    return 0


def test_command(rules_path: str, inputs: list[str], fmt: str, config_path: str | None) -> int:
    from alerter import sources
    from alerter.extract import Extractor
    from alerter.rules.engine import DictMemory, RuleEngine

    config = optional_config(config_path)
    engine = RuleEngine(load_rules([rules_path]))
    nlp = config.nlp
    extractor = Extractor.load(nlp.model, batch_size=nlp.batch_size)
    documents = sources.read(inputs, clock=default_clock(), on_problem=report_problem)
    memory = DictMemory()
    count = 0
    for document, events in extractor.extract(documents):
        by_id = {e.id: e for e in events}
        for match in engine.match(((e, document) for e in events), memory):
            count += 1
            event = by_id[match.event_ids[0]]
            if fmt == "jsonl":
                click.echo(json.dumps({"rule_id": match.rule_id, "severity": match.severity,
                                       "explanation": match.explanation,
                                       "doc_id": document.id, "sentence": event.sentence.text}))
            else:
                click.echo(f"{match.rule_id} [{match.severity}] {document.id}\n"
                           f"  {event.sentence.text}\n  why: {match.explanation}")
    if fmt == "table":
        click.echo(f"{count} matches")
    return 0

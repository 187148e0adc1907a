"""`alerter eval`: score extraction (and optionally rules) on an annotated set."""

from __future__ import annotations

import json
from pathlib import Path

import click

from alerter.commands.common import optional_config


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def eval_command(gold: str, corpus: str | None, split: str, fmt: str, labels: list[str],
                 rules_path: str | None, config_path: str | None, errors: int,
                 show_test: bool, resamples: int) -> int:
    from alerter.evalrun import format_result, run_eval
    from alerter.extract import extractor_for
    from alerter.goldreal import load_annotated

    config = optional_config(config_path)
    chosen = None if split == "all" else split
    sentences = load_annotated(gold, corpus, chosen, labels, on_problem=_warn)
    if not sentences:
        _warn(f"{gold}: no annotated sentence in split '{split}'")
    engine = None
    if rules_path is not None:
        from alerter.rules.engine import RuleEngine
        from alerter.rules.loader import configured_codes, load_rules

        engine = RuleEngine(load_rules([Path(rules_path)], configured_codes(config)))
    result = run_eval(extractor_for(config), sentences, chosen, engine, errors, show_test,
                      resamples)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(format_result(result))
    return 0

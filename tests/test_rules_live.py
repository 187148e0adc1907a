"""Rules in a running pipeline and from the command line: hot reload, state kept across
a restart, `rules test --why-not` and `backtest`, with the real spaCy pipeline."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from alerter import sources
from alerter.cli import main
from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.extract import Extractor
from alerter.pipeline import CycleReport, Pipeline
from alerter.store import Store

from .conftest import cycle
from .postgres import use_store

RETOLD = """---
title: London and Washington widen Russia sanctions
source: Harbour Times
published: 2023-02-24T18:00:00Z
---
The US Treasury imposed sanctions on dozens of Russian firms on Friday, officials said.
"""

LATER = """---
title: Poland weighs more tanks
source: Harbour Times
published: 2023-02-26T10:00:00Z
---
Poland is discussing the supply of more Leopard tanks to Ukraine, officials said.
"""


def rule_matches(store: Store, rule_id: str) -> list[tuple[str, datetime]]:
    return [(m.group_key, m.first_seen) for m in store.matches() if m.rule_id == rule_id]


def test_new_rules_fire_once_across_a_restart(project: Path, clock: FixedClock,
                                              extractor: Extractor, store_location: str
                                              ) -> None:
    use_store(project / "config.yaml", store_location)
    _, store = cycle(project, clock, extractor)
    keys = rule_matches(store, "new-sanctions-announced")
    # each key once a day (the rule's `within`), though four outlets tell the story
    for n, (key, at) in enumerate(keys):
        assert all(abs(at - other) >= timedelta(days=1) for k, other in keys[n + 1:] if k == key)
    assert len(keys) >= 5
    store.close()
    # restart, and a fifth outlet retells the US sanctions the same day
    (project / "examples" / "2023-02-24-retold.txt").write_text(RETOLD)
    second, store = cycle(project, clock, extractor)
    assert second.documents == 1 and second.events >= 1
    assert rule_matches(store, "new-sanctions-announced") == keys
    # and it was a sanctions event the rule would have fired on, were it new
    (_, events), = extractor.extract(sources.read([str(project / "examples" /
                                                       "2023-02-24-retold.txt")], clock=clock))
    (event,) = [e for e in events if e.type == "SANCTION"]
    assert (event.modality, [p.code for p in event.actor]) == ("asserted", ["USA"])
    assert "type=SANCTION; subtype=economic; actor.code=USA; target.code=-" in \
        {key for key, _ in keys}


def test_an_invalid_rule_edit_skips_that_file_and_its_rules_see_the_events_later(
        project: Path, clock: FixedClock, extractor: Extractor, store_location: str) -> None:
    use_store(project / "config.yaml", store_location)
    config = load_config(project / "config.yaml")
    store = Store.open(config.store_location())
    problems: list[str] = []
    pipeline = Pipeline(config, store, clock, extractor=lambda: extractor,
                        on_problem=lambda p: problems.append(str(p)))
    pipeline.run_cycle()
    arms = project / "rules" / "arms.yaml"
    arms.write_text(arms.read_text().replace("modality:", "modalty:", 1))
    (project / "examples" / "2023-02-26-later.txt").write_text(LATER)
    report = pipeline.run_cycle()
    assert any(p.startswith(f"{arms}:") and "unknown field 'modalty'" in p for p in problems)
    assert report.rules_invalid
    # the edited file's rules were skipped: the new document's events wait for them
    assert store.unmatched_event_ids()
    assert not [m for m in store.matches() if m.rule_id == "lethal-aid-discussed"
                and m.first_seen.day == 26]
    # a valid edit takes effect at the next cycle, and the waiting events are matched
    (project / "rules" / "extra.yaml").write_text(
        "id: tanks\nname: Tanks\nwhen: {type: AID, text: {any: [leopard]}}\n")
    arms.write_text(arms.read_text().replace("modalty:", "modality:", 1))
    pipeline.run_cycle()
    assert [r.rule.id for r in pipeline.rules(CycleReport())].count("tanks") == 1
    later = [m for m in store.matches() if m.rule_id == "lethal-aid-discussed"
             and m.first_seen.day == 26]
    assert len(later) == 1 and not store.unmatched_event_ids()


def test_rules_test_explains_matches_and_a_non_match(tmp_path: Path, seed: Path) -> None:
    runner = CliRunner()

    def run(*extra: str) -> list[dict[str, Any]]:
        result = runner.invoke(main, ["rules", "test", "rules/", "--input", str(seed),
                                      "--format", "jsonl", *extra], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.output.splitlines()]

    every = run()
    fired = {line["rule_id"]: line["explanation"] for line in every if "rule_id" in line}
    assert fired["new-sanctions-announced"].startswith(
        "It is a sanctions event; it is done or announced")
    assert fired["lethal-aid-discussed"].startswith(
        "It is an aid event; its kind is military; it is ")
    lines = run("--why-not", "new-sanctions-announced")
    # the answer is about the one rule: its matches and its misses, not every match again
    assert {line["rule_id"] for line in lines if "rule_id" in line} == \
        {"new-sanctions-announced"}
    misses = [line for line in lines if "why_not" in line]
    assert misses and all(m["failed"] for m in misses)
    assert any(m["failed"][0].startswith("it is a") and
               m["failed"][0].endswith(", not a sanctions event") for m in misses)


def test_backtest_counts_per_day_with_state(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("id: sanctions\nname: S\nwhen: {type: SANCTION, modality: asserted}\n---\n"
                     "id: first-sanctions\nname: F\nwhen: {type: SANCTION, modality: asserted}\n"
                     "new: {key: [type], within: 30d}\n")
    runner = CliRunner()
    result = runner.invoke(main, ["backtest", str(rules), "--input", "examples/",
                                  "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    first = [r for r in rows if r["rule_id"] == "first-sanctions"]
    every = [r for r in rows if r["rule_id"] == "sanctions"]
    assert [r["matches"] for r in first] == [1]  # `new` honoured: one in the whole corpus
    assert sum(r["matches"] for r in every) > 3 and len(every) >= 2
    assert all(r["period"] >= first[0]["period"] for r in every)
    table = runner.invoke(main, ["backtest", str(rules), "--input", "examples/"])
    assert "2023-02-20" in table.output and "per rule: sanctions" in table.output
    # examples/ holds a copy of one article, which `run` stores once: so does backtest
    assert "1 document skipped: same text as one read before" in table.output
    copy = "duplicate-of-2023-02-24-uk-us-sanctions.txt"
    once = runner.invoke(main, ["backtest", str(rules), "--input", "examples/" + copy[13:],
                                "--format", "jsonl"])
    twice = runner.invoke(main, ["backtest", str(rules), "--input", "examples/" + copy[13:],
                                 "--input", "examples/" + copy, "--format", "jsonl"])
    assert once.stdout == twice.stdout and "skipped" in twice.stderr

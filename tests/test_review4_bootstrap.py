"""Bootstrap intervals at the edges: draws with nothing to score, sets without a gold
event, a split of one sentence, and the JSON a script reads. Every sentence is our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import alerter.extract
from alerter.bootstrap import intervals
from alerter.cli import main
from alerter.extract import Extractor
from alerter.scoring import Counts

HIT = {"SANCTION": Counts(tp=1)}
CLEAN: dict[str, Counts] = {}  # a no-event sentence with nothing predicted


def test_clean_no_event_sentences_do_not_pull_a_perfect_score_down() -> None:
    # one gold event found, nine clean negatives: every draw that holds the event
    # scores 1.0, and a draw of negatives only has nothing to score
    spans = intervals([HIT] + [CLEAN] * 9, resamples=500)
    assert spans is not None and spans.macro is not None and spans.micro is not None
    assert (spans.macro.low, spans.macro.high) == (1.0, 1.0)
    assert (spans.micro.low, spans.micro.high) == (1.0, 1.0)


def test_a_set_without_gold_events_has_no_macro_interval() -> None:
    clean = intervals([CLEAN] * 5, resamples=100)
    assert clean is not None and clean.macro is None and clean.micro is None
    assert clean.as_dict()["macro_f1"] is None and clean.as_dict()["per_type_f1"] == {}
    # false alarms on negatives: micro-F1 is 0 in every draw, macro has no type
    alarms = intervals([{"AID": Counts(fp=1)}] + [CLEAN] * 4, resamples=100)
    assert alarms is not None and alarms.macro is None and alarms.micro is not None
    assert (alarms.micro.low, alarms.micro.high) == (0.0, 0.0)


def test_one_sentence_gives_a_point_interval() -> None:
    spans = intervals([{"SANCTION": Counts(tp=1, fn=1)}], resamples=50)
    assert spans is not None and spans.micro is not None
    assert spans.micro.low == spans.micro.high == pytest.approx(2 / 3)


def gold_file(tmp_path: Path, rows: list[tuple[str, str, list[dict[str, object]]]]) -> str:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"id": i, "split": "dev", "published": "2024-03-01",
                                        "text": text, "events": events, "tags": []}) + "\n"
                            for i, text, events in rows), encoding="utf-8")
    return str(path)


def test_eval_of_negatives_only_shows_no_interval_in_text_and_json(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(alerter.extract, "extractor_for", lambda config: extractor)
    gold = gold_file(tmp_path, [
        ("n1", "The harbour was quiet on a grey Sunday morning.", []),
        ("n2", "Prices of bread rose slightly in the capital last month.", [])])
    args = ["eval", gold, "--errors", "0", "--bootstrap", "100"]
    text = CliRunner().invoke(main, args)
    assert text.exit_code == 0, text.output
    assert "(95%:         -; 100 bootstrap resamples" in text.stdout
    runs = [json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).stdout)
            for _ in range(2)]
    assert runs[0] == runs[1]  # seeded: the same figures every time
    spans = runs[0]["intervals"]
    assert spans["macro_f1"] is None and spans["micro_f1"] is None
    assert spans["per_type_f1"] == {} and spans["resamples"] == 100

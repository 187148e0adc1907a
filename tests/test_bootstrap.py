"""Bootstrap intervals of the eval scores: seeded, from the sentences' own counts, and as
wide as the sample is small."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import alerter.extract
from alerter.bootstrap import intervals
from alerter.cli import main
from alerter.extract import Extractor
from alerter.scoring import Counts

from .conftest import ROOT

HIT = {"SANCTION": Counts(tp=1)}
MISS = {"SANCTION": Counts(fn=1)}


def test_identical_sentences_give_a_point_interval() -> None:
    spans = intervals([HIT] * 30, resamples=200)
    assert spans is not None and spans.macro is not None
    assert (spans.macro.low, spans.macro.high) == (1.0, 1.0)
    assert (spans.per_type["SANCTION"].low, spans.per_type["SANCTION"].high) == (1.0, 1.0)


def test_the_interval_holds_the_score_and_narrows_with_more_sentences() -> None:
    # F1 of 15 hits and 5 misses: 2 * 0.75 / 1.75 = 0.857
    small = intervals([HIT] * 15 + [MISS] * 5, resamples=500)
    large = intervals([HIT] * 150 + [MISS] * 50, resamples=500)
    assert small is not None and large is not None
    assert small.micro is not None and large.micro is not None
    for interval in (small.micro, large.micro):
        assert interval.low < 0.857 < interval.high
    assert large.micro.high - large.micro.low < small.micro.high - small.micro.low


def test_the_same_seed_gives_the_same_interval_and_another_seed_may_not() -> None:
    rows = [HIT] * 7 + [MISS] * 3 + [{"AID": Counts(fp=1)}] * 4 + [{}] * 6
    assert intervals(rows, 300, seed=4) == intervals(rows, 300, seed=4)
    others = [intervals(rows, 300, seed=s) for s in range(1, 6)]
    assert any(other != intervals(rows, 300, seed=0) for other in others)


def test_macro_of_a_draw_counts_only_the_types_it_holds() -> None:
    # AID has one gold event, always missed: a draw without that sentence scores
    # SANCTION alone (1.0), a draw with it averages in AID's 0.0
    spans = intervals([HIT] * 40 + [{"AID": Counts(fn=1)}], resamples=400)
    assert spans is not None and spans.macro is not None
    assert spans.macro.high == 1.0
    assert spans.per_type["AID"].high == 0.0
    assert intervals([], 100) is None and intervals([HIT], 0) is None


def test_eval_prints_an_interval_per_f1_and_writes_them_as_json(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alerter.extract, "extractor_for", lambda config: extractor)
    gold = str(ROOT / "tests" / "data" / "events_gold.jsonl")
    text = CliRunner().invoke(main, ["eval", gold, "--errors", "0", "--bootstrap", "200"])
    assert text.exit_code == 0, text.output
    assert "F1 95%" in text.stdout
    assert "200 bootstrap resamples of the sentences, seed 0" in text.stdout
    data = json.loads(CliRunner().invoke(
        main, ["eval", gold, "--errors", "0", "--bootstrap", "200", "--format", "json"]).stdout)
    macro = data["all"]["macro_f1"]
    assert data["intervals"]["macro_f1"]["low"] <= macro <= data["intervals"]["macro_f1"]["high"]
    assert set(data["intervals"]["per_type_f1"]) == {
        t for t, c in data["all"]["per_type"].items() if c["support"]}
    off = CliRunner().invoke(main, ["eval", gold, "--errors", "0", "--bootstrap", "0",
                                    "--format", "json"])
    assert json.loads(off.stdout)["intervals"] is None

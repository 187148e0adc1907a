"""The extractor against the held-back test split of our gold set: a ratchet.

The floor is the level reached when it was last raised (see the closing notes
of the extraction work); raise it when the extractor improves, never lower it.
`python bench/eval_extract.py --split test` prints the full report.
"""

from __future__ import annotations

import pytest

from alerter.evaluate import Report, evaluate, load_gold
from alerter.extract import Extractor

from .conftest import ROOT

MACRO_F1_FLOOR = 0.91
MODALITY_FLOOR = 0.98


@pytest.fixture(scope="module")
def report(extractor: Extractor) -> Report:
    gold = load_gold(ROOT / "tests" / "data" / "events_gold.jsonl")
    return evaluate(extractor, gold, "test")


def test_macro_f1_does_not_drop(report: Report) -> None:
    assert report.macro_f1 >= MACRO_F1_FLOOR - 0.001, report.as_dict()


def test_modality_accuracy_does_not_drop(report: Report) -> None:
    modality = report.attributes["modality"].value
    assert modality is not None and modality >= MODALITY_FLOOR, report.as_dict()

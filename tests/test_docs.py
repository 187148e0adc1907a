"""The documentation keeps up with the code: every rule key, field and operator."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alerter.rules.conditions import FIELDS, GROUPS, OPERATORS
from alerter.rules.model import NewSpec, Rule, SpikeSpec, ThresholdSpec

ROOT = Path(__file__).resolve().parent.parent
RULES_DOC = ROOT / "docs" / "rules.md"


def mentioned(text: str) -> set[str]:
    """Give every word written as code (`word`) in the text, and each in `{a: b}`;
    the examples in fenced blocks do not count."""
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    found = set()
    for code in re.findall(r"`([^`]+)`", text):
        found.add(code)
        found.update(re.findall(r"[\w.]+", code))
    return found


KEYS = sorted({*Rule.model_fields, *NewSpec.model_fields, *ThresholdSpec.model_fields,
               *SpikeSpec.model_fields, *FIELDS, *OPERATORS, *GROUPS})


@pytest.mark.parametrize("key", KEYS)
def test_the_rules_doc_mentions_every_key(key: str) -> None:
    assert key in mentioned(RULES_DOC.read_text(encoding="utf-8"))


def test_the_readme_points_to_the_rules_doc() -> None:
    assert "docs/rules.md" in (ROOT / "README.md").read_text(encoding="utf-8")

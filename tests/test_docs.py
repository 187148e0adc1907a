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


TEMPLATES_DOC = ROOT / "docs" / "templates.md"
# loop variables in the default templates, and what they are in the docs' terms
ALIASES = {"story": "story", "group": "group", "source": "citation", "part": "summary",
           "period": "period", "counts": "counts", "subscription": "subscription",
           "escalation": "escalation", "earlier": "citation", "now": "citation",
           "citation": "citation"}


def template_names() -> list[str]:
    from alerter.render import DEFAULT_TEMPLATES

    return sorted(p.name for p in DEFAULT_TEMPLATES.glob("*.j2"))


@pytest.mark.parametrize("name", template_names())
def test_the_templates_doc_lists_every_variable_a_default_template_uses(name: str) -> None:
    from jinja2 import meta

    from alerter.render import DEFAULT_TEMPLATES, environment

    source = (DEFAULT_TEMPLATES / name).read_text(encoding="utf-8")
    documented = mentioned(TEMPLATES_DOC.read_text(encoding="utf-8"))
    used = meta.find_undeclared_variables(environment().parse(source))
    assert used - documented == set()
    attributes = set(re.findall(r"\b([a-z_]+)\.([a-z_]+)\b", source))
    missing = {f"{owner}.{attr}" for owner, attr in attributes
               if owner in ALIASES and attr not in documented and attr != "strftime"}
    assert missing == set()


EXTRACTION_DOC = ROOT / "docs" / "extraction.md"


def taxonomy_keys() -> list[str]:
    from alerter.extract.taxonomy import Requirement, Taxonomy, Trigger

    return sorted({*Taxonomy.model_fields, *Trigger.model_fields, *Requirement.model_fields})


@pytest.mark.parametrize("key", taxonomy_keys())
def test_the_extraction_doc_mentions_every_taxonomy_key(key: str) -> None:
    assert key in mentioned(EXTRACTION_DOC.read_text(encoding="utf-8"))

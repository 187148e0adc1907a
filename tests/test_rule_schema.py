"""The shipped JSON Schema of rule files: in step with the models, and right about rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from alerter.rules.schema import SCHEMA_PATH, schema_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_shipped_schema_is_the_generated_one() -> None:
    # after a change to the rule models: alerter rules schema > alerter/data/rule.schema.json
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()


def default_rules() -> list[tuple[str, Any]]:
    found = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        for data in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            found.append((f"{path.name}:{data.get('id')}", data))
    return found


@pytest.mark.parametrize(("where", "rule"), default_rules(), ids=[w for w, _ in default_rules()])
def test_every_default_rule_is_valid(validator: jsonschema.Draft202012Validator, where: str,
                                     rule: Any) -> None:
    assert [e.message for e in validator.iter_errors(rule)] == []


@pytest.mark.parametrize("rule", [
    {"id": "x", "name": "X", "when": {"modalty": "asserted"}},
    {"id": "x", "name": "X", "when": {"type": "SANCTIONS"}},
    {"id": "x", "name": "X", "when": {"text": {"any": ["a"], "most": 2}}},
    {"id": "x", "name": "X", "when": {"any": [{"actor.code": {"gte": "many"}}]}},
    {"id": "x", "name": "X", "when": {"type": "AID"}, "throttle": "six hours"},
    {"id": "x", "name": "X", "when": {"type": "AID"}, "threshold": {"count": 1}},
    {"id": "x", "name": "X", "when": {"type": "AID"}, "severity": "urgent"},
    {"id": "X Y", "name": "X", "when": {"type": "AID"}},
], ids=["field", "type", "text-op", "gte", "duration", "count", "severity", "id"])
def test_mistakes_are_caught(validator: jsonschema.Draft202012Validator, rule: Any) -> None:
    assert list(validator.iter_errors(rule))

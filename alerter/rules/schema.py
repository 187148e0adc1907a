"""The JSON Schema of rule files, generated from the rule models and the condition
vocabulary, so that editors can complete and check rule files.

The schema ships as `alerter/data/rule.schema.json`; `alerter rules schema`
prints it afresh, and a test keeps the shipped file in step with the code.
Point an editor at it with a first line in a rule file:

    # yaml-language-server: $schema=../alerter/data/rule.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alerter.models import EVENT_TYPES, MODALITIES
from alerter.rules.conditions import FIELDS, GROUPS
from alerter.rules.model import Rule

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "rule.schema.json"
SCHEMA_ID = "https://alerter.invalid/schema/rule.schema.json"
_NUMBERS = {"confidence", "items.quantity"}


def _value(field: str) -> dict[str, Any]:
    if field == "type":
        return {"enum": list(EVENT_TYPES)}
    if field == "modality":
        return {"enum": list(MODALITIES)}
    if field == "hedged":
        return {"type": "boolean"}
    if field in _NUMBERS:
        return {"type": "number"}
    return {"type": "string"}


def _spec(field: str) -> dict[str, Any]:
    """The schema of `field: ...` in a `when` block: a value, a list, or operators."""
    value = _value(field)
    operators: dict[str, Any] = {
        "not": {"$ref": f"#/$defs/field.{field}", "description": "The opposite holds."},
        "contains": {"type": "string", "description": "A value contains this text."},
        "matches": {"type": "string", "format": "regex",
                    "description": "A value matches this regular expression."},
        "gte": {"type": "number", "description": "A value is at least this."},
        "lte": {"type": "number", "description": "A value is at most this."},
        "exists": {"type": "boolean", "description": "The field has a value (or has none)."},
    }
    if field == "text":
        words = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
        operators["any"] = {**words, "description": "Any of these words, in any inflection."}
        operators["all"] = {**words, "description": "All of these words, in any inflection."}
    return {
        "description": FIELDS[field],
        "anyOf": [
            value,
            {"type": "array", "items": value, "minItems": 1, "description": "One of these."},
            {"type": "object", "properties": operators, "additionalProperties": False,
             "minProperties": 1},
        ],
    }


def rule_schema() -> dict[str, Any]:
    """Give the JSON Schema of a rule file: one rule, or a list of rules."""
    rule = Rule.model_json_schema()
    defs: dict[str, Any] = rule.pop("$defs", {})
    when_properties: dict[str, Any] = {f: {"$ref": f"#/$defs/field.{f}"} for f in FIELDS}
    when_properties["all"] = {"type": "array", "items": {"$ref": "#/$defs/When"},
                              "description": "Every condition mapping holds."}
    when_properties["any"] = {"type": "array", "items": {"$ref": "#/$defs/When"},
                              "description": "At least one condition mapping holds."}
    when_properties["not"] = {"$ref": "#/$defs/When", "description": "The mapping does not hold."}
    assert set(GROUPS) <= set(when_properties)
    defs["When"] = {"type": "object", "properties": when_properties,
                    "additionalProperties": False,
                    "description": "Conditions on the event; every entry must hold."}
    for field in FIELDS:
        defs[f"field.{field}"] = _spec(field)
    rule["properties"]["when"] = {"$ref": "#/$defs/When", **{
        k: v for k, v in rule["properties"]["when"].items() if k == "description"}}
    defs["Rule"] = rule
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "alerter rule file",
        "description": "One alerter rule, or a list of rules (several YAML documents in one "
                       "file are each checked on their own).",
        "anyOf": [{"$ref": "#/$defs/Rule"},
                  {"type": "array", "items": {"$ref": "#/$defs/Rule"}}],
        "$defs": defs,
    }


def schema_text() -> str:
    """Give the schema as the text of the shipped file."""
    return json.dumps(rule_schema(), indent=2, ensure_ascii=False) + "\n"

"""The rule file model: typed, unknown keys rejected, vocabularies checked."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from alerter.config import parse_duration

Severity = Literal["info", "low", "medium", "high", "critical"]
KEY_FIELDS = ("type", "subtype", "modality", "actor.code", "target.code", "items", "attribution",
              "source", "date")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _duration(value: str) -> str:
    parse_duration(value)
    return value


class NewSpec(Strict):
    """Fire only on the first sighting of `key` within `within`."""

    key: list[Literal["type", "subtype", "modality", "actor.code", "target.code", "items",
                      "attribution", "source", "date"]] = ["type", "actor.code", "target.code"]
    within: str = "30d"

    _check_within = field_validator("within")(lambda cls, v: _duration(v))


class Rule(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$",
                    description="Unique across all rule files; lower case, digits, - _ .")
    name: str
    description: str = ""
    severity: Severity = "medium"
    tags: list[str] = []
    enabled: bool = True
    when: dict[str, Any] = Field(description="Conditions that must all hold.")
    new: NewSpec | None = None
    throttle: str | None = Field(None, description="At most one match per group key per period.")
    summary: str | None = Field(None, description="One-line template for the digest.")

    _check_throttle = field_validator("throttle")(
        lambda cls, v: v if v is None else _duration(v))

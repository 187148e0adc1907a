"""The rule file model: typed, unknown keys rejected, vocabularies checked.

The `when` block is checked by `alerter.rules.loader` against the condition
fields and operators of `alerter.rules.conditions`; everything else here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.config import JsonDict

from alerter.config import parse_duration

Severity = Literal["info", "low", "medium", "high", "critical"]
SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")
# Fields that can make up a key: what counts as "the same thing" for new, threshold,
# spike and throttle.
KeyField = Literal["type", "subtype", "modality", "hedged", "actor.code", "target.code",
                   "items", "attribution", "location", "source", "date"]
DEFAULT_KEY: list[KeyField] = ["type", "actor.code", "target.code"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# what parse_duration accepts, for the JSON Schema
DURATION: JsonDict = {"pattern": r"^\s*\d+(\.\d+)?\s*[smhdw]\s*$"}


def _duration(value: str) -> str:
    parse_duration(value)
    return value


class NewSpec(Strict):
    """Fire only on the first sighting of `key` within `within`."""

    key: list[KeyField] = Field(default_factory=lambda: list(DEFAULT_KEY),
                                description="Fields whose values identify the same thing.")
    within: str = Field("30d", description="How long a sighting is remembered: 30d, 12h.",
                        json_schema_extra=DURATION)

    _check_within = field_validator("within")(lambda cls, v: _duration(v))


class ThresholdSpec(Strict):
    """Fire when at least `count` matching events fall within `within`, per group."""

    count: int = Field(ge=2, description="How many matching events make a match.")
    within: str = Field("1d", description="The window they must fall in: 7d, 12h.",
                        json_schema_extra=DURATION)
    group_by: list[KeyField] = Field(default_factory=list,
                                     description="Count separately per value of these fields.")

    _check_within = field_validator("within")(lambda cls, v: _duration(v))


class SpikeSpec(Strict):
    """Fire when this window's count is at least `factor` times the previous window's."""

    factor: float = Field(3.0, gt=1, description="How many times the previous window's count.")
    window: str = Field("1d", description="The length of each window: 1d, 6h.",
                        json_schema_extra=DURATION)
    min_count: int = Field(3, ge=1, description="The least count in this window that can spike.")
    group_by: list[KeyField] = Field(default_factory=list,
                                     description="Count separately per value of these fields.")

    _check_window = field_validator("window")(lambda cls, v: _duration(v))


class Rule(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$",
                    description="Unique across all rule files; lower case, digits, - _ .")
    name: str = Field(description="A title for the digest.")
    description: str = Field("", description="What the rule is for, in words.")
    severity: Severity = "medium"
    tags: list[str] = Field(default_factory=list, description="Subscriptions can select by tag.")
    enabled: bool = True
    when: dict[str, Any] = Field(description="Conditions that must all hold.")
    new: NewSpec | None = Field(None, description="Only the first sighting of a key.")
    threshold: ThresholdSpec | None = Field(None, description="At least N events in a window.")
    spike: SpikeSpec | None = Field(None, description="A rise against the previous window.")
    throttle: str | None = Field(None, description="At most one match per group key per period.",
                                 json_schema_extra=DURATION)
    summary: str | None = Field(None, description="One-line Jinja2 template for the digest.")

    _check_throttle = field_validator("throttle")(
        lambda cls, v: v if v is None else _duration(v))

    @field_validator("summary")
    @classmethod
    def _summary_template(cls, value: str | None) -> str | None:
        if value is not None:
            from alerter.render import summary_template

            summary_template(value)  # a syntax error is reported against this key
        return value

    @model_validator(mode="after")
    def _one_counter(self) -> Rule:
        given = [k for k in ("new", "threshold", "spike") if getattr(self, k) is not None]
        if len(given) > 1:
            raise ValueError(f"use one of 'new', 'threshold' and 'spike', "
                             f"not {' and '.join(given)}")
        return self

    def key_fields(self) -> list[str]:
        """Give the fields that group this rule's matches (for throttle and the digest)."""
        if self.new is not None:
            return list(self.new.key)
        if self.threshold is not None:
            return list(self.threshold.group_by)
        if self.spike is not None:
            return list(self.spike.group_by)
        return list(DEFAULT_KEY)

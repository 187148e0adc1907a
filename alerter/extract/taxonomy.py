"""The event taxonomy file: types, subtypes, trigger words and patterns, as data.

The packaged `data/taxonomy.yaml` is the default. A user's file either replaces
it or, with `extends: default`, adds triggers, governors and item words to it.
Errors name the file, line and key path.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from alerter.errors import RuleError
from alerter.models import EVENT_TYPES
from alerter.validation import suggest, validate
from alerter.yamlfile import read_mapping_file

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "taxonomy.yaml"
POS = Literal["VERB", "NOUN", "PROPN", "ADJ", "AUX", "ADV", "ADP", "NUM"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Requirement(Strict):
    """What a verb trigger needs around it to be an event; any one of them will do."""

    party: bool = False
    clause: bool = False
    intransitive: bool = False
    objects: list[str] = []
    not_objects: list[str] = []
    subjects: list[str] = []
    agent: bool = False
    infinitive: bool = False
    preps: list[str] = []


class Trigger(Strict):
    lemmas: list[str] | None = None
    phrase: str | None = None
    pattern: list[dict[str, Any]] | None = None
    pos: list[POS] | None = None
    subtype: str | None = None
    objects: list[str] | None = None
    nominal: bool = False
    items: bool = False
    recipient: bool = False
    modifier: bool = False
    unless: list[str] | None = None
    speech_act: bool = False
    requires: Requirement | None = None
    context: list[str] | None = None
    modality: Literal["asserted", "planned", "discussed", "negated", "hypothetical"] | None = None
    confidence: float | None = Field(None, ge=0, le=1)

    @field_validator("pattern")
    @classmethod
    def _token_pattern(cls, pattern: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
        # spaCy's own schema for Matcher patterns, so a mistake is reported here, with
        # its line, rather than as a crash when the pipeline loads
        from spacy.schemas import validate_token_pattern

        if pattern is not None:
            errors = validate_token_pattern(pattern)
            if errors:
                raise ValueError("not a spaCy token pattern: " + "; ".join(
                    e.replace("[pattern -> ", "[") for e in errors))
        return pattern

    @model_validator(mode="after")
    def _one_kind(self) -> Trigger:
        given = [k for k in ("lemmas", "phrase", "pattern") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'lemmas', 'phrase' or 'pattern'")
        return self


class EventType(Strict):
    subtype: str | None = Field(None, description="The subtype when a trigger gives none.")
    triggers: list[Trigger] = []


class Taxonomy(Strict):
    version: Literal[1] = 1
    extends: Literal["default"] | None = None
    governors: dict[Literal["asserted", "planned", "discussed", "negated", "hypothetical"],
                    list[str]] = {}
    blocking_governors: list[str] = []
    request_governors: list[str] = []
    requestable: list[str] = []
    current_only: list[str] = []
    standalone: list[str] = []
    place_targets: list[str] = []
    once_per_sentence: list[str] = []
    subject_governors: list[str] = []
    item_classes: dict[str, list[str]] = {}
    types: dict[str, EventType] = {}

    def merged_onto(self, base: Taxonomy) -> Taxonomy:
        """Give `base` with this file's additions."""
        governors = {m: list(base.governors.get(m, [])) for m in base.governors}
        for modality, words in self.governors.items():
            governors.setdefault(modality, []).extend(words)
        classes = {k: list(v) for k, v in base.item_classes.items()}
        for name, words in self.item_classes.items():
            classes.setdefault(name, []).extend(words)
        types = dict(base.types)
        for name, event_type in self.types.items():
            if name in types:
                old = types[name]
                types[name] = EventType(subtype=event_type.subtype or old.subtype,
                                        triggers=[*old.triggers, *event_type.triggers])
            else:
                types[name] = event_type
        return Taxonomy(governors=governors, item_classes=classes, types=types,
                        subject_governors=[*base.subject_governors, *self.subject_governors],
                        blocking_governors=[*base.blocking_governors,
                                            *self.blocking_governors],
                        request_governors=[*base.request_governors, *self.request_governors],
                        requestable=[*base.requestable, *self.requestable],
                        current_only=[*base.current_only, *self.current_only],
                        standalone=[*base.standalone, *self.standalone],
                        place_targets=[*base.place_targets, *self.place_targets],
                        once_per_sentence=[*base.once_per_sentence,
                                           *self.once_per_sentence])

    def governor_modality(self) -> dict[str, str]:
        """Give each governor lemma's modality (the first listed wins)."""
        table: dict[str, str] = {}
        for modality in ("negated", "hypothetical", "discussed", "planned", "asserted"):
            for lemma in self.governors.get(modality, []):  # type: ignore[call-overload,unused-ignore]
                table.setdefault(lemma, modality)
        return table


def load_taxonomy_file(path: Path) -> Taxonomy:
    """Give the taxonomy in one file, or raise RuleError with every located problem."""
    doc = read_mapping_file(path, RuleError)
    taxonomy, problems = validate(Taxonomy, doc)
    if taxonomy is not None:
        for name in taxonomy.types:
            if name not in EVENT_TYPES:
                problems.append(doc.problem(("types", name), f"unknown event type '{name}'"
                                                f"{suggest(name, EVENT_TYPES)}"))
    if problems or taxonomy is None:
        raise RuleError(problems)
    return taxonomy


@cache
def load_taxonomy(path: str | None = None) -> Taxonomy:
    """Give the taxonomy in force: ours, a user's replacement, or ours plus a user's additions."""
    default = load_taxonomy_file(DEFAULT_PATH)
    if path is None:
        return default
    user = load_taxonomy_file(Path(path))
    return user.merged_onto(default) if user.extends == "default" else user

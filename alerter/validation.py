"""Validate located YAML data against pydantic models, collecting every problem.

Each pydantic error becomes a `Problem` with file, line, column and key path;
unknown keys and values outside a vocabulary get a "did you mean" suggestion.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from alerter.errors import Problem
from alerter.yamlfile import Loc, YamlDocument

M = TypeVar("M", bound=BaseModel)


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    """Give ` (did you mean 'x'?)` for the closest choice, or an empty string."""
    pool = list(choices)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in pool}
        close = [lowered[word.lower()]] if word.lower() in lowered else []
    return f" (did you mean '{close[0]}'?)" if close else ""


def _unwrap(annotation: Any) -> list[Any]:
    """Give the model classes an annotation may hold (through Optional, list, dict...)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, dict, set, frozenset):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """Give the model class that owns the keys at `loc`, walking field annotations."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            alias_hit = [f for f in current.model_fields.values() if f.alias == part]
            info = alias_hit[0] if alias_hit else None
        if info is None:
            # a union tag or a dict key: keep the model we are in
            continue
        candidates = _unwrap(info.annotation)
        current = candidates[0] if candidates else None
    return current


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    # pydantic inserts union member names and function-validator tags into locs
    return tuple(p for p in loc
                 if isinstance(p, int) or not str(p).startswith(("function-", "union")))


def problems_from(exc: ValidationError, doc: YamlDocument, model: type[BaseModel],
                  base: Loc = ()) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems, one per error."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = (*base, *_clean_loc(error["loc"]))
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            key = str(loc[-1])
            owner = model_at(model, loc[len(base):-1])
            hint = suggest(key, _field_names(owner)) if owner else ""
            message = f"unknown key '{key}'{hint}"
        elif error["type"] == "missing":
            message = "required key is missing"
        elif error["type"] in ("literal_error", "enum"):
            expected = error.get("ctx", {}).get("expected", "")
            choices = [c.strip().strip("'") for c in str(expected).replace(" or ", ",").split(",")]
            got = error.get("input")
            hint = suggest(str(got), choices) if isinstance(got, str) else ""
            message = f"'{got}' is not one of {', '.join(c for c in choices if c)}{hint}"
        elif message.startswith("Value error, "):
            message = message[len("Value error, "):]
        problems.append(doc.problem(loc, message))
    return problems


def validate(model: type[M], doc: YamlDocument, data: Any | None = None,
             base: Loc = ()) -> tuple[M | None, list[Problem]]:
    """Validate `data` (default: the document's data) against `model`."""
    try:
        return model.model_validate(doc.data if data is None else data), []
    except ValidationError as exc:
        return None, problems_from(exc, doc, model, base)

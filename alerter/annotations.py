"""Check an annotator's labels file for a real-text sample (tests/data/real/README.md).

A labels file `labels-<chunk>.jsonl` holds one line per sentence id of its chunk:
`{"id", "events": [{"type", "subtype", "actor", "target", "modality", "hedged"}],
"unsure", "note"?}`. This module is the one reader of such lines: `check_labels`
(bench/real_sample.py check) gives every problem of a file at once, each located by
file and line, so an annotator can fix a whole file in one pass; `load_labels` (the
evaluator, `alerter eval`) reads the same lines through the same checks, reports a bad
line with the same messages and carries on without it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from alerter.corpus import SampleLine
from alerter.errors import Problem
from alerter.gold import SUBTYPES, GoldEvent
from alerter.models import EVENT_TYPES, MODALITIES

LABEL_KEYS = frozenset({"id", "events", "unsure", "note"})
LABEL_EVENT_KEYS = frozenset({"type", "subtype", "actor", "target", "modality", "hedged"})
_NAME = re.compile(r"labels-([a-z])\.jsonl$")


@dataclass(frozen=True)
class Label:
    """Our annotation of one sentence; its events have no date to score."""

    id: str
    events: tuple[GoldEvent, ...]
    unsure: bool
    note: str | None = None


@dataclass(frozen=True)
class LabelLine:
    """One labels line read: its id (if it has one), its label if it is sound, its problems."""

    id: str | None
    label: Label | None
    problems: tuple[Problem, ...]
    number: int


def check_labels(path: Path, sample: Sequence[SampleLine]) -> list[Problem]:
    """Return every problem of the labels file at `path` (empty when it is complete and
    well formed); its chunk comes from the file name."""
    name = _NAME.search(path.name)
    if not name:
        return [Problem(str(path), None, "", "name must be labels-<chunk>.jsonl")]
    expected = [x.id for x in sample if x.chunk == name.group(1)]
    if not expected:
        where = sample[0].file if sample else "the sample"
        return [Problem(str(path), None, "", f"no sentence of chunk {name.group(1)!r} in "
                        f"{where}")]
    problems: list[Problem] = []
    seen: list[str] = []
    for line in _read(path):
        problems += line.problems
        if line.id is not None:
            seen.append(line.id)
    problems += _check_ids(str(path), seen, expected)
    return problems


def load_labels(paths: Iterable[Path], on_problem: Callable[[Problem], None]
                ) -> dict[str, Label]:
    """Return the sound labels of the files by sentence id; each problem of a bad line is
    reported and the line skipped. The same id in two places is reported; the first counts."""
    labels: dict[str, Label] = {}
    where: dict[str, str] = {}
    for path in paths:
        for line in _read(path):
            for problem in line.problems:
                on_problem(problem)
            if line.label is None:
                continue
            first = where.get(line.label.id)
            if first is not None:
                on_problem(Problem(str(path), line.number, "id", f"{line.label.id!r} is "
                                   f"already labelled at {first}; keeping that one"))
                continue
            labels[line.label.id] = line.label
            where[line.label.id] = f"{path}:{line.number}"
    return labels


def _read(path: Path) -> list[LabelLine]:
    """Return every non-blank line of a labels file, read and checked."""
    with path.open(encoding="utf-8") as handle:
        return [_read_line(raw, str(path), number)
                for number, raw in enumerate(handle, start=1) if raw.strip()]


def _read_line(raw: str, file: str, number: int) -> LabelLine:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return LabelLine(None, None, (Problem(file, number, "", f"not JSON: {exc.msg}"),),
                         number)
    if not isinstance(obj, dict) or not {"id", "events", "unsure"} <= set(obj) or (
            set(obj) - LABEL_KEYS):
        return LabelLine(None, None, (Problem(file, number, "", "keys must be id, events, "
                                              "unsure and optional note"),), number)
    problems = []
    if not isinstance(obj["id"], str) or not obj["id"]:
        problems.append(Problem(file, number, "id", "must be a non-empty string"))
    if not isinstance(obj["unsure"], bool):
        problems.append(Problem(file, number, "unsure", "must be true or false"))
    if not isinstance(obj.get("note", ""), str):
        problems.append(Problem(file, number, "note", "must be a string"))
    if not isinstance(obj["events"], list):
        problems.append(Problem(file, number, "events", "must be a list"))
    else:
        for k, event in enumerate(obj["events"]):
            problems += [Problem(file, number, f"events[{k}]", message)
                         for message in _event_problems(event)]
    label = None if problems else Label(
        id=obj["id"], unsure=obj["unsure"], note=obj.get("note"),
        events=tuple(_gold_event(e) for e in obj["events"]))
    return LabelLine(str(obj["id"]), label, tuple(problems), number)


def _gold_event(event: dict[str, Any]) -> GoldEvent:
    """Return the GoldEvent of a checked label event (real labels give no date)."""
    return GoldEvent(type=event["type"], subtype=event["subtype"],
                     actor=frozenset(event["actor"]), target=frozenset(event["target"]),
                     modality=event["modality"], hedged=event["hedged"], date=None,
                     dated=False)


def _event_problems(event: Any) -> list[str]:
    if not isinstance(event, dict) or set(event) != LABEL_EVENT_KEYS:
        return [f"keys must be exactly {sorted(LABEL_EVENT_KEYS)}"]
    problems = []
    if event["type"] not in EVENT_TYPES:
        problems.append(f"unknown type {event['type']!r}")
    allowed = SUBTYPES.get(event["type"], ())
    if (event["subtype"] not in allowed) if allowed else (event["subtype"] is not None):
        problems.append(f"subtype {event['subtype']!r} is not one of {list(allowed) or [None]}")
    for role in ("actor", "target"):
        codes = event[role]
        if not isinstance(codes, list) or not all(_known_code(c) for c in codes):
            problems.append(f"{role} must be a list of alpha-3 or organisation codes, "
                            f"got {codes!r}")
    if event["modality"] not in MODALITIES:
        problems.append(f"unknown modality {event['modality']!r}")
    if not isinstance(event["hedged"], bool):
        problems.append("hedged must be true or false")
    return problems


@cache
def _codes() -> frozenset[str]:
    # the codes extraction can give (ISO countries and our organisations), as rules use
    from alerter.rules.loader import known_codes

    return known_codes()


def _known_code(code: object) -> bool:
    return isinstance(code, str) and code in _codes()


def _check_ids(file: str, seen: list[str], expected: list[str]) -> list[Problem]:
    problems = []
    doubles = sorted(i for i, n in Counter(seen).items() if n > 1)
    if doubles:
        problems.append(Problem(file, None, "", f"ids labelled twice: {', '.join(doubles)}"))
    done = set(seen)
    missing = [i for i in expected if i not in done]
    if missing:
        problems.append(Problem(file, None, "", f"{len(missing)} ids of the chunk not "
                                f"labelled yet, first {missing[0]}"))
    alien = sorted(done - set(expected))
    if alien:
        problems.append(Problem(file, None, "", f"ids not in this chunk: "
                                f"{', '.join(alien[:5])}"))
    return problems

"""Check an annotator's labels file for a real-text sample (tests/data/real/README.md).

A labels file `labels-<chunk>.jsonl` holds one line per sentence id of its chunk:
`{"id", "events": [{"type", "subtype", "actor", "target", "modality", "hedged"}],
"unsure", "note"?}`. `check_labels` gives every problem at once, each located by file
and line, so an annotator can fix a whole file in one pass.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry

from alerter.corpus import SampleLine
from alerter.errors import Problem
from alerter.evaluate import SUBTYPES
from alerter.models import EVENT_TYPES, MODALITIES

LABEL_KEYS = frozenset({"id", "events", "unsure", "note"})
LABEL_EVENT_KEYS = frozenset({"type", "subtype", "actor", "target", "modality", "hedged"})
ORGANISATIONS = frozenset({"UN", "EU", "NATO", "G7", "G20", "IAEA", "AU", "ASEAN", "OSCE",
                           "ICC", "WHO", "OPEC", "IMF"})
_NAME = re.compile(r"labels-([a-z])\.jsonl$")


def check_labels(path: Path, sample: Sequence[SampleLine]) -> list[Problem]:
    """Return every problem of the labels file at `path` (empty when it is complete and
    well formed); its chunk comes from the file name."""
    name = _NAME.search(path.name)
    if not name:
        return [Problem(str(path), None, "", "name must be labels-<chunk>.jsonl")]
    expected = [x.id for x in sample if x.chunk == name.group(1)]
    problems: list[Problem] = []
    seen: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                problems += _check_line(raw, str(path), number, seen)
    problems += _check_ids(str(path), seen, expected)
    return problems


def _check_line(raw: str, file: str, number: int, seen: list[str]) -> list[Problem]:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return [Problem(file, number, "", f"not JSON: {exc.msg}")]
    if not isinstance(obj, dict) or not {"id", "events", "unsure"} <= set(obj) or (
            set(obj) - LABEL_KEYS):
        return [Problem(file, number, "", "keys must be id, events, unsure and optional note")]
    seen.append(str(obj["id"]))
    problems = []
    if not isinstance(obj["unsure"], bool):
        problems.append(Problem(file, number, "unsure", "must be true or false"))
    if not isinstance(obj.get("note", ""), str):
        problems.append(Problem(file, number, "note", "must be a string"))
    if not isinstance(obj["events"], list):
        return [*problems, Problem(file, number, "events", "must be a list")]
    for k, event in enumerate(obj["events"]):
        problems += [Problem(file, number, f"events[{k}]", message)
                     for message in _event_problems(event)]
    return problems


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


def _known_code(code: object) -> bool:
    return isinstance(code, str) and (
        code in ORGANISATIONS or pycountry.countries.get(alpha_3=code) is not None)


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

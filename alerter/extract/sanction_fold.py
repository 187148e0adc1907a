"""Sanctions counted once (issue 10, docs/extraction/statements.md "Sanctions recalled"): after the
events of a Doc are built, the SANCTION readings that say one measure twice.

A designation sentence names the day's measure more than once: "X was designated for
his role in Y; X was also designated for conduct that risks Z", "all property of the
designated or blocked persons is blocked". Like the annotation (one event per action,
with all its targets), one SANCTION is kept per sentence for each subtype, modality and
actor, with the targets of all of them; sanctions by another actor, or of another kind
("sanctions and visa restrictions"), stay events of their own. A lifting told twice ("GL 25
authorizes transactions the regulations prohibit, effectively lifting sanctions on Syria")
is one CONCEDE per sentence and modality, with the coded actor and the targets of both.
"""

from __future__ import annotations

from typing import Any


def folded(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give the events with each sentence's SANCTION of one subtype, modality and actor
    kept once, holding the targets of every reading of it, and its CONCEDE of one
    modality likewise."""
    kept: dict[tuple[Any, ...], dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for event in events:
        if event["type"] not in ("SANCTION", "CONCEDE"):
            out.append(event)
            continue
        key = (event["sentence"]["start"], event["type"], event["subtype"], event["modality"],
               frozenset(p["code"] for p in event["actor"] if p["code"])
               if event["type"] == "SANCTION" else None)
        first = kept.get(key)
        if first is None:
            kept[key] = event
            out.append(event)
            continue
        if not any(p["code"] for p in first["actor"]):
            first["actor"] = event["actor"]  # "effectively lifting": OFAC's, told once
        codes = {p["code"] for p in first["target"]}
        first["target"] = first["target"] + [p for p in event["target"]
                                             if p["code"] not in codes]
        first["confidence"] = max(first["confidence"], event["confidence"])
    return out

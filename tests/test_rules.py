from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerter.errors import RuleError
from alerter.models import Document, Event, Participant, Span
from alerter.rules.engine import DictMemory, RuleEngine
from alerter.rules.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent


def event(type_: str = "SANCTION", modality: str = "asserted", actor: str = "GBR",
          sentence: str = "Britain sanctioned four banks.", id_: str = "e1") -> Event:
    return Event(id=id_, doc_id="d1", type=type_, subtype="economic",
                 trigger=Span(text="sanctioned", start=8, end=18),
                 actor=(Participant(text=actor, kind="country", code=actor),),
                 modality=modality,  # type: ignore[arg-type]
                 sentence=Span(text=sentence, start=0, end=len(sentence)))


def document(day: int = 24) -> Document:
    t = datetime(2023, 2, day, tzinfo=UTC)
    return Document(id="d1", source="Wire", text="x", published=t, fetched=t, content_hash="h")


def test_default_rules_load() -> None:
    ids = {r.rule.id for r in load_rules([ROOT / "rules"])}
    assert {"new-sanctions-announced", "lethal-aid-discussed"} <= ids


def test_errors_name_file_line_and_suggest(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: a\nname: A\nwhen:\n  type: SANCTIONS\n  modalty: asserted\n"
                    "---\nid: a\nname: again\nwhen: {type: AID}\n")
    with pytest.raises(RuleError) as caught:
        load_rules([path])
    text = str(caught.value)
    assert f"{path}:4:3: when.type: 'SANCTIONS' is not a known type (did you mean 'SANCTION'?)" \
        in text
    assert f"{path}:5:3: when.modalty: unknown field 'modalty' (did you mean 'modality'?)" in text
    assert len(caught.value.problems) == 2  # the second rule is fine on its own


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: x\nname: X\nwhen: {type: AID}\n")
    (tmp_path / "b.yaml").write_text("id: x\nname: Y\nwhen: {type: AID}\n")
    with pytest.raises(RuleError, match="rule id 'x' is already used at"):
        load_rules([tmp_path])


def test_conditions_explain_and_filter(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "id: r\nname: R\nseverity: low\nwhen:\n  type: SANCTION\n"
        "  modality: [asserted, planned]\n  any:\n    - actor.code: [USA, EU]\n"
        "    - text: {any: [sanction]}\n  not: {actor.code: RUS}\n")
    engine = RuleEngine(load_rules([path]))
    (hit,) = engine.hits(event(), document())
    because = "; ".join(hit.outcome.because)
    assert "type SANCTION = SANCTION" in because
    assert "modality asserted ∈ [asserted, planned]" in because
    assert "text has 'sanction'" in because  # lemma-aware: "sanctioned"
    assert engine.hits(event(modality="negated"), document()) == []
    assert engine.hits(event(actor="RUS"), document()) == []
    assert engine.hits(event(type_="AID"), document()) == []
    assert engine.candidates(event(type_="AID")) == []  # indexed by type


def test_new_fires_once_per_key_within_the_window(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: r\nname: R\nwhen: {type: SANCTION}\n"
                    "new: {key: [type, actor.code], within: 2d}\n")
    engine = RuleEngine(load_rules([path]))
    memory = DictMemory()
    first = engine.match([(event(id_="e1"), document(20))], memory)
    again = engine.match([(event(id_="e2"), document(21))], memory)
    later = engine.match([(event(id_="e3"), document(24))], memory)
    assert len(first) == 1 and again == [] and len(later) == 1
    assert "first sighting of type=SANCTION; actor.code=GBR within 2d" in first[0].explanation

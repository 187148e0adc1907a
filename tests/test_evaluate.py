"""Unit tests of the gold-set scorer: hand-made events, no spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from alerter.errors import SourceError
from alerter.evaluate import (
    GoldEvent,
    GoldSentence,
    align,
    evaluate,
    format_report,
    load_gold,
    score,
)
from alerter.models import Document, Event, Modality, Participant, Span


def gold_event(type_: str, actor: Iterable[str] = (), target: Iterable[str] = (), *,
               subtype: str | None = None, modality: str = "asserted",
               hedged: bool = False, date_: str | None = None) -> GoldEvent:
    return GoldEvent(type=type_, subtype=subtype, actor=frozenset(actor),
                     target=frozenset(target), modality=modality, hedged=hedged, date=date_)


def sentence(id_: str, *events: GoldEvent, split: str = "dev") -> GoldSentence:
    return GoldSentence(id=id_, split=split, published=date(2023, 2, 24),
                        text=f"Sentence {id_}.", events=events)


def event(type_: str, actor: Iterable[str | None] = (), target: Iterable[str | None] = (), *,
          subtype: str | None = None, modality: Modality = "asserted",
          hedged: bool = False) -> Event:
    def people(codes: Iterable[str | None]) -> tuple[Participant, ...]:
        return tuple(Participant(text=code or "someone", code=code) for code in codes)

    return Event(id=f"{type_}-{modality}", doc_id="d", type=type_, subtype=subtype,
                 trigger=Span(text="x", start=0, end=1), actor=people(actor),
                 target=people(target), modality=modality, hedged=hedged,
                 sentence=Span(text="x", start=0, end=1))


def test_precision_recall_f1_on_a_tiny_example() -> None:
    gold = [
        sentence("s1", gold_event("SANCTION", ["USA"], ["RUS"], subtype="economic")),
        sentence("s2", gold_event("AID", ["DEU"], ["UKR"], subtype="military"),
                 gold_event("AGREE", ["DEU"], ["UKR"])),
        sentence("s3"),  # a hard negative
    ]
    predicted = {
        "s1": [event("SANCTION", ["USA"], ["RUS"], subtype="economic")],       # TP
        "s2": [event("AID", ["DEU"], ["UKR"], subtype="humanitarian"),         # TP
               event("CONSULT", ["DEU"])],                                    # FP
        "s3": [event("SANCTION", ["USA"])],                                    # FP
    }                                                                          # AGREE: FN
    report = score(gold, predicted)

    assert report.micro.tp == 2
    assert report.micro.fp == 2
    assert report.micro.fn == 1
    assert report.micro.precision == pytest.approx(2 / 4)
    assert report.micro.recall == pytest.approx(2 / 3)
    assert report.micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))

    sanction = report.per_type["SANCTION"]
    assert (sanction.tp, sanction.fp, sanction.fn, sanction.support) == (1, 1, 0, 1)
    assert sanction.precision == pytest.approx(0.5)
    assert sanction.recall == pytest.approx(1.0)
    assert sanction.f1 == pytest.approx(2 / 3)
    assert report.per_type["AGREE"].recall == 0.0
    assert report.per_type["CONSULT"].support == 0
    # macro-F1 over the types in gold only: SANCTION 2/3, AID 1, AGREE 0 (CONSULT left out)
    assert report.gold_types == ["AGREE", "AID", "SANCTION"]
    assert report.macro_f1 == pytest.approx((2 / 3 + 1.0 + 0.0) / 3)
    # subtype is judged only where gold has one: SANCTION right, AID wrong
    assert report.attributes["subtype"].correct == 1
    assert report.attributes["subtype"].total == 2
    assert report.negatives.correct == 0
    assert report.negatives.total == 1


def test_two_events_of_one_type_align_by_subtype_and_participants() -> None:
    gold = [
        gold_event("SANCTION", ["GBR"], ["RUS"], subtype="economic"),
        gold_event("SANCTION", ["GBR"], ["CHN", "RUS"], subtype="export_control"),
    ]
    export = event("SANCTION", ["GBR"], ["CHN", "RUS"], subtype="export_control")
    economic = event("SANCTION", ["GBR"], ["RUS"], subtype="economic")

    alignment = align(gold, [export, economic])

    assert set(alignment.pairs) == {(gold[1], export), (gold[0], economic)}
    assert alignment.missed == ()
    assert alignment.spurious == ()


def test_participant_overlap_decides_between_same_subtype_events() -> None:
    gold = [gold_event("ASSAULT", ["RUS"], ["UKR"]), gold_event("ASSAULT", ["ISR"], ["LBN"])]
    predicted = [event("ASSAULT", ["ISR"], ["LBN"])]

    alignment = align(gold, predicted)

    assert alignment.pairs == ((gold[1], predicted[0]),)
    assert alignment.missed == (gold[0],)


def test_each_gold_event_is_matched_at_most_once() -> None:
    gold = [sentence("s1", gold_event("ASSAULT", ["RUS"], ["UKR"]))]
    predicted = {"s1": [event("ASSAULT", ["RUS"], ["UKR"]), event("ASSAULT", ["RUS"], ["UKR"])]}

    report = score(gold, predicted)

    assert report.per_type["ASSAULT"] == type(report.per_type["ASSAULT"])(tp=1, fp=1, fn=0)


def test_a_different_type_never_matches() -> None:
    alignment = align([gold_event("REQUEST", ["UKR"], ["DEU"])],
                      [event("AID", ["DEU"], ["UKR"], subtype="military")])

    assert alignment.pairs == ()
    assert len(alignment.missed) == 1
    assert len(alignment.spurious) == 1


def test_modality_and_code_accuracy_over_matched_pairs() -> None:
    gold = [
        sentence("s1", gold_event("AGREE", ["JPN"], ["UKR"]),
                 gold_event("AID", ["JPN"], ["UKR"], subtype="economic", modality="planned")),
        sentence("s2", gold_event("SANCTION", ["CAN"], ["IRN"], subtype="diplomatic",
                                  modality="hypothetical", hedged=True)),
        sentence("s3", gold_event("PROTEST", ["FRA"])),
    ]
    predicted = {
        "s1": [event("AGREE", ["JPN", None], ["UKR"]),                         # codes ignore None
               event("AID", ["JPN"], [], subtype="economic", modality="asserted")],
        "s2": [event("SANCTION", ["CAN"], ["IRN"], subtype="diplomatic",
                     modality="hypothetical")],
        # s3: nothing predicted, so its PROTEST is not judged for modality
    }
    report = score(gold, predicted)
    acc = report.attributes

    assert (acc["modality"].correct, acc["modality"].total) == (2, 3)
    assert acc["modality"].value == pytest.approx(2 / 3)
    assert (acc["actor_code"].correct, acc["actor_code"].total) == (3, 3)
    assert (acc["target_code"].correct, acc["target_code"].total) == (2, 3)
    assert (acc["hedged"].correct, acc["hedged"].total) == (2, 3)
    assert (acc["subtype"].correct, acc["subtype"].total) == (2, 2)


def test_no_pairs_gives_no_accuracy_and_report_formats() -> None:
    report = score([sentence("s1", gold_event("ASSAULT"))], {})

    assert report.attributes["modality"].value is None
    assert report.micro.precision == 0.0
    text = format_report(report)
    assert "ASSAULT" in text
    assert "macro F1" in text
    data = report.as_dict()
    assert json.loads(json.dumps(data))["per_type"]["ASSAULT"]["fn"] == 1


class FakeExtractor:
    def __init__(self) -> None:
        self.seen: list[Document] = []

    def extract(self, documents: Iterable[Document]) -> Iterable[tuple[Document, list[Event]]]:
        for document in documents:
            self.seen.append(document)
            yield document, [event("ASSAULT", ["RUS"], ["UKR"])]


def test_evaluate_builds_one_document_per_gold_sentence_of_the_split() -> None:
    gold = [sentence("s1", gold_event("ASSAULT", ["RUS"], ["UKR"])),
            sentence("s2", split="test")]
    fake = FakeExtractor()

    report = evaluate(fake, gold, "dev")

    assert [d.id for d in fake.seen] == ["s1"]
    assert fake.seen[0].published == datetime(2023, 2, 24, 12, tzinfo=UTC)
    assert report.split == "dev"
    assert report.micro.tp == 1


GOOD_LINE: dict[str, Any] = {
    "id": "g0001", "split": "dev", "published": "2023-02-24",
    "text": "The US Treasury imposed sanctions on Russia.",
    "events": [{"type": "SANCTION", "subtype": "economic", "actor": ["USA"],
                "target": ["RUS"], "modality": "asserted", "hedged": False, "date": None}],
    "tags": ["verbal"],
}


def test_load_gold_reads_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD_LINE) + "\n\n", encoding="utf-8")

    [only] = load_gold(path)

    assert only.id == "g0001"
    assert only.published == date(2023, 2, 24)
    assert only.events[0].actor == frozenset({"USA"})


@pytest.mark.parametrize(("bad", "expected"), [
    ("{not json", "not valid JSON"),
    (json.dumps({**GOOD_LINE, "id": "g0002", "split": "train"}), "split"),
    (json.dumps({**GOOD_LINE, "id": "g0002",
                 "events": [{**GOOD_LINE["events"][0], "type": "SANCTIONS"}]}),
     "events[0].type"),
    (json.dumps({**GOOD_LINE, "id": "g0002",
                 "events": [{**GOOD_LINE["events"][0], "subtype": "military"}]}),
     "events[0].subtype"),
    (json.dumps({k: v for k, v in GOOD_LINE.items() if k != "tags"}), "missing key(s) tags"),
    (json.dumps(GOOD_LINE), "duplicate id 'g0001'"),
])
def test_load_gold_names_file_and_line_of_a_bad_line(tmp_path: Path, bad: str,
                                                     expected: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(f"{json.dumps(GOOD_LINE)}\n\n{bad}\n", encoding="utf-8")

    with pytest.raises(SourceError) as caught:
        load_gold(path)

    message = str(caught.value)
    assert message.startswith(f"{path}:3: ")
    assert expected in message


def test_importing_the_scorer_does_not_load_spacy() -> None:
    code = "import sys, alerter.evaluate; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"

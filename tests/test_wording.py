"""Codes into words (issue 12, item 7): names for participants, the type and modality
as a phrase, a user's wording.yaml over ours, and the same words as template filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from alerter.clock import FixedClock
from alerter.errors import ConfigError
from alerter.extract import Extractor
from alerter.models import Event, Participant, Span
from alerter.render import environment
from alerter.wording import counted, load_wording

from .conftest import cycle


def event(type_: str, subtype: str | None, modality: str, actors: tuple[str, ...] = (),
          targets: tuple[str, ...] = ()) -> Event:
    def side(codes: tuple[str, ...]) -> tuple[Participant, ...]:
        # a participant without a code is shown by its own words
        return tuple(Participant(text=f"the {c} people" if c else "Coral Bay  Shipping",
                                 kind="country", code=c or None) for c in codes)

    return Event(id="e", doc_id="d", type=type_, subtype=subtype,
                 trigger=Span(text="x", start=0, end=1), actor=side(actors),
                 target=side(targets), modality=modality,
                 sentence=Span(text="x", start=0, end=1))


@pytest.mark.parametrize(("made", "headline"), [
    (event("CONSULT", None, "asserted", ("ESP",), ("MAR",)), "Spain → Morocco: talks held"),
    (event("SANCTION", "economic", "asserted", (), ("BLR",)),
     "Sanctions announced on Belarus"),
    (event("AID", "military", "planned", ("USA", "GBR"), ("UKR",)),
     "The US and the UK → Ukraine: arms pledged"),
    (event("SANCTION", "export_control", "asserted", ("JPN",)),
     "Japan: export controls announced"),
    (event("AID", "humanitarian", "discussed", ("EU",), ("SYR",)),
     "The EU → Syria: humanitarian aid discussed"),
    (event("ASSAULT", None, "negated", ("XKX",), ("UN",)), "XKX → the UN: attack denied"),
    (event("THREATEN", None, "hypothetical", ("",), ("KOR",)),
     "Coral Bay Shipping → South Korea: possible threat"),
])
def test_headlines_name_participants_and_say_what_happened(made: Event, headline: str
                                                           ) -> None:
    assert load_wording().headline(made) == headline


def test_counts_take_the_right_number() -> None:
    assert [counted(n, "story", "stories") for n in (0, 1, 2)] == \
        ["0 stories", "1 story", "2 stories"]
    assert counted(1, "document") == "1 document" and counted(3, "source") == "3 sources"


def test_a_users_wording_file_overrides_ours_and_the_filters_use_it(tmp_path: Path) -> None:
    (tmp_path / "wording.yaml").write_text(
        "names: {USA: the United States}\n"
        "types:\n  AID:\n    subtypes: {military: weapons}\n    planned: '{what} promised'\n")
    words = load_wording(tmp_path)
    pledge = event("AID", "military", "planned", ("USA",), ("UKR",))
    assert words.headline(pledge) == "The United States → Ukraine: weapons promised"
    assert words.happening("AID", "military", "asserted") == "weapons supplied"  # ours kept
    assert words.name("GBR") == "the UK"
    env = environment(tmp_path)
    (tmp_path / "mine.txt.j2").write_text(
        '{{ "USA" | named }} / {{ made | happening }} / {{ "discussed" | mode }} / '
        '{{ 2 | counted("story", "stories") }}')
    assert env.get_template("mine.txt.j2").render(made=pledge) == \
        "the United States / weapons promised / under discussion / 2 stories"


def test_a_bad_wording_file_names_the_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / "wording.yaml").write_text("names: {USA: the US}\ntypes:\n  AID: {wat: x}\n")
    with pytest.raises(ConfigError) as caught:
        load_wording(tmp_path)
    assert "wording.yaml:3" in str(caught.value) and "types.AID.wat" in str(caught.value)


def test_a_project_wording_file_changes_the_digest(project: Path, clock: FixedClock,
                                                   extractor: Extractor) -> None:
    (project / "templates" / "wording.yaml").write_text(
        "names: {POL: the Republic of Poland}\n"
        "modalities: {asserted: reported}\n")
    cycle(project, clock, extractor)[1].close()
    digest = (project / "out/digests/daily-summary/2023-02-27.md").read_text()
    assert "### [1] The Republic of Poland → Ukraine: arms supplied" in digest
    assert "\nReported, 2023-02-24; items: Leopard 2 tanks\n" in digest

"""A source's issuer as the doer of what its documents say it does (nlp.issuers), through
the real pipeline. Every sentence is our own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerter.config import load_config
from alerter.errors import ConfigError
from alerter.extract import Extractor
from alerter.extract.issuer import issuer_kinds
from alerter.models import Document, Event

WHEN = datetime(2024, 5, 2, 12, tzinfo=UTC)
RELEASE = ("We will impose sanctions on Russia's largest shipping firms next week. "
           "Two Iranian banks were designated today for financing the missile programme. "
           "Today's action targets three Syrian traders. "
           "The President condemned the drone attack on Kharkiv. "
           "The President of Ukraine condemned the drone attack on Kharkiv. "
           "Our partners have taken sanctions measures of their own. "
           "Canada imposed sanctions on four Russian officials. "
           "I urge Congress to pass the aid bill for Ukraine without delay.")


def actors(events: list[Event], sentence_start: str, kind: str) -> set[str | None]:
    """Give the actor codes of the events of one type in the sentence that starts so."""
    found = [e for e in events if e.type == kind and e.sentence.text.startswith(sentence_start)]
    assert found, (sentence_start, kind, [(e.type, e.sentence.text[:40]) for e in events])
    return {p.code for e in found for p in e.actor}


@pytest.fixture(scope="module")
def issuing(extractor: Extractor) -> Extractor:
    return Extractor(extractor.nlp, issuers=issuer_kinds({"Treasury Press": "USA",
                                                          "Council": "EU"}))


def extract(extractor: Extractor, text: str, source: str, title: str | None = None
            ) -> list[Event]:
    document = Document(id="d1", source=source, title=title, text=text, published=WHEN,
                        fetched=WHEN, content_hash="h")
    [(_, events)] = list(extractor.extract([document]))
    return events


def test_an_issuers_we_its_office_and_its_doerless_measures_are_its_own(
        issuing: Extractor) -> None:
    events = extract(issuing, RELEASE, "Treasury Press")
    assert actors(events, "We will impose", "SANCTION") == {"USA"}
    assert actors(events, "Two Iranian banks", "SANCTION") == {"USA"}
    assert actors(events, "Today's action", "SANCTION") == {"USA"}
    assert actors(events, "The President condemned", "ACCUSE") == {"USA"}
    assert actors(events, "I urge Congress", "REQUEST") == {"USA"}
    # a named doer stays as found: another president, another government, "our partners"
    assert actors(events, "The President of Ukraine", "ACCUSE") == {"UKR"}
    assert actors(events, "Canada imposed", "SANCTION") == {"CAN"}
    assert "USA" not in actors(events, "Our partners", "SANCTION")


def test_other_sources_and_joint_statements_keep_the_actors_as_found(
        issuing: Extractor) -> None:
    events = extract(issuing, RELEASE, "Northgate Wire")
    assert actors(events, "We will impose", "SANCTION") == set()
    assert actors(events, "Two Iranian banks", "SANCTION") == set()
    joint = extract(issuing, "We condemn Russia's strikes on the port of Odesa.",
                    "Treasury Press", title="Joint Statement of the G7 Foreign Ministers")
    assert actors(joint, "We condemn", "ACCUSE") == set()
    # an organisation issues as an organisation
    council = extract(issuing, "We condemn Russia's strikes on the port of Odesa.", "Council")
    [accuse] = [e for e in council if e.type == "ACCUSE"]
    assert [(p.code, p.kind) for p in accuse.actor] == [("EU", "organisation")]


def test_an_issuer_code_must_look_like_a_code(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("nlp:\n  issuers:\n    treasury: the usa\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    assert "issuers" in str(error.value) and "config.yaml" in str(error.value)


def test_two_issuer_keys_for_one_source_are_an_error_at_the_second(tmp_path: Path) -> None:
    # 'Treasury' and 'treasury' are one source to extraction: keeping either code quietly
    # would give a user's documents an issuer they did not choose
    config = tmp_path / "config.yaml"
    config.write_text("nlp:\n  issuers:\n    treasury: USA\n    whitehouse: USA\n"
                      "    Treasury : GBR\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    [line] = str(error.value).splitlines()
    assert "config.yaml:5" in line and "'Treasury' is the same source as 'treasury'" in line


def test_a_duty_another_party_reports_is_not_the_issuers_request(issuing: Extractor) -> None:
    # review6: "X insists that Y must act" is X's request, not the issuer's; the issuer's
    # own words, or its office's, stay its own
    text = ("The Kremlin insists that Ukraine must withdraw from the region. "
            "Some analysts said that Russia must withdraw its troops from Ukraine. "
            "Russia must withdraw its troops from Ukraine. "
            "The President said that Russia must withdraw its troops from Moldova.")
    events = extract(issuing, text, "Treasury Press")
    assert "USA" not in actors(events, "The Kremlin insists", "REQUEST")
    assert "USA" not in actors(events, "Some analysts said", "REQUEST")
    assert actors(events, "Russia must withdraw", "REQUEST") == {"USA"}
    assert actors(events, "The President said", "REQUEST") == {"USA"}


def test_a_blank_issuer_source_is_an_error_on_its_line(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text('nlp:\n  issuers:\n    treasury: USA\n    " ": GBR\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    [line] = str(error.value).splitlines()
    assert "config.yaml:4" in line and "a source name is blank" in line

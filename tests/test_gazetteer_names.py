"""Demonyms, capitals and short names of the countries pycountry names only officially,
and leaders and ministers (alerter/data/gazetteer.yaml): through the real pipeline they
give the country's (or body's) code,
and the forms left out as ambiguous ("Dominican", "Congolese", "Kingston") give none.
Every sentence is our own.
"""

from __future__ import annotations

import pycountry
import pytest

from alerter.errors import RuleError
from alerter.extract import Extractor
from alerter.extract.gazetteer import DEFAULT_PATH
from alerter.extract.participants import SPAN_KEY
from alerter.models import Event
from alerter.yamlfile import read_mapping_file

from .sentences import extract_each, shown

# sentence → an event it must hold, with exactly these codes: (type, actor, target)
Expected = tuple[str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    ("Bahraini police arrested two opposition activists on Tuesday.",
     ("COERCE", {"BHR"}, set())),
    ("Dhaka accused Myanmar of shelling villages across the border.",
     ("ACCUSE", {"BGD"}, {"MMR"})),
    ("Kinshasa accused Kigali of arming the rebels in the east.",
     ("ACCUSE", {"COD"}, {"RWA"})),
    ("The Treasury sanctioned a Chilean businessman and two Colombian firms.",
     ("SANCTION", {"USA"}, {"CHL", "COL"})),
    ("The Sri Lankan navy detained twelve Indian fishermen.",
     ("COERCE", {"LKA"}, {"IND"})),
    ("Bogotá asked Quito to hand over the two suspects.",
     ("REQUEST", {"COL"}, {"ECU"})),
    ("The United States imposed sanctions on three Nigerien generals.",
     ("SANCTION", {"USA"}, {"NER"})),
    # leaders and ministers stand for their state or body, as "Putin" always has
    ("Secretary Bessent said on Friday that Washington would sanction two Hong Kong firms.",
     ("SANCTION", {"USA"}, {"HKG"})),
    ("Macron and Scholz condemned the drone strikes on Odesa.",
     ("ACCUSE", {"FRA", "DEU"}, set())),
    ("Guterres urged Kyiv and Moscow to extend the grain corridor deal.",
     ("REQUEST", {"UN"}, {"UKR", "RUS"})),
    # the long name of North Korea holds "Republic of Korea", which is South Korea
    ("Seoul condemned the Democratic People’s Republic of Korea for the missile launch.",
     ("ACCUSE", {"KOR"}, {"PRK"})),
    ("The Republic of Korea condemned the Democratic People's Republic of Korea's launch.",
     ("ACCUSE", {"KOR"}, {"PRK"})),
]

# sentence, event type, role, codes the role must not hold: the skipped forms
WRONG: list[tuple[str, str, str, set[str]]] = [
    # "Dominican": the Dominican Republic or Dominica; "Congolese": either Congo
    ("Dominican police arrested a Congolese smuggler at the port.",
     "COERCE", "actor", {"DOM", "DMA"}),
    ("Dominican police arrested a Congolese smuggler at the port.",
     "COERCE", "target", {"COD", "COG"}),
]

# forms left out of the gazetteer: another country's, a common word or a city elsewhere
SKIPPED = ["Dominican", "Congolese", "Guinean", "Korean", "Macedonian", "Tajik", "Turkmen",
           "Kingston", "Victoria", "Georgetown", "San José", "Santiago", "Nassau", "Male",
           "Micronesian", "Central African", "Basotho"]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _ in MUST] + [s for s, *_ in WRONG])


@pytest.mark.parametrize(("sentence", "expected"), MUST, ids=[s[:60] for s, _ in MUST])
def test_new_names_give_the_code(sentence: str, expected: Expected,
                                 extracted: dict[str, list[Event]]) -> None:
    found = [(e.type, {p.code for p in e.actor if p.code}, {p.code for p in e.target if p.code})
             for e in extracted[sentence]]
    assert expected in found, [shown(e) for e in extracted[sentence]]


@pytest.mark.parametrize(("sentence", "type_", "role", "wrong"), WRONG,
                         ids=[f"{r}: {s[:50]}" for s, _, r, _ in WRONG])
def test_ambiguous_demonyms_give_no_code(sentence: str, type_: str, role: str,
                                         wrong: set[str],
                                         extracted: dict[str, list[Event]]) -> None:
    events = [e for e in extracted[sentence] if e.type == type_]
    assert events, [shown(e) for e in extracted[sentence]]
    for event in events:
        assert not wrong & {p.code for p in getattr(event, role)}, shown(event)


@pytest.mark.parametrize("name", SKIPPED)
def test_skipped_forms_are_not_tagged_with_a_code(name: str, extractor: Extractor) -> None:
    doc = extractor.nlp(f"Officials met {name} delegates on Monday.")
    coded = [(s.text, s.label_) for s in doc.spans[SPAN_KEY] if not s.label_.startswith("|")]
    assert coded == [], coded


def test_no_name_is_given_to_two_codes() -> None:
    """The loader keeps the first code a name is given: a second would be lost silently."""
    doc = read_mapping_file(DEFAULT_PATH, RuleError).data
    owner: dict[str, str] = {}
    clashes = []
    for section in ("countries", "organisations"):
        for code, names in doc[section].items():
            for name in names:
                key = name.lower().removeprefix("the ")
                if owner.setdefault(key, code) != code:
                    clashes.append((name, owner[key], code))
    assert clashes == []


def test_country_codes_are_iso() -> None:
    doc = read_mapping_file(DEFAULT_PATH, RuleError).data
    assert [c for c in doc["countries"] if pycountry.countries.get(alpha_3=c) is None] == []

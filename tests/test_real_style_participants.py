"""Who did what to whom on real-style wording (issue 10, alerter/extract/participants.py
and the phrase reading in clauses.py): actor and target codes as government prose and
wire reports give them. Every sentence is our own, written in the style of the error
classes seen on real text; none is corpus text.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, extract_each, shown

# sentence → an event it must hold, with exactly these codes: (type, actor, target)
Expected = tuple[str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # "U.S." is one token in a text but two in the gazetteer's lower-case key
    ("A U.S. drone strike killed four fighters near the border.", ("ASSAULT", {"USA"}, set())),
    ("The U.S. imposed new sanctions on Iran on Monday.", ("SANCTION", {"USA"}, {"IRN"})),
    ("The U.K. and the U.S. condemned the attack on the convoy.",
     ("ACCUSE", {"GBR", "USA"}, set())),
    ("The U.N. called on both sides to stop the fighting.", ("REQUEST", {"UN"}, set())),
    # a date's apposition is no second object: its war is not the sanctions' target
    ("Britain and the United States announced new sanctions against Iran on Monday, the "
     "second anniversary of the invasion of Iraq.", ("SANCTION", {"GBR", "USA"}, {"IRN"})),
    ("Canada and the United States announced new sanctions against Russia on Friday, the "
     "first anniversary of the invasion of Ukraine.", ("SANCTION", {"CAN", "USA"}, {"RUS"})),
    # where the designees are is whom the sanctions hit
    ("The Treasury imposed sanctions on 14 people and 30 firms in Iran and third countries.",
     ("SANCTION", {"USA"}, {"IRN"})),
    ("Ministers took action against five officials in Belarus on Monday.",
     ("SANCTION", set(), {"BLR"})),
    # an event noun under a partitive is still the subject's act
    ("Russia launched a night of strikes on Kyiv.", ("ASSAULT", {"RUS"}, {"UKR"})),
    ("Poland announced a new round of sanctions against Belarus.",
     ("SANCTION", {"POL"}, {"BLR"})),
    # "X-related" names what the measures are about, not who takes them
    ("Today, OFAC announced Iran-related designations of four people and two firms.",
     ("SANCTION", {"USA"}, {"IRN"})),
    # what was hit is where it was: "shelled towns in X"
    ("Russia shelled villages in Eastern Ukraine overnight.", ("ASSAULT", {"RUS"}, {"UKR"})),
    ("Russian artillery shelled three towns in Ukraine on Sunday.",
     ("ASSAULT", {"RUS"}, {"UKR"})),
    ("In Operation Indian Ocean, Somali forces captured seven towns from the militants.",
     ("ASSAULT", {"SOM"}, set())),
    # two verbs that share one object share its target
    ("The police beat and later arrested several Iranian students.",
     ("ASSAULT", set(), {"IRN"})),
    # "including" names whom the measure hits
    ("Treasury designated ten firms, including three Chinese companies.",
     ("SANCTION", {"USA"}, {"CHN"})),
    ("The army detained dozens of protesters, including two Iranian journalists.",
     ("COERCE", set(), {"IRN"})),
    # the condition of a warning is on the party warned
    ("The White House warned China of serious consequences if it arms Moscow.",
     ("AID", {"CHN"}, {"RUS"})),
    ("The US warned Iran that it would respond if it attacked shipping.",
     ("ASSAULT", {"IRN"}, set())),
    # the object of "enable", "direct", "ask"... does what the infinitive says
    ("Western aid has enabled the people of Ukraine to resist and recapture towns in the "
     "east.", ("ASSAULT", {"UKR"}, set())),
]

# sentence → (type, role, code): no event of that type has that code in that role
WRONG: list[tuple[str, tuple[str, str, str]]] = [
    # a nominal event's owner comes from its own phrase, never from the subject of the
    # verb whose date it marks
    ("Britain and the United States announced new sanctions against Iran on Monday, the "
     "second anniversary of the invasion of Iraq.", ("ASSAULT", "actor", "USA")),
    ("Canada and the United States announced new sanctions against Russia on Friday, the "
     "first anniversary of the invasion of Ukraine.", ("ASSAULT", "actor", "CAN")),
    ("France and Germany announced new sanctions against Syria on Sunday, the tenth "
     "anniversary of the gas attack on the suburb.", ("ASSAULT", "actor", "FRA")),
    # nor through a noun of feeling or comment: concern over an arrest is not making it
    ("The UN Security Council expressed concern over the arrest of opposition members in "
     "the DRC.", ("COERCE", "actor", "UN")),
    ("The EU voiced alarm about the shelling of the power plant.", ("ASSAULT", "actor", "EU")),
    # a reporter is not the doer of an act that names its own doer
    ("Dutch investigators say the airliner was shot down by a missile fired from the hills.",
     ("ASSAULT", "actor", "NLD")),
    ("Polish officials said the depot was struck by a drone launched from the east.",
     ("ASSAULT", "actor", "POL")),
    ("The army raids villages and detains young men without charge, said the Canadian "
     "foreign minister.", ("COERCE", "actor", "CAN")),
    # a one-word name at the end of a longer name is not that name
    ("The Federal Trade Commission has committed to enforcing the rules on data brokers.",
     ("AGREE", "actor", "EU")),
    ("The Indian National Congress called for a general strike on Monday.",
     ("REQUEST", "actor", "USA")),
    # a country's name inside a sea's or an operation's name is not the country
    ("A warship fired on fishing boats in the Sea of Japan.", ("ASSAULT", "target", "JPN")),
    ("In Operation Indian Ocean, Somali forces captured seven towns from the militants.",
     ("ASSAULT", "target", "IND")),
    # a state behind a group is not the group
    ("A Rwanda-backed rebel group seized the border town in 2012.", ("ASSAULT", "actor", "RWA")),
    ("An Iran-aligned militia attacked the base overnight.", ("ASSAULT", "actor", "IRN")),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # what a country has (interests, a strategy, firms) is no party for a verb that needs one
    ("As long as the cartel menaces the region and threatens US interests abroad, the "
     "work goes on.", "THREATEN"),
    ("The new listings support the US strategy to weaken the network.", "SUPPORT"),
    ("The loan would also lift demand for U.S. goods and support U.S. firms.", "SUPPORT"),
]

# leaders stand for their state, as the gazetteer's other leaders do
MUST += [
    ("Maduro warned that the assembly could soon be dissolved.", ("THREATEN", {"VEN"}, set())),
    ("Northern Ireland's First Minister accused the party of blackmail.",
     ("ACCUSE", {"GBR"}, set())),
]
# the "by" agent of a participle describes; it makes no agreement or threat
MUST_NOT += [
    ("The abuses committed by the former Maduro regime are well documented.", "AGREE"),
    ("Countries threatened by Russia asked for more air defence.", "THREATEN"),
]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _ in MUST_NOT} | {s for s, _ in WRONG})
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST, ids=[s[:60] for s, _ in MUST])
def test_participants_are_read(sentence: str, expected: Expected,
                               extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], expected, ("type", "actor", "target"))


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_no_event_from_a_holding(sentence: str, type_: str,
                                 extracted: dict[str, list[Event]]) -> None:
    assert type_ not in {e.type for e in extracted[sentence]}, \
        [shown(e) for e in extracted[sentence]]


@pytest.mark.parametrize(("sentence", "wrong"), WRONG, ids=[s[:60] for s, _ in WRONG])
def test_no_participant_from_elsewhere(sentence: str, wrong: tuple[str, str, str],
                                       extracted: dict[str, list[Event]]) -> None:
    type_, role, code = wrong
    for event in extracted[sentence]:
        if event.type == type_:
            assert code not in {p.code for p in getattr(event, role)}, shown(event)

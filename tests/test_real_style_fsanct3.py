"""Sanctions in government prose the annotated sample does not hold (issue 10, round 3;
read on fresh Treasury and White House documents with bench/fresh_review.py): the day's
designations told through a relative clause, a list ("identified on the SDN List"),
the Kingpin Act's "identified as a significant trafficker", an action taken "in
coordination with X against Y", visa restrictions, measures of other governments told
by a noun ("welcomed Japan's announcement of export controls", "the sanctions adopted
today by the EU"); and the look-alikes: the list's boilerplate ("the persons designated
today risk exposure", "information on the individuals sanctioned today"), a name the
parser read as a clause, a press-call embargo, an agency designated to lead, earlier
measures recalled by a month, a week or "in other actions", and one measure said twice
in a sentence. Every sentence is our own, written in the style of the error classes
seen; none is corpus text. The test documents are published on 10 May 2024.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each

# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # the day's designation in a relative clause that says whom it hit
    ("The three brokers, who are designated today pursuant to E.O. 13224, moved cash for "
     "the militia.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
    # the Kingpin Act's wording, and a list named as such
    ("Today, OFAC identified Juan Doe (Doe) as a significant foreign narcotics trafficker "
     "pursuant to the Kingpin Act.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
    ("The following firms are being identified on the SDN List by OFAC today.",
     ("SANCTION", "economic", "asserted", {"USA"}, set())),
    ("Today, Treasury named the militia's commander, John Roe, as a Specially Designated "
     "Global Terrorist.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
    # "taking action ... against", with a partner named in between
    ("Today, OFAC is taking action in coordination with the Government of Peru against "
     "four cocaine brokers.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
    # "this action designates": no Treasury word needed
    ("This action designates a single official, the provincial police chief.",
     ("SANCTION", "economic", "asserted", set(), set())),
    # visa restrictions are a diplomatic measure, imposed or announced
    ("The Department of State also imposed visa restrictions on two Iranian judges.",
     ("SANCTION", "diplomatic", "asserted", {"USA"}, {"IRN"})),
    ("These designations are complemented by the State Department's announcement of visa "
     "restrictions on Nicaraguan officials.",
     ("SANCTION", "diplomatic", "asserted", {"USA"}, {"NIC"})),
    # other governments' measures, told by a noun the speaker welcomes
    ("The Secretary welcomed Japan's announcement of new export controls on Russia.",
     ("SANCTION", "export_control", "asserted", {"JPN"}, {"RUS"})),
    ("We welcome the new sanctions adopted today by the European Union against ten Iranian "
     "prison officials.", ("SANCTION", "economic", "asserted", {"EU"}, {"IRN"})),
    # a speaker's perfect with "today" is the day's measure
    ("Today, we have imposed sanctions on ten Russian banks.",
     ("SANCTION", "economic", "asserted", set(), {"RUS"})),
    # a measure this week, or yesterday, is still news
    ("Yesterday, Treasury imposed sanctions on Iranian drone makers.",
     ("SANCTION", "economic", "asserted", {"USA"}, {"IRN"})),
    # a real embargo on goods still is one
    ("The United States embargoed Iranian oil.",
     ("SANCTION", "embargo", "asserted", {"USA"}, {"IRN"})),
    # the blocking rule of today's action, told by "frozen"
    ("As a result of today's action, all assets of those designated today that are held "
     "in the United States are frozen.", ("SANCTION", "asset_freeze", "asserted", set(), set())),
    # a relative clause about the day's designee, whatever older date the clause above has
    ("Since 2015, the broker has moved cash for Jane Roe, who is also being designated "
     "today.", ("SANCTION", "economic", "asserted", set(), set())),
    ("Roe runs Acme Imports, a trading company that the Treasury Department is designating "
     "today.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
    # "also designated" in a release, with no other sanctions word
    ("Two other brokers and three firms linked to the cartel were also designated.",
     ("SANCTION", "economic", "asserted", set(), set())),
    # a day inside a relative clause dates that clause only
    ("Today, OFAC designated Acme Ltd, which was previously designated by the EU on June 26, "
     "2014.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
    # the Entity List by its name
    ("The Department of Commerce added 12 Chinese firms to the Entity List.",
     ("SANCTION", "export_control", "asserted", {"USA"}, {"CHN"})),
    # a measure that bans is the measure, unlike a firm that restricts
    ("The new package bans the export of machine parts and chips to Iran.",
     ("SANCTION", "export_control", "asserted", set(), {"IRN"})),
    # members and officials designated are designees, not offices filled
    ("Today, OFAC designated three cartel members involved in fentanyl trafficking.",
     ("SANCTION", "economic", "asserted", {"USA"}, set())),
    # another government's measure today; an order that imposes a measure
    ("The UK also imposed sanctions on this bank today.",
     ("SANCTION", "economic", "asserted", {"GBR"}, set())),
    ("The President signed an order that imposes sanctions on ICC officials.",
     ("SANCTION", "economic", "asserted", set(), {"ICC"})),
    # a power given over a named party: held out
    ("The order provides the authority to impose sanctions on the Belarusian regime.",
     ("SANCTION", "economic", "hypothetical", set(), {"BLR"})),
    # a power put to use is the measure
    ("Treasury used its counterterrorism authority to designate two Hamas financiers.",
     ("SANCTION", "economic", "asserted", {"USA"}, set())),
    # the blocking rule of "today's designation"
    ("As a result of today's designation, all property of the designated firms that is "
     "subject to U.S. jurisdiction is blocked.",
     ("SANCTION", "asset_freeze", "asserted", set(), set())),
    # held out under a condition, or as a power over a named party
    ("The United States and its partners stand ready to impose further sanctions on Russia "
     "if needed.", ("SANCTION", "economic", "hypothetical", {"USA"}, {"RUS"})),
    ("The accord gives us the ability to re-impose sanctions on Iran.",
     ("SANCTION", "economic", "hypothetical", set(), {"IRN"})),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # the list's boilerplate: whoever deals with the day's designees
    ("Moreover, banks that process payments for, or firms that sell goods to, the persons "
     "designated today risk exposure to sanctions.", "SANCTION"),
    ("Find identifying information on the individual sanctioned today here.", "SANCTION"),
    ("Banks that help the firms and people designated today risk exposure to sanctions "
     "that could cut their access to U.S. markets.", "SANCTION"),
    ("Our partners recently imposed further sanctions on the Russian defence sector.",
     "SANCTION"),
    ("For more information on the entities designated today, click here.", "SANCTION"),
    # "designated" before a name, which the parser read as a clause
    ("The exchange received payments from OFAC designated Acme Trading and Beta Metals.",
     "SANCTION"),
    # a press-call embargo; an agency designated to lead a review
    ("As a reminder, this call is embargoed until six o'clock tomorrow morning.", "SANCTION"),
    ("By law, Treasury designates another department as a lead agency for each review.",
     "SANCTION"),
    # earlier measures recalled in a later speech: by a month, a week, or "other actions"
    ("We announced further sanctions on Russian banks in February.", "SANCTION"),
    ("In March 2024, the trader was sanctioned by the EU for his role in the abuses.",
     "SANCTION"),
    ("Last week, the Treasury imposed sanctions on two tanker operators.", "SANCTION"),
    ("In other actions, OFAC has sanctioned dozens of people tied to the cartel.",
     "SANCTION"),
    ("Last fall, OFAC designated a timber trader linked to the junta.", "SANCTION"),
    ("OFAC designated the gang as a Specially Designated Narcotics Trafficker pursuant to "
     "the Kingpin Act on June 26, 2014.", "SANCTION"),
    ("Two weeks ago, Treasury sanctioned three Iranian drone makers.", "SANCTION"),
    ("One year ago, the allies joined together to impose sanctions on Moscow.", "SANCTION"),
    ("Since the President signed the order in 2021, Treasury has imposed some 300 sanctions "
     "on drug traffickers.", "SANCTION"),
    ("In recent months, Treasury has imposed heavy sanctions on cartel financiers.",
     "SANCTION"),
    # a campaign summed up; measures in force
    ("Together with 40 partners, we have imposed an unprecedented set of sanctions on Russia.",
     "SANCTION"),
    ("The allies agreed to maintain current sanctions until Russia withdraws.", "SANCTION"),
    # a power to act on nobody named: the order's authority, not a measure
    ("This order authorizes Treasury to impose sanctions on those who undermine the peace of "
     "Mali.", "SANCTION"),
    ("The new order provides authority to impose sanctions on any person who trades in the "
     "region.", "SANCTION"),
    ("The order will allow the United States to issue sanctions against those who attack aid "
     "workers.", "SANCTION"),
    ("The Secretary is now authorized to impose financial sanctions on persons whose hacking "
     "threatens the economy.", "SANCTION"),
    # a tally of a campaign in the perfect
    ("OFAC has also designated numerous gang leaders for threatening the peace of Haiti.",
     "SANCTION"),
    ("Treasury has sanctioned hundreds of people tied to the regime's repression.", "SANCTION"),
    ("We have sanctioned officials in countries from Chad to Peru for corruption.",
     "SANCTION"),
    # costs imposed by a thing, not a party: no measure held out
    ("In a world where shipping bottlenecks can impose heavy costs, we want closer trade "
     "ties with Brazil.", "SANCTION"),
    # a tally in the perfect, by a large number, told after other acts
    ("We have cut crossings, arrested dozens of smugglers, sanctioned over 300 people tied "
     "to the cartels.", "SANCTION"),
    # restrictions imposed by firms; an officer designated under an executive order
    ("Phone makers impose restrictions on independent repair shops.", "SANCTION"),
    ("Within a week of the Executive Order, the agency will designate a recovery "
     "coordinator.", "SANCTION"),
    # designations of other kinds: delegations, zones, deputies, funds a state names
    ("President Biden today announced the designation of two Presidential Delegations to "
     "Rome.", "SANCTION"),
    ("Today, the President will announce the designation of 20 communities as technology "
     "hubs.", "SANCTION"),
    ("The Treasury and the IRS today designated Opportunity Zones in 12 States.", "SANCTION"),
    ("The Treasury Secretary may appoint three deputies and designate one as the First "
     "Deputy Comptroller.", "SANCTION"),
    ("Treasury will issue rules on credits for gifts to funds designated by the state.",
     "SANCTION"),
    ("As designated by the Secretary of the Treasury, Jane Roe will become acting head of "
     "the bureau.", "SANCTION"),
    # a numbered order cited with what it does in general
    ("Today's action is taken pursuant to Executive Order (E.O.) 14098, which imposes "
     "sanctions on persons who undermine peace in Sudan.", "SANCTION"),
    # another government's earlier measure, told in the passive
    ("The militia has also been sanctioned by Canada, Japan and the European Union.",
     "SANCTION"),
    ("Both judges were sanctioned by the European Union for presiding over show trials.",
     "SANCTION"),
    # measures listed among a government's tools
    ("The ministers reviewed work on their toolkits, including investment screening and "
     "export controls, to protect new technologies.", "SANCTION"),
    # earlier measures recalled to describe a noun, or told as a standing state
    ("Like other corrupt officials that Treasury has designated, the mayor profits from "
     "secret deals.", "SANCTION"),
    ("The missile maker is currently sanctioned by the U.S., the UN and the EU.", "SANCTION"),
    # a chart of the day's designees
    ("View the Kingpin Act chart on the person designated today.", "SANCTION"),
]

# sentence → a type it must not hold with these modalities
NOT_AS: list[tuple[str, str, tuple[str, ...]]] = [
    # held out under a condition: not a plan
    ("The United States and its partners stand ready to impose further sanctions on Russia "
     "if needed.", "SANCTION", ("planned", "asserted")),
]

# sentence → how many SANCTION events it holds: one measure said twice is one
COUNTS: list[tuple[str, int]] = [
    ("As a result of today's action, all property of the designated or blocked persons "
     "named above is blocked.", 1),
    ("Roe was designated for his role in the fraud; Roe was also designated for acting "
     "for the ministry.", 1),
    ("Today, OFAC designated four firms for their support to Acme Oil, an entity designated "
     "by Treasury in January 2023.", 1),
    ("OFAC designated Jane Roe pursuant to Executive Order (E.O.) 14098, which imposes "
     "sanctions on persons who undermine peace in Sudan.", 1),
    # sanctions and visa restrictions are two measures
    ("Treasury sanctioned two judges, and the State Department imposed visa restrictions "
     "on them.", 2),
]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = {s for s, _ in MUST} | {s for s, _ in MUST_NOT} | {s for s, _ in COUNTS} | {
        s for s, _, _ in NOT_AS}
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST,
                         ids=[f"{e[0]}: {s[:50]}" for s, e in MUST])
def test_event_is_found(sentence: str, expected: Expected,
                        extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], expected,
                 ("type", "subtype", "modality", "actor", "target"))


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_event_is_not_misread(sentence: str, type_: str,
                              extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_)


@pytest.mark.parametrize(("sentence", "count"), COUNTS, ids=[s[:50] for s, _ in COUNTS])
def test_one_measure_is_one_event(sentence: str, count: int,
                                  extracted: dict[str, list[Event]]) -> None:
    found = [e for e in extracted[sentence] if e.type == "SANCTION"]
    assert len(found) == count, found


@pytest.mark.parametrize(("sentence", "type_", "modalities"), NOT_AS,
                         ids=[f"{t}: {s[:50]}" for s, t, _ in NOT_AS])
def test_modality_is_not_misread(sentence: str, type_: str, modalities: tuple[str, ...],
                                 extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_, modalities)

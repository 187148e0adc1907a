"""Sanctions, coercion and investigation in the wording of real government prose and
news (issue 10): the measure told by its noun and its verb at once, designations named
"today" in passing, a sector that names the target, diplomatic recalls, import bans;
detentions judged "unjust" or "arbitrary", arrests someone helped coordinate, seizures
in relative clauses, and captures of territory that are fighting, not seizures. Every
sentence is our own, written in the style of the errors seen on the real dev split.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each, shown

# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str | None, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # sanctions: a verb of the day's action, a measure taken by others
    ("Today's action targets two Iranian banks that finance the militia.",
     ("SANCTION", "economic", "asserted", set(), {"IRN"})),
    ("The Treasury Department is targeting two Syrian officials for their role in the siege.",
     ("SANCTION", "economic", "asserted", {"USA"}, {"SYR"})),
    ("The firms targeted today move oil for the Iranian navy in breach of US sanctions.",
     ("SANCTION", "economic", "asserted", set(), set())),
    ("Acme Trading, also designated today, shipped parts to a militia in 2019.",
     ("SANCTION", "economic", "asserted", set(), set())),
    ("Our allies have taken sanctions measures of their own.",
     ("SANCTION", "economic", "asserted", set(), set())),
    # costs imposed by a government are a measure
    ("Washington imposed heavy costs on Moscow with new export bans.",
     ("SANCTION", "economic", "asserted", {"USA"}, {"RUS"})),
    # diplomatic measures and import bans
    ("Poland recalled its ambassador to Belarus after the border incident.",
     ("SANCTION", "diplomatic", "asserted", {"POL"}, {"BLR"})),
    ("The new decree imposes import and export restrictions on Belarus.",
     ("SANCTION", "embargo", "asserted", set(), {"BLR"})),
    ("The new decree imposes import and export restrictions on Belarus.",
     ("SANCTION", "export_control", "asserted", set(), {"BLR"})),
    ("London announced an import ban on Russian steel.",
     ("SANCTION", "embargo", "asserted", {"GBR"}, {"RUS"})),
    # today's action said to hit someone; vessels identified as blocked property
    ("Today's action against Acme Shipping shows our resolve to cut off the network's "
     "funding.", ("SANCTION", "economic", "asserted", set(), set())),
    ("Today's sanctions will further curtail the regime's access to hard currency.",
     ("SANCTION", "economic", "asserted", set(), set())),
    ("OFAC also identified two tankers as blocked property.",
     ("SANCTION", "asset_freeze", "asserted", {"USA"}, set())),
    # withdrawing recognition is a diplomatic measure
    ("Paraguay withdrew its recognition of the breakaway republic.",
     ("SANCTION", "diplomatic", "asserted", {"PRY"}, set())),
    ("Chile announced the withdrawal of its recognition of the rebel government.",
     ("SANCTION", "diplomatic", "asserted", {"CHL"}, set())),
    # the blocking rule today's action sets is in force now
    ("As a result of today's action, all property of these firms in the United States "
     "must be blocked.", ("SANCTION", "asset_freeze", "asserted", set(), set())),
    # "X-related" names what the measure is about: the target, not the actor
    ("Treasury announced North Korea-related designations of two shipping firms.",
     ("SANCTION", "economic", "asserted", {"USA"}, {"PRK"})),
    # ... and an imposed package's listed measures are imposed too
    ("The EU imposed new sanctions, including asset freezes and travel bans, on the junta.",
     ("SANCTION", "asset_freeze", "asserted", set(), set())),
    # designations in the words of US criteria are the United States'
    ("Acme Holdings was designated for being owned or controlled by, directly or "
     "indirectly, the cartel.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
    ("Two brokers are being designated pursuant to Executive Order (E.O.) 13224 for "
     "acting for the militia.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
    # the target from the sector a designation names
    ("Acme Trading is being designated pursuant to E.O. 14024 for operating in the energy "
     "sector of the Russian Federation economy.",
     ("SANCTION", "economic", "asserted", {"USA"}, {"RUS"})),
    ("Two firms were sanctioned for operating in Iran's petroleum sector.",
     ("SANCTION", "economic", "asserted", set(), {"IRN"})),
    # coercion judged as unjust or arbitrary is taking place, whatever frames it
    ("The government's unjust detention of the two reporters must end.",
     ("COERCE", None, "asserted", set(), set())),
    ("We urge Iran to end its arbitrary detentions of foreign nationals.",
     ("COERCE", None, "asserted", {"IRN"}, set())),  # "its": Iran's
    ("The opposition denounced the brutal crackdown on the student movement.",
     ("COERCE", None, "asserted", set(), set())),
    # a coercion noun as the subject of "threaten": what it threatens is not the arrest
    ("The arrest of opposition leaders now threatens the fragile transition.",
     ("COERCE", None, "asserted", set(), set())),
    # taking part in an arrest, a seizure told in a relative clause
    ("The Justice Department helped coordinate the arrest of the smuggler.",
     ("COERCE", None, "asserted", {"USA"}, set())),
    ("The former mayor was involved in mass arrests of Tatar activists.",
     ("COERCE", None, "asserted", set(), set())),
    ("Customs officers found two crates that were seized at the port.",
     ("COERCE", None, "asserted", set(), set())),
    ("Police seized two tonnes of cocaine at the border.",
     ("COERCE", None, "asserted", set(), set())),
    # an investigation someone assists in, takes part in, or that something follows
    ("Swiss prosecutors say the FBI is assisting in the investigation.",
     ("INVESTIGATE", None, "asserted", set(), set())),
    ("The minister testified on Monday as part of a probe into campaign funding.",
     ("INVESTIGATE", None, "asserted", set(), set())),
    ("The mayor resigned following an inquiry prompted by the bridge collapse.",
     ("INVESTIGATE", None, "asserted", set(), set())),
    # an arrest that reactions are about; custody; bans on media; looting by an army
    ("Unions voiced anger over the arrest of three dock workers.",
     ("COERCE", None, "asserted", set(), set())),
    ("The fugitive was taken into custody near the border on Friday.",
     ("COERCE", None, "asserted", set(), set())),
    ("Federal agents took custody of the suspect at the airport.",
     ("COERCE", None, "asserted", set(), set())),
    ("The junta banned the newspaper for a month.",
     ("COERCE", None, "asserted", set(), set())),
    ("Occupying troops looted the regional museum.",
     ("COERCE", None, "asserted", set(), set())),
    ("Soldiers were seen stealing grain from the farms.",
     ("COERCE", None, "asserted", set(), set())),
]

# sentence → type that must not be found
MUST_NOT: list[tuple[str, str]] = [
    # the noun and the verb tell one measure: one event (checked below), and none of these
    ("The company took measures to protect its staff.", "SANCTION"),
    ("The city is designating three new parks as quiet zones.", "SANCTION"),
    ("The United States will keep working with partners to take action against anyone "
     "undermining the peace process.", "SANCTION"),
    # measures listed under a noun share its frame: a means of response, not an action
    ("The two leaders stressed their unity in answering the invasion through sanctions, "
     "including financial sanctions and export controls, taken with partners.", "SANCTION"),
    # a sanctions programme is the standing regime, not a new measure
    ("OFAC today issued a general license in the Russia-related sanctions program.",
     "SANCTION"),
    # sanctions in force said to do harm: an effect
    ("Even the Kremlin admits that the sanctions have imposed heavy costs on its economy.",
     "SANCTION"),
    # a campaign summed up; today's action with no new content; the day's designees
    # repeated in passing
    ("Allies have imposed several waves of sanctions to weaken the regime.", "SANCTION"),
    ("Today's action builds on earlier steps against the network.", "SANCTION"),
    ("Police later detained one of the individuals whom OFAC is sanctioning today.",
     "SANCTION"),
    # a relative clause in a sentence about earlier actions is background too
    ("In earlier actions against the cartel, OFAC designated a dozen firms, including a "
     "hotel that was designated alongside its owner.", "SANCTION"),
    # capturing ground or power is fighting or a coup, not a seizure of property
    ("Rebels seized control of the northern town on Sunday.", "COERCE"),
    ("The militia seized vast swathes of territory in 2012.", "COERCE"),
    ("The generals seized power in a bloodless coup.", "COERCE"),
    ("Kyiv's forces took back villages seized by Russian troops last spring.", "COERCE"),
    # a reward for information leading to an arrest: no arrest yet
    ("The reward is for information leading to the arrest of the smuggler.", "COERCE"),
    # banning a practice, stealing votes or ideas: no coercion
    ("The council banned smoking in parks.", "COERCE"),
    ("The rival campaign was accused of stealing ideas.", "COERCE"),
    # a relative clause that only describes is no seizure
    ("Officials who had reviewed the case said a verdict was near.", "COERCE"),
]

ONE_MEASURE = "These sanctions target three shipping firms that carry Venezuelan oil."
# the speaker judges another's act: not the speaker's own detention
JUDGED = ("“The unjust detention of the two reporters is unacceptable,” said Treasury "
          "Secretary Janet Yellen.")


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _ in MUST_NOT} | {ONE_MEASURE, JUDGED})
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST, ids=[s[:60] for s, _ in MUST])
def test_event_is_found(sentence: str, expected: Expected,
                        extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], expected, ("type", "subtype", "modality", "actor", "target"))


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_event_is_not_misread(sentence: str, type_: str,
                              extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_)


def test_one_measure_told_by_noun_and_verb_is_one_event(
        extracted: dict[str, list[Event]]) -> None:
    measures = [e for e in extracted[ONE_MEASURE] if e.type == "SANCTION"]
    assert len(measures) == 1, [shown(e) for e in measures]


def test_a_judged_detention_is_not_the_speakers_own(extracted: dict[str, list[Event]]) -> None:
    detentions = [e for e in extracted[JUDGED] if e.type == "COERCE"]
    assert detentions, [shown(e) for e in extracted[JUDGED]]
    assert all("USA" not in {p.code for p in e.actor} for e in detentions), \
        [shown(e) for e in detentions]

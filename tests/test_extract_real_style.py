"""Extraction on the kinds of wording real reporting and government prose use (issue 10):
nominal and adjectival supply mentions, requests for weapons, reported plans and
hedged reports, negation, targets in odd places, designations. Every sentence is our
own, written in the style of the error classes seen on real text; none is corpus text.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each, shown

# sentence → an event it must hold: (type, subtype, modality, hedged, actor, target)
Expected = tuple[str, str | None, str, bool, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # nominal and adjectival supply mentions
    ("Overnight, Russian troops fired Iranian-provided drones at Odesa.",
     ("AID", "military", "asserted", False, {"IRN"}, {"RUS"})),
    ("The Pentagon unveiled a new $400 million security package for Ukraine on Tuesday.",
     ("AID", "military", "asserted", False, {"USA"}, {"UKR"})),
    ("Officials talked about the supply of air defence systems to Kyiv.",
     ("AID", "military", "discussed", False, set(), {"UKR"})),
    ("Turkey and Qatar are discussing a deal for armed drones.",
     ("AID", "military", "discussed", False, {"TUR", "QAT"}, set())),
    # requests for weapons: AID discussed beside the REQUEST
    ("Ukraine asked Germany for more tanks.",
     ("AID", "military", "discussed", False, {"DEU"}, {"UKR"})),
    ("Ukraine asked Germany for more tanks.",
     ("REQUEST", None, "asserted", False, {"UKR"}, {"DEU"})),
    ("Kyiv has requested additional Patriot batteries from Washington.",
     ("AID", "military", "discussed", False, {"USA"}, {"UKR"})),
    ("Moscow seeks to acquire ballistic missiles from North Korea.",
     ("AID", "military", "discussed", False, {"PRK"}, {"RUS"})),
    ("Iran is trying to covertly acquire munitions for its proxies.",
     ("AID", "military", "discussed", False, set(), {"IRN"})),
    # reported plans, hedged reports, comments on an event
    ("US officials intend to send cluster munitions to Ukraine.",
     ("AID", "military", "planned", False, {"USA"}, {"UKR"})),
    ("North Korea may have sent artillery shells to Russia.",
     ("AID", "military", "asserted", True, {"PRK"}, {"RUS"})),
    ("The transfer would be the first instance of Iran supplying ballistic missiles to "
     "Russia.", ("AID", "military", "asserted", False, {"IRN"}, {"RUS"})),
    # negation and failure
    ("Rome had no plans to deliver any tanks to Kyiv.",
     ("AID", "military", "negated", False, {"ITA"}, {"UKR"})),
    ("The two sides failed to agree on a ceasefire.",
     ("AGREE", None, "negated", False, set(), set())),
    ("Officials did not specify the kinds of drones Iran will be supplying.",
     ("AID", "military", "planned", False, {"IRN"}, set())),
    # targets and suppliers in odd places
    ("The shipments of shells were received by Russia from North Korea.",
     ("AID", "military", "asserted", False, {"PRK"}, {"RUS"})),
    ("Russia received attack drones from Iran last year.",
     ("AID", "military", "asserted", False, {"IRN"}, {"RUS"})),
    # government prose
    ("OFAC is designating twelve entities based in China.",
     ("SANCTION", "economic", "asserted", False, {"USA"}, {"CHN"})),
    ("Treasury is imposing sanctions on five Iranian officials.",
     ("SANCTION", "economic", "asserted", False, {"USA"}, {"IRN"})),
    ("The trading company is being designated pursuant to E.O. 14024 for operating in "
     "the defense sector.", ("SANCTION", "economic", "asserted", False, {"USA"}, set())),
    ("Today, the Department of the Treasury designated three Chinese companies.",
     ("SANCTION", "economic", "asserted", False, {"USA"}, {"CHN"})),
    ("OFAC struck two trading houses off the SDN List, and removed a shipping firm from "
     "the SDN List as well.", ("CONCEDE", None, "asserted", False, {"USA"}, set())),
    ("Treasury issued a general license for dealings with the state airline.",
     ("CONCEDE", None, "asserted", False, {"USA"}, set())),
    # a designation's reason is an event of its own; an accusation's is alleged
    ("Two Chinese firms were designated for supplying drone engines to Russia.",
     ("AID", "military", "asserted", False, {"CHN"}, {"RUS"})),
    ("A Turkish trader was accused of shipping rifles to Syria.",
     ("AID", "military", "asserted", True, {"TUR"}, {"SYR"})),
    # amounts "in" aid name the aid; a pledge of aid is AID planned
    ("The United States has provided more than $4 billion in humanitarian aid to Syria "
     "since 2020.", ("AID", "humanitarian", "asserted", False, {"USA"}, {"SYR"})),
    ("Germany pledged 1 billion euros in military aid to Ukraine.",
     ("AID", "military", "planned", False, {"DEU"}, {"UKR"})),
    # a plan's bullet, and a consequence under 'if'
    ("Provide $10 million to Moldova for energy security.",
     ("AID", "economic", "planned", False, set(), {"MDA"})),
    ("If Moscow invades, Washington will impose severe costs on Russia.",
     ("SANCTION", "economic", "hypothetical", False, {"USA"}, {"RUS"})),
    # event nouns that name whom or where, with no verb over them
    ("A rocket attack on a crowded market in Kharkiv, Ukraine, left dozens dead.",
     ("ASSAULT", None, "asserted", False, set(), {"UKR"})),
    ("The arrest of four Turkish journalists drew wide criticism.",
     ("COERCE", None, "asserted", False, set(), {"TUR"})),
    ("Iran vowed revenge after the killing of an Iranian general.",
     ("ASSAULT", None, "asserted", False, set(), {"IRN"})),
    ("The ministry expressed deep concern over the detention of the activists.",
     ("ACCUSE", None, "asserted", False, set(), set())),
    ("A businessman accused of smuggling gold out of Venezuela was indicted in Miami.",
     ("ACCUSE", None, "asserted", False, set(), set())),
    ("The former governor was sentenced to nine years in prison.",
     ("COERCE", None, "asserted", False, set(), set())),
    ("OFAC took action today against two facilitators of the group by designating them.",
     ("SANCTION", "economic", "asserted", False, {"USA"}, set())),
    ("Washington imposed sweeping sanctions and new export controls on Russia.",
     ("SANCTION", "export_control", "asserted", False, {"USA"}, {"RUS"})),
    ("Today's action targets Iranian banks that finance the missile programme.",
     ("SANCTION", "economic", "asserted", False, set(), {"IRN"})),
    ("Treasury is targeting three Syrian officials for their part in the siege.",
     ("SANCTION", "economic", "asserted", False, {"USA"}, {"SYR"})),
    ("Poland condemned the drone attack on a hospital in Kharkiv, Ukraine.",
     ("ASSAULT", None, "asserted", False, set(), {"UKR"})),
    ("Washington and Brussels intend to enhance cooperation on export controls.",
     ("COOPERATE", None, "planned", False, {"USA", "EU"}, set())),
    ("Seoul and Washington coordinated closely on the response to the launches.",
     ("COOPERATE", None, "asserted", False, {"KOR", "USA"}, set())),
    # a threat made now, in the future tense; agreement to act, not in opinion
    ("We will hold the Russian government accountable for these crimes.",
     ("THREATEN", None, "asserted", False, set(), {"RUS"})),
    ("China committed to further opening its bond market to foreign investors.",
     ("AGREE", None, "asserted", False, {"CHN"}, set())),
    ("OFAC is issuing General License 12B to allow the wind-down of dealings with the port.",
     ("CONCEDE", None, "asserted", False, {"USA"}, set())),
    ("Swiss police seized records from the bank in an investigation into tax fraud.",
     ("INVESTIGATE", None, "asserted", False, {"CHE"}, set())),
    ("The Moldovan president's state visit to Russia ended on Friday.",
     ("CONSULT", None, "asserted", False, {"MDA"}, {"RUS"})),
    ("The former mayor was found guilty of taking bribes.",
     ("ACCUSE", None, "asserted", False, set(), set())),
    ("The United States stands with the people of Ukraine.",
     ("SUPPORT", None, "asserted", False, {"USA"}, {"UKR"})),
    ("Gunmen kidnapped forty villagers in northern Nigeria.",
     ("ASSAULT", None, "asserted", False, set(), {"NGA"})),
    # facts inside other frames: a participle, a clause of time; an inability
    ("Brazil called for the release of the activists detained by Venezuelan police.",
     ("COERCE", None, "asserted", False, {"VEN"}, set())),
    ("The city braced for protests after police arrested nine students.",
     ("COERCE", None, "asserted", False, set(), set())),
    ("Without new funding, US agencies will be unable to provide food aid to Sudan.",
     ("AID", "humanitarian", "hypothetical", False, {"USA"}, {"SDN"})),
    ("As a result of today's action, all property of the two firms in the United States "
     "is blocked and must be reported to OFAC.",
     ("SANCTION", "asset_freeze", "asserted", False, {"USA"}, set())),
]

# sentence → (type, modalities it must not have); an empty tuple: no event of the type
MUST_NOT: list[tuple[str, str, tuple[str, ...]]] = [
    # the army is the recipient, not the goods: no arms delivery to Russia
    ("The ministry sanctioned firms that supply the Russian military.", "AID", ()),
    ("Rome had no plans to deliver any tanks to Kyiv.", "AID", ("planned", "asserted")),
    ("North Korea may have sent artillery shells to Russia.", "AID", ("hypothetical",)),
    ("The transfer would be the first instance of Iran supplying ballistic missiles to "
     "Russia.", "AID", ("hypothetical",)),
    ("Officials did not specify the kinds of drones Iran will be supplying.", "AID",
     ("negated",)),
    # a civil penalty is no agreement; an earlier sanction recalled is no new one
    ("The bank agreed to pay $2 million to settle its liability for apparent violations.",
     "AGREE", ()),
    ("The trading firm was previously designated by OFAC.", "SANCTION", ()),
    ("The bank was sanctioned in 2019 for helping Iran move money.", "SANCTION", ()),
    ("Today's action builds on earlier measures against the regime.", "SANCTION", ()),
    # the warning is real; only what it threatens is conditional
    ("Washington warned Ankara of sanctions if it bought more Russian jets.", "THREATEN",
     ("hypothetical",)),
    # words with other senses: showing, meeting a goal, seizing a chance, releasing a report
    ("Today's action demonstrates our resolve to protect the financial system.", "PROTEST",
     ()),
    ("New factories will help meet the demand for batteries.", "CONSULT", ()),
    ("Exporters should seize the moment to diversify their markets.", "COERCE", ()),
    ("The ministry released its annual report on Tuesday.", "CONCEDE", ()),
    ("The new law will support rural broadband networks.", "SUPPORT", ()),
    ("The unemployment rate declined to four percent in May.", "REJECT", ()),
    ("The agency is committed to enforcing the law.", "AGREE", ()),
    # the day's designations repeated in a chart line, and background
    ("Further details on the persons designated today are in the chart below.", "SANCTION",
     ()),
    ("The secretary designated her deputy as acting commissioner.", "SANCTION", ()),
    ("Firms that evade sanctions face heavy fines.", "SANCTION", ()),
    ("No federal agency was designated as a registration office for thirty years.",
     "SANCTION", ()),
    ("The two firms were also designated on March 3, 2021, for shipping oil.", "SANCTION",
     ()),
    ("To date, Treasury has sanctioned hundreds of people involved in the scheme.",
     "SANCTION", ()),
    ("The agency will keep enforcing existing sanctions.", "SANCTION", ()),
    ("We continue to identify the group's financiers and target them for sanctions.",
     "SANCTION", ()),
    ("Following several OFAC designations in the 1990s, local police raided the cartel.",
     "SANCTION", ()),
    ("The two governments will cooperate on the use of sanctions against fraudsters.",
     "SANCTION", ()),
    ("Sanctions were always intended as a means to bring the regime to the table.",
     "SANCTION", ()),
    ("Committee members agreed with that assessment of the bond market.", "AGREE", ()),
    ("The firms agree that the safeguards are vital.", "AGREE", ()),
    ("The agency has committed to enforcing the privacy rules.", "AGREE", ()),
    # a threat needs someone who threatens; a demand someone asked or something demanded
    ("Rising sea levels threaten coastal towns across the region.", "THREATEN", ()),
    ("Scientists have warned for years that the glaciers are shrinking.", "THREATEN", ()),
    ("Good governance demands patience and steady leadership.", "REQUEST", ()),
    ("Answers are listed in the Frequently Asked Questions section.", "REQUEST", ()),
    # a law or budget that "provides" money spends it at home
    ("The new law provides $44 billion over five years for water programmes.", "AID", ()),
    # people evacuated from a disaster, an order withdrawn, tools deployed
    ("About 40,000 residents were evacuated as the river burst its banks.", "RETREAT", ()),
    ("The ministry withdrew its order on Friday.", "RETREAT", ()),
    ("The agency deployed new tools to help families keep their homes.", "MOBILIZE", ()),
    # asking for something other than goods is a REQUEST only
    ("The ministry asked the court for more time.", "AID", ()),
    ("Germany urged Iran to release the detained journalists.", "CONCEDE",
     ("asserted", "discussed")),
]


ONE_ATTACK = "A car bomb attack killed twelve soldiers in Mogadishu."


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _, _ in MUST_NOT} | {ONE_ATTACK})
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST, ids=[s[:60] for s, _ in MUST])
def test_event_is_found(sentence: str, expected: Expected,
                        extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], expected,
                 ("type", "subtype", "modality", "hedged", "actor", "target"))


@pytest.mark.parametrize(("sentence", "type_", "modalities"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t, _ in MUST_NOT])
def test_event_is_not_misread(sentence: str, type_: str, modalities: tuple[str, ...],
                              extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_, modalities)


def test_one_attack_told_by_noun_and_verb_is_one_event(
        extracted: dict[str, list[Event]]) -> None:
    attacks = [e for e in extracted[ONE_ATTACK] if e.type == "ASSAULT"]
    assert len(attacks) == 1, [shown(e) for e in attacks]

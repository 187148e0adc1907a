"""Military aid in the wording of government prose outside the annotated sample (issue
10; read on fresh White House and Treasury documents with bench/fresh_review.py): a
supply told in a relative clause ("Iran, which supplies them with..."), "efforts to
provide X with...", "reports that X may supply...", "the arrival of tanks in X", a
drawdown standing alone, "the package announced by X", "the announcement of $X in military
aid", a list of kinds after an amount, a "will" reported in the past
("affirmed that X would keep supplying"), "food security assistance" (humanitarian, not
military); and the look-alikes: a gunman "armed with" a
rifle, an oil-reserve "drawdown", "military families" given access to care. Every
sentence is our own, written in the style of the cases seen; none is corpus text.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event
from alerter.rules.engine import RuleEngine
from alerter.rules.loader import load_rules
from alerter.sources.documents import RawDocument, to_document

from .conftest import ROOT
from .sentences import PUBLISHED, assert_found, extract_each, shown

# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # a supply told in a relative clause, with a coded side
    ("The rebels strike ships with help from Iran, which supplies them with rockets and "
     "drone parts.", ("AID", "military", "asserted", {"IRN"}, set())),
    ("Acme Haulage is a freight firm that has shipped rifles from Iraq to Syria.",
     ("AID", "military", "asserted", set(), {"SYR"})),
    ("The minister praised the partners who have delivered artillery shells to Ukraine.",
     ("AID", "military", "asserted", set(), {"UKR"})),
    # arming as an act, with its giver
    ("Armed groups supplied and armed by Iran fired on the base.",
     ("AID", "military", "asserted", {"IRN"}, set())),
    ("Tehran has armed the militia with short-range missiles.",
     ("AID", "military", "asserted", {"IRN"}, set())),
    # an arms drawdown for a named country
    ("The Pentagon unveiled a fresh drawdown of munitions for Taiwan.",
     ("AID", "military", "asserted", {"USA"}, {"TWN"})),
    ("The President authorized a drawdown of up to $100 million in arms for Ukraine.",
     ("AID", "military", "asserted", set(), {"UKR"})),
    # an aid noun told by a participle of a governing verb, or by "announcement of"
    ("It is the fourth security assistance package announced by the United States this "
     "spring.", ("AID", "military", "asserted", {"USA"}, set())),
    ("The military aid promised by Norway will arrive next spring.",
     ("AID", "military", "planned", {"NOR"}, set())),
    ("The minister previewed her announcement of $90 million in military aid.",
     ("AID", "military", "asserted", set(), set())),
    ("Germany has delivered air defence radars to Ukraine in addition to military aid.",
     ("AID", "military", "asserted", {"DEU"}, {"UKR"})),
    # a supply listed under help for a named party
    ("Our help for Latvia, including the delivery of armoured vehicles, goes on.",
     ("AID", "military", "asserted", set(), {"LVA"})),
    # goods smuggled or trafficked to a named side
    ("Tehran smuggled rockets to its allies in Syria.",
     ("AID", "military", "asserted", {"IRN"}, {"SYR"})),
    ("The network has trafficked rifles to Mexican cartels for years.",
     ("AID", "military", "asserted", set(), {"MEX"})),
    # the giver on the goods, not the verb
    ("The militia receives rockets and cash from Iran.",
     ("AID", "military", "asserted", {"IRN"}, set())),
    # the US as a recipient of another country's goods is no domestic programme
    ("South Korea will transfer artillery shells to the United States.",
     ("AID", "military", "planned", {"KOR"}, {"USA"})),
    ("We help Kenya through the delivery of armoured vehicles.",
     ("AID", "military", "asserted", set(), {"KEN"})),
    # forces sent to fight for a named side (README decisions: AID/military)
    ("Burundi has sent soldiers to support the FDLR rebels in North Kivu.",
     ("AID", "military", "asserted", {"BDI"}, set())),
    # a request by a coded party stays
    ("Kyiv asked its partners for more artillery shells.",
     ("AID", "military", "discussed", set(), {"UKR"})),
    # goods that arrive somewhere
    ("Officials welcomed the arrival of the first Leopard tanks in Ukraine.",
     ("AID", "military", "asserted", set(), set())),
    # the clause a noun reports
    ("We share concerns over reports that Iran may supply ballistic missiles to Russia.",
     ("AID", "military", "hypothetical", {"IRN"}, {"RUS"})),
    # security assistance for fighting forces stays military
    ("Washington announced new security assistance for Ukraine.",
     ("AID", "military", "asserted", {"USA"}, {"UKR"})),
    # the to-infinitive of an effort with a coded side
    ("The ministers reviewed their efforts to provide Moldova with air defence radars.",
     ("AID", "military", "discussed", set(), {"MDA"})),
    ("Poland stepped up its efforts to send artillery shells to Ukraine.",
     ("AID", "military", "asserted", {"POL"}, {"UKR"})),
    # a "will" reported in the past: planned
    ("The envoy affirmed that Japan would keep supplying Ukraine with generators and "
     "armoured vehicles.", ("AID", "military", "planned", {"JPN"}, {"UKR"})),
    # a list of kinds after an amount: one event per kind
    ("Since 2010 the United States has provided $2 billion in development, health, and "
     "security assistance to Kenya.", ("AID", "military", "asserted", {"USA"}, {"KEN"})),
    ("Since 2010 the United States has provided $2 billion in development, health, and "
     "security assistance to Kenya.", ("AID", "economic", "asserted", {"USA"}, {"KEN"})),
    ("Since 2010 the United States has provided $2 billion in development, health, and "
     "security assistance to Kenya.", ("AID", "humanitarian", "asserted", {"USA"}, {"KEN"})),
    # food or health security assistance feeds and heals: humanitarian
    ("The United States will provide $40 million in food security assistance to Malawi.",
     ("AID", "humanitarian", "planned", {"USA"}, {"MWI"})),
    ("Canada announced new health security assistance for Liberia.",
     ("AID", "humanitarian", "asserted", {"CAN"}, {"LBR"})),
]

# sentence → (type, subtype or modality) it must not hold (None: any)
MUST_NOT: list[tuple[str, tuple[str, str | None]]] = [
    # what someone carries is no supply
    ("A gunman armed with a shotgun wounded three people outside a school.", ("AID", None)),
    ("The attackers were armed with knives and iron bars.", ("AID", None)),
    ("Police say the suspect, armed with an assault rifle, fled on foot.", ("AID", None)),
    ("Armed with clubs and shields, the rioters broke through the police line.",
     ("AID", None)),
    # buying or seeking with nobody coded is trade, not aid
    ("Receipts from foreign buyers for weapons purchases were higher than forecast.",
     ("AID", None)),
    ("The broker has sought long-range drones for the cartel.", ("AID", None)),
    ("The cartel smuggled fentanyl into the United States.", ("AID", None)),
    ("The airlift has transported 30 million bottles of formula to the U.S.", ("AID", None)),
    ("The governor sent troops to the border to help Customs officers.", ("AID", None)),
    # a drawdown of oil or stock is no arms
    ("The sale completes the large drawdown of the oil reserve ordered in March.",
     ("AID", None)),
    ("Retail inventories recovered only part of last year's drawdown.", ("AID", None)),
    # people helped are no goods
    ("The plan gives veterans and military families easier access to counselling.",
     ("AID", None)),
    # drugs are trafficked, not given as help, however lethal
    ("The ring makes and sells lethal narcotics to buyers in Canada.", ("AID", None)),
    ("The cartel supplies lethal fentanyl to dealers in Mexico.", ("AID", None)),
    # food security assistance is not military
    ("The United States will provide $40 million in food security assistance to Malawi.",
     ("AID", "military")),
    # an effort with nobody coded is a domestic programme's
    ("The agency widened its efforts to provide grants to rural clinics.", ("AID", None)),
    ("There are reports that the bank offers loans to small farms.", ("AID", None)),
    ("Officials marked the arrival of the new ambassador in Kenya.", ("AID", None)),
    ("The report examined the aid programmes reviewed by the board last year.",
     ("AID", None)),
    ("Beyond the student debt relief announced by the President in May, the plan adds more.",
     ("AID", None)),
    # a conditional "would" stays hypothetical
    ("The minister said Canada would send drones if the talks failed.", ("AID", "planned")),
    ("She said that lethal aid to Minsk would cross a red line.", ("AID", "planned")),
    ("Last year Japan committed $5 billion in humanitarian and food security assistance.",
     ("AID", "military")),
    # a relative clause with nobody coded tells no aid abroad
    ("The fund backs lenders that provide loans to small farms in rural counties.",
     ("AID", None)),
]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _ in MUST_NOT})
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST,
                         ids=[f"{e[1]}-{e[2]}: {s[:50]}" for s, e in MUST])
def test_military_aid_is_found(sentence: str, expected: Expected,
                               extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], expected,
                 ("type", "subtype", "modality", "actor", "target"))


@pytest.mark.parametrize(("sentence", "unwanted"), MUST_NOT,
                         ids=[f"{u[0]}/{u[1]}: {s[:50]}" for s, u in MUST_NOT])
def test_no_military_aid_is_misread(sentence: str, unwanted: tuple[str, str | None],
                                    extracted: dict[str, list[Event]]) -> None:
    type_, subtype = unwanted
    wrong = [e for e in extracted[sentence]
             if e.type == type_ and (subtype is None or subtype in (e.subtype, e.modality))]
    assert not wrong, [shown(e) for e in wrong]


# default arms rules on the new wordings: (rule id, sentence, fires)
RULE_CASES: list[tuple[str, str, bool]] = [
    ("arms-delivered", "The militia received rockets and cash from Iran last month.", True),
    ("arms-delivered", "Tehran smuggled rockets to its allies in Syria.", True),
    ("arms-delivered", "A gunman armed with a shotgun wounded three people outside a school.",
     False),
    ("arms-delivered", "The Pentagon unveiled a fresh drawdown of munitions for Taiwan.", False),
    ("arms-package-committed", "The Pentagon unveiled a fresh drawdown of munitions for Taiwan.",
     True),
    ("arms-package-committed",
     "The United States will provide $40 million in food security assistance to Malawi.", False),
]


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), RULE_CASES,
                         ids=[f"{r}-{f}: {s[:40]}" for r, s, f in RULE_CASES])
def test_arms_rule_on_new_wordings(rule_id: str, sentence: str, fires: bool,
                                   extractor: Extractor) -> None:
    raw = RawDocument(text=sentence, origin="test", id="s", published=PUBLISHED)
    document = to_document(raw, PUBLISHED, None)
    assert document is not None
    ((doc, events),) = list(extractor.extract([document]))
    engine = RuleEngine(load_rules([ROOT / "rules"]))
    fired = [e for e in events if rule_id in {h.rule.rule.id for h in engine.hits(e, doc)}]
    assert bool(fired) is fires, [shown(e) for e in events]

"""Stances and refusals that stay at home or in trade, read on fresh government prose
(issue 10, round 5):

- praise with no party but the United States in the sentence is praise of one's own
  side, which the annotation conventions do not count as SUPPORT: "the Trust applauds
  the President for designating the monument", "we applaud the House's passage of the
  bill", "the Administration applauds the thirteen states that passed paid leave laws",
  "commended SBA for expanding licences"; but "commended Bahrain's ties with Israel",
  "the Teamsters applaud the tariffs on Chinese imports", "welcomed the International
  Finance Corporation's commitment" (an international body, though it has no code);
- joint work with no side but the United States in the sentence is no cooperation
  between parties (COOPERATE): "we worked together to deliver the tax credit", "the
  FBI and the Department of Defense are coordinating on the investigation", "DOE and the
  National Science Foundation will collaborate on research"; but "coordinated with allies
  and partners", "the FBI is assisting Norway's police";
- a "cooperative agreement" with no other side in the sentence is a federal grant, not
  an AGREE: "the Department of Labor announced a cooperative agreement with a training
  group";
- a refusal by a firm or a trader is commerce, not a refusal between parties (REJECT):
  "ocean carriers are refusing to take American exports", "banks refusing to open
  accounts", "the owners declined to divest", "Monsanto rejects a takeover bid".

Called from alerter/extract/event_checks.py's `_misread`.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.clauses import subject_of
from alerter.extract.participants import participants_in, phrase_tokens, sentence_codes

# Words that bring another side into a sentence without a code: "allies and partners",
# "the International Finance Corporation", "foreign governments", "countries".
_ABROAD = frozenset({"country", "nation", "ally", "partner", "counterpart", "international",
                     "foreign", "multilateral", "bilateral", "trilateral", "abroad", "overseas",
                     "worldwide", "world", "sides", "counterparts", "quad",
                     # titles no American office holds: "comments by the Crown Prince"
                     "prime", "crown", "prince", "king", "queen", "emir", "sultan", "sheikh",
                     "taoiseach", "premier", "minister",
                     # diplomacy: "Washington could back the draft resolution, a US
                     # diplomat said", "we welcome the opportunities the peace accord opens"
                     "diplomat", "diplomatic", "embassy", "peace", "accord", "ceasefire",
                     "truce", "transatlantic", "interpol", "europol"})


def at_home(trigger: Token) -> bool:
    """Give whether the trigger's sentence names no side but the United States, coded or
    not: "we applaud the House's passage of the bill", "we worked together to deliver the
    tax credit"; but "we commend the Kingdom of Saudi Arabia", "we welcome the IFC's
    commitment" (an international body), "coordinated with allies and partners"."""
    if not sentence_codes(trigger) <= {"USA"}:
        return False
    return not any(t.lemma_.lower() in _ABROAD or t.lower_ in _ABROAD for t in trigger.sent)


# Words of one government's own bodies and people: "the FBI and the Department of Defense",
# "state and local officials", "in government and with communities".
_HOME_BODIES = frozenset({"federal", "department", "agency", "congress", "congressional",
                          "state", "local", "county", "city", "community", "stakeholder",
                          "fbi", "doe", "omb", "ofac", "nsf", "dhs", "doj", "fema", "irs",
                          "hhs", "usda", "epa", "sba", "ostp", "nasa", "noaa", "interagency"})


def worked_at_home(trigger: Token) -> bool:
    """Give whether joint work is among one government's own bodies or people, with no
    other side in the sentence: "the FBI and the Department of Defense are coordinating on
    the investigation", "DOE and NSF will collaborate on research"; but "we will deepen
    our cooperation" (a joint statement's "we"), "coordinated with allies and partners"."""
    return at_home(trigger) and any(
        t.lemma_.lower() in _HOME_BODIES or t.lower_ in _HOME_BODIES or (
            t.lower_ == "government" and t.tag_ == "NN") for t in trigger.sent)


# Traders whose refusals are commerce: "banks refusing to open accounts for MSBs".
_TRADERS = frozenset({"bank", "carrier", "company", "firm", "insurer", "owner", "business",
                      "corporation", "lender", "employer", "landlord", "shipper", "airline",
                      "manufacturer", "seller", "buyer", "investor", "retailer", "vendor",
                      "supplier", "bidder", "shareholder", "insurance", "shipping",
                      "platform", "processor", "merchant", "dealer", "broker", "utility"})


def refused_in_trade(trigger: Token) -> bool:
    """Give whether a refusal is a trader's: "these ocean carriers are refusing to take
    American exports", "the owners declined to divest the assets", "Monsanto, an
    agrochemical company, rejects the takeover bid"; but "Russia refused to change
    course", "Republican leaders refused to bring the bill to a vote"."""
    subject = subject_of(trigger) if trigger.pos_ == "VERB" else None
    if subject is None:
        return False
    words = {t.lemma_.lower() for h in (subject, *subject.conjuncts) for t in phrase_tokens(h)}
    return bool(words & _TRADERS)


# Subjects that are several sides at once: "the two leaders", "both sides", "our countries".
_SIDES = frozenset({"side", "leader", "country", "nation", "government", "ally", "partner",
                    "minister", "delegation"})
_COUNTED = frozenset({"two", "three", "four", "both"})


def _codes_of(head: Token) -> set[str]:
    """Give the codes of the participants a phrase names."""
    return {p[2] for p in participants_in(phrase_tokens(head)) if p[2]}


def joint_subject(verb: Token) -> bool:
    """Give whether a verb's subject is several parties: "the United States and Thailand",
    "the two leaders", "both sides"; not "the Administration", "we", "President Biden and
    I", "the SBA and the Treasury" (one government)."""
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None) \
        if verb.dep_ == "acomp" else next(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    heads = [subject, *subject.conjuncts]
    if len(set().union(*(_codes_of(h) for h in heads))) >= 2:
        return True
    # "the two leaders", "both sides", "both"; not "the United States and our partners"
    # (only one party named)
    return any(h.lower_ == "both" or (h.lemma_.lower() in _SIDES and any(
        c.lower_ in _COUNTED for c in h.children)) for h in heads)


def stance_alone(trigger: Token) -> bool:
    """Give whether "is committed to" is one side's standing stance, which the README does
    not count as an agreement: "the Administration is committed to a whole-of-government
    approach", "we remain committed to assisting"; but "the United States and Thailand
    are committed to", "the two leaders remain committed to" (a commitment shared)."""
    # "is committed to"; but "$5 billion was committed by Japan" is a pledge made
    held = trigger.dep_ == "acomp" or (
        any(c.dep_ == "auxpass" for c in trigger.children) and
        not any(c.dep_ == "agent" for c in trigger.children))
    return trigger.lower_ == "committed" and held and not joint_subject(trigger)


# Verbs that grow joint work: "will increase their cooperation", "to advance cooperation".
_GROWING = frozenset({"pursue", "promote", "foster", "advance", "further", "increase",
                      "improve", "accelerate", "broaden", "intensify", "bolster", "boost",
                      "build", "expand", "deepen", "strengthen", "enhance", "upgrade",
                      "elevate"})


def grown_alone(trigger: Token) -> bool:
    """Give whether cooperation grown by a verb names no second party in its sentence: "the
    IMF's mission is to promote monetary cooperation", "increased coordination among
    regulators"; but "Canada and the United States will increase cooperation", "the two
    countries will deepen cooperation"."""
    if trigger.lemma_ not in _GROWING or trigger.pos_ != "VERB":
        return False
    if sentence_codes(trigger) - {"USA"}:
        return False
    return not any(t.lower_ in ("both", "bilateral", "trilateral") or (
        t.lemma_.lower() in _SIDES and any(c.lower_ in _COUNTED or c.lower_ == "our"
                                           for c in t.children) and t.tag_ == "NNS")
        for t in trigger.sent)


# Verbs that start a partnership: "launched a new partnership with".
_LAUNCHING = frozenset({"announce", "launch", "establish", "form", "unveil"})


def partnered_at_home(trigger: Token) -> bool:
    """Give whether a partnership launched names no side but the United States: "launched
    a new partnership with Head Start", "announced a partnership with HUD"; but "launched a
    semiconductor partnership with Vietnam", "the United States and Japan announce a
    partnership"."""
    return trigger.lemma_ in _LAUNCHING and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("partnership", "partnerships")
        for c in trigger.children) and at_home(trigger)


def misread(trigger: Token, type_name: str) -> bool:
    """Give whether a stance word is no event between parties: praise of or work with one's
    own side, a trader's refusal, one side's standing commitment."""
    if type_name == "SUPPORT":
        return at_home(trigger)  # README: praise of one's own side is not SUPPORT
    if type_name == "REJECT":
        return refused_in_trade(trigger)
    if type_name == "AGREE":
        # "the Department of Labor announced a $20 million cooperative agreement with a
        # training group": a federal grant, not an accord between parties
        return stance_alone(trigger) or partnered_at_home(trigger) or (any(
            c.lower_ == "cooperative" for c in trigger.children) and at_home(trigger))
    if type_name == "COOPERATE":
        return grown_alone(trigger) or worked_at_home(trigger)
    return False

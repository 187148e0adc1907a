"""Diplomacy words that stay inside one side, read on fresh government prose (issue 10):
work "across the government" with no partner named, one government's committee or
officials discussing or agreeing among themselves ("the Committee agreed to discuss the
topic at a later meeting", "White House officials discussed the importance of ..."), a
firm or designee that "agreed to sell" goods (trade, not a deal between parties), and a
newcomer welcomed to a body's meeting ("welcomed Commissioner X to his first Council
meeting"). Called from alerter/extract/diplomacy.py's `misread`.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.clauses import subject_of
from alerter.extract.participants import participants_in, phrase_tokens

# What work "across" spans that is one side's own: "coordinate across government".
_SPANS = frozenset({"government", "administration", "agency", "department", "sector",
                    "level", "office", "team", "enterprise"})
_PARTNER_PREPS = frozenset({"with", "between", "among"})


def across_own_side(trigger: Token) -> bool:
    """Give whether cooperation spans only one side's bodies, with no partner named:
    "strengthening the coordination of efforts across government", "requires us to
    collaborate across the government and the private sector"; but "coordinate across
    government with our allies"."""
    if any(c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS for c in trigger.children):
        return False
    holders = [trigger, *(g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj")]
    return any(c.dep_ == "prep" and c.lower_ in ("across", "throughout") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _SPANS for g in c.children)
        for h in holders for c in h.children)


# One government's internal bodies and people: "the Committee", "White House officials".
_INTERNAL = frozenset({"committee", "subcommittee", "council", "official", "staff",
                       "member", "force", "board", "panel", "team", "chair", "working",
                       "group"})


def _foreign(token: Token) -> bool:
    """Give whether a phrase names a party other than the United States."""
    return any(p[2] and p[2] != "USA" for p in participants_in(phrase_tokens(token)))


def among_own(trigger: Token) -> bool:
    """Give whether talks or an agreement are one body's own: "the Committee agreed to
    discuss the topic later", "White House officials discussed the importance of hiring";
    but "the two leaders discussed", "U.S. and Japanese officials discussed", "officials
    discussed the matter with Mexico"."""
    if trigger.lemma_ not in ("discuss", "agree") or trigger.pos_ != "VERB":
        return False
    verb = trigger
    while verb.dep_ in ("xcomp", "conj") and verb.head.pos_ == "VERB" and not any(
            c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    if any(c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS
           for v in (trigger, verb) for c in v.children) or any(
            p[2] and p[2] != "USA" for p in participants_in(list(trigger.subtree))):
        return False  # "the Council agreed to coordinate with the European Union"
    subject = subject_of(verb)
    if subject is None or subject.lower_ in ("they", "both", "we"):
        return False
    heads = [subject, *subject.conjuncts]
    return all(h.lemma_.lower() in _INTERNAL and not any(
        c.dep_ == "nummod" or c.lemma_.lower() in ("both", "two") for c in h.children)
        and not _foreign(h) for h in heads)


# What a seller or buyer agrees to: goods changing hands, payment, not a deal of parties.
_TRADING = frozenset({"sell", "buy", "purchase", "supply", "ship", "pay", "transfer",
                      "smuggle", "procure", "broker", "finance", "launder", "transport",
                      "deliver", "export", "import", "acquire", "lease"})
# Sellers: a firm or a designee named with no code of its own.
_SELLERS = frozenset({"firm", "company", "entity", "individual", "person", "designee",
                      "supplier", "broker", "vendor", "he", "she", "it", "they", "network",
                      "facilitator", "businessman", "dealer", "trader", "manufacturer"})


def trade_agreed(trigger: Token) -> bool:
    """Give whether "agreed to" is a firm's or designee's trade: "the company agreed to
    sell the drones to the militia", "he agreed to pay the supplier in cash"; but "Japan
    agreed to supply LNG to Europe", "the leaders agreed to finance the fund"."""
    if trigger.lemma_ != "agree":
        return False
    if not any(c.dep_ == "xcomp" and c.lemma_ in _TRADING for c in trigger.children):
        return False
    subject = subject_of(trigger)
    if subject is None:
        return False
    heads = [subject, *subject.conjuncts]
    return not any(p[2] for h in heads for p in participants_in(phrase_tokens(h))) and (
        all(h.lemma_.lower() in _SELLERS or h.pos_ == "PROPN" for h in heads))


# Titles of guests whose welcome is to talks between states: "welcomed the President to
# the summit".
_LEADERS = frozenset({"president", "minister", "chancellor", "king", "queen", "emir",
                      "premier", "prince", "leader", "delegation", "counterpart", "taoiseach",
                      "sultan", "sheikh", "monarch", "ambassador", "head"})


def newcomer_welcomed(trigger: Token) -> bool:
    """Give whether a meeting noun is where a newcomer is welcomed: "welcomed Commissioner
    Smith to his first meeting of the Council"; but "welcomed President Macron to the
    summit", "welcomed Japan to the meeting"."""
    prep = trigger.head
    welcome = prep.head
    if trigger.dep_ != "pobj" or prep.lower_ != "to" or welcome.lemma_ != "welcome":
        return False
    guests = [h for c in welcome.children if c.dep_ == "dobj" for h in (c, *c.conjuncts)]
    return bool(guests) and not any(
        _foreign(h) or any(t.lemma_.lower() in _LEADERS for t in phrase_tokens(h))
        for h in guests)


# Meetings open to the public or held within one side: "a virtual public meeting", "a town
# hall meeting", "a Cabinet meeting".
_OPEN_OR_OWN = frozenset({"public", "town", "hall", "community", "listening", "staff",
                          "internal", "cabinet", "webinar"})
# Bodies that sit on their own: "the Council meeting", "the Board's meeting".
_BODIES = frozenset({"council", "board", "cabinet", "caucus"})
# People of one's own side whom one meets: "met with the Cabinet", "with leaders of his
# emergency team".
_OWN_PEOPLE = frozenset({"cabinet", "staff", "team", "adviser", "advisor", "aide"})


def open_or_own_meeting(trigger: Token) -> bool:
    """Give whether a meeting is open to the public or one side's own: "held a virtual
    public meeting on the draft rule", "hosted a town hall meeting with farmers", "met
    with the Cabinet to discuss the storm", "the Council meeting"; but "hosted a meeting with
    Japan", "met with the Prime Minister", "the UN Security Council meeting"."""
    meetings = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _OPEN_OR_OWN
           for m in meetings for c in m.children):
        return True
    partners = [h for m in meetings for c in m.children if c.dep_ == "prep" and
                c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
                for h in (g, *g.conjuncts)]
    if not partners and trigger.pos_ == "NOUN" and any(
            (c.dep_ == "compound" and c.lemma_.lower() in _BODIES and not any(
                g.dep_ in ("compound", "amod") for g in c.children)) or (c.lower_ == "its" and any(
                t.dep_ == "nsubj" and t.lemma_.lower() in _BODIES for t in trigger.sent))
            for c in trigger.children):
        # a body's own sitting: "the Council meeting", "the minutes of its previous meeting";
        # not "the Joint Committee meeting" (of two sides), "the UN Security Council meeting",
        # "a North Atlantic Council meeting" (a named body of many)
        return not any(p[2] for p in participants_in(phrase_tokens(trigger))) and not any(
            t.lower_ == "joint" for t in phrase_tokens(trigger))
    return bool(partners) and all((h.lemma_.lower() in _OWN_PEOPLE or any(
        g.lemma_.lower() in _OWN_PEOPLE for c in h.children if c.dep_ == "prep" and
        c.lower_ == "of" for g in c.children)) and not _foreign(h) for h in partners)


# Whom or what a government helps at home: "support American manufacturers", "support the
# flow of credit", "support ongoing recovery efforts in the state".
_HOME_BENEFICIARIES = frozenset({"manufacturer", "worker", "family", "business", "farmer",
                                 "consumer", "community", "job", "industry", "student",
                                 "taxpayer", "homeowner", "renter", "household", "flow",
                                 "credit", "recovery", "response", "economy", "growth",
                                 "innovation", "research", "production", "employer"})
_RELIEF = frozenset({"recovery", "response", "relief", "rebuilding", "cleanup"})


def helps_at_home(trigger: Token) -> bool:
    """Give whether "support" helps people or an economy, with no foreign party named: "we
    will continue to support the flow of credit", "commitment to support American
    manufacturers", "continuing to support ongoing recovery efforts in the state"; but
    "support Ukrainian farmers", "support Ukraine's efforts"."""
    if trigger.lemma_ != "support" or trigger.pos_ != "VERB":
        return False
    objects = [h for c in trigger.children if c.dep_ == "dobj" for h in (c, *c.conjuncts)]
    return bool(objects) and all(
        (h.lemma_.lower() in _HOME_BENEFICIARIES or (h.lemma_.lower() == "effort" and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in _RELIEF
            for c in h.children))) and not _foreign(h) for h in objects)


def invited_to_act(trigger: Token) -> bool:
    """Give whether "welcome" invites someone to do something: "the two governments welcome
    their enterprises to participate in international initiatives"; but "welcome Japan's
    decision to join" (the infinitive belongs to the decision)."""
    return trigger.lemma_ == "welcome" and any(c.dep_ == "dobj" for c in trigger.children) \
        and any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in trigger.children)


# Words that mark work as one government's own: "federal efforts", "Treasury's efforts".
_HOME_MARKS = frozenset({"federal", "national", "domestic", "interagency", "government",
                         "administration", "department", "treasury", "agency", "state",
                         "local", "county", "city"})


def runs_own_efforts(trigger: Token) -> bool:
    """Give whether "coordinate" manages one side's own work, with no partner: "drive and
    coordinate federal science efforts", "charged with coordinating Treasury's efforts to
    advance equity"; but "coordinating efforts to isolate ISIS" (whose, not said), "the
    two countries coordinated their efforts", "coordinating approaches with allies"."""
    if trigger.lemma_ != "coordinate" or trigger.pos_ != "VERB":
        return False
    if any(t.dep_ == "prep" and t.lower_ in _PARTNER_PREPS for t in trigger.subtree):
        return False
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return bool(objects) and all(not _foreign(o) and any(
        c.dep_ in ("amod", "compound", "poss") and c.lemma_.lower() in _HOME_MARKS
        for c in o.children) for o in objects)


# Subjects that are parties even uncoded: "the two countries cooperated".
_PARTIES = frozenset({"country", "nation", "leader", "side", "government", "ally", "partner",
                      "both", "two", "they", "we", "member", "state"})
# Pronouns that may stand for parties: "they coordinated with Japan".
_PARTY_PRONOUNS = frozenset({"they", "we", "both", "each", "all"})
# Uncoded partners that are parties all the same: "coordinated with allies".
_PARTNER_WORDS = frozenset({"ally", "partner", "counterpart", "country", "nation",
                            "government", "neighbor", "neighbour", "state", "member", "other",
                            "another", "coalition", "force", "military", "army"})


def no_party_named(trigger: Token) -> bool:
    """Give whether working "with" someone names no party on either side, as in a
    designation's narrative: "Karim Hassan collaborated with Omar Saleh to pay the crew",
    "the shipyard has collaborated with a Crimea-based enterprise"; but "Iran coordinated
    with Hizballah", "the two sides cooperated with each other", "worked with allies"."""
    if trigger.pos_ != "VERB" or trigger.lemma_ not in ("collaborate", "coordinate",
                                                        "cooperate", "partner"):
        return False
    partners = [h for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj" for h in (g, *g.conjuncts)]
    subject = subject_of(trigger)
    if not partners or subject is None:
        return False
    sides = [subject, *subject.conjuncts]
    if any(h.lower_ in _PARTY_PRONOUNS or h.lemma_.lower() in _PARTIES or
           h.lemma_.lower() in _PARTNER_WORDS or h.tag_ in ("NNS", "NNPS") or
           any(c.dep_ == "nummod" for c in h.children) for h in sides + partners):
        return False  # "the two navies will cooperate with Interpol": plural sides
    return not any(p[2] for h in sides + partners for p in participants_in(phrase_tokens(h)))


def speech_topic(trigger: Token) -> bool:
    """Give whether "discuss" is a speaker's topic, with no one to talk with: "Today, I want
    to discuss the banking rules", "the final priority I will discuss"; but "I have
    discussed with my counterparts", "tribal leaders and I discussed", "I look forward to
    discussing trade with President X"."""
    if trigger.lemma_ != "discuss" or trigger.pos_ != "VERB" or any(
            c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS for c in trigger.children):
        return False
    verb = trigger
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX") and \
            not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
        if verb.lemma_ == "look":
            return False  # a meeting looked forward to
    subject = subject_of(verb)
    return subject is not None and subject.lower_ == "i" and not subject.conjuncts and \
        subject.head.dep_ != "conj"


def topic_of_speech(trigger: Token) -> bool:
    """Give whether a cooperation noun is only what a speaker will talk about: "I will also
    be discussing regional cooperation on debt relief"."""
    return trigger.dep_ == "dobj" and speech_topic(trigger.head)


def done_without(trigger: Token) -> bool:
    """Give whether talks or cooperation are named only as missing: "signed without Tribal
    consultation", "acted without coordination with allies"."""
    return trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and \
        trigger.head.lower_ == "without"

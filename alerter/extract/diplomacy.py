"""Meetings told by their noun alone: "support for talks with Iran", "arrives for talks
with the President", "leaders gather at the G20 summit". A meeting noun that names
whom it is with, or the named occasion a clause takes place at, is a meeting that
happens, whatever verb the sentence hangs it from; the verb above still gives its
modality and actor ("will take part in the EU summit": planned). Likewise an act done
"in coordination with" a named party is a joint action (COOPERATE), and a host's
"welcome" to guests, or "support" telling what money or a measure is for, is no
endorsement (SUPPORT: welcomes.py), and working with one's own government's bodies or with uncoded
stakeholders is no cooperation between parties (COOPERATE).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from alerter.extract import concede, diplomacy_home, diplomacy_misread, talks, welcomes
from alerter.extract.clauses import np_head, subject_of
from alerter.extract.diplomacy_generic import said_in_general
from alerter.extract.participants import Found, participants_in, phrase_tokens

# Types whose nouns are meetings in this sense.
MEETING_TYPES = frozenset({"CONSULT"})


def looked_forward(verb: Token, type_name: str) -> bool:
    """Give whether a gerund is a meeting looked forward to: "I look forward to meeting
    with President X", "looks forward to welcoming King Y to the White House"."""
    above = verb.head.head
    return type_name in MEETING_TYPES and verb.head.lower_ == "to" and \
        above.lemma_ == "look" and any(c.lower_ == "forward" for c in above.children)
# Types whose "call" nouns are calls made: "calls for a ceasefire".
CALL_TYPES = frozenset({"REQUEST"})
# Types that a party may address to its own side: "the President called on Congress".
SELF_ADDRESSED = frozenset({"REQUEST"})
# "talks with Iran", "a meeting between the two leaders"
_PARTNER_PREPS = frozenset({"with", "between"})
# "a bilateral meeting": a meeting between states, whoever is named
_BETWEEN_STATES = frozenset({"bilateral", "trilateral", "quadrilateral"})
# "at the summit", "during talks", "arrived for talks", "took part in the summit"
_OCCASION_PREPS = frozenset({"at", "during", "for", "in", "on", "into", "ahead", "before"})


def meeting_alone(trigger: Token, type_name: str, role: str) -> bool:
    """Give whether a meeting noun (or a call on someone) is an event with no governing
    verb of its own."""
    if type_name in CALL_TYPES:
        # "despite repeated calls for peace", "the governor's call on counties to act
        # builds on ...": a call made; but not "answered the call"
        return trigger.lemma_ == "call" and role in ("none", "subject") and any(
            c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in trigger.children)
    if type_name not in MEETING_TYPES:
        return False
    if any(c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS and any(
            g.dep_ == "pobj" and participants_in(phrase_tokens(g)) for g in c.children)
           for c in trigger.children):
        return True
    if talks.readout_frame(trigger):
        return True  # "During the meeting, the two leaders underscored ..."
    head = np_head(trigger)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in _OCCASION_PREPS or \
            prep.head.pos_ not in ("VERB", "AUX"):
        return False
    # a named occasion: "the G20 summit", "the U.S.-EU Summit", "Austria's talks"; or one
    # between states: "will host the Prime Minister for a bilateral meeting"
    return trigger.pos_ == "PROPN" or any(
        (c.dep_ in ("compound", "amod", "poss", "nmod") and participants_in(phrase_tokens(c)))
        or (c.dep_ == "amod" and c.lemma_.lower() in _BETWEEN_STATES)
        for c in trigger.children)


# Types whose noun a party's praise, or an outcome, takes as done: "welcomed the release
# of the journalists", "commended Ethiopia on the release of prisoners", "hailed the
# deal", "the pause resulted in the release of 100 hostages".
PRAISED_TYPES = frozenset({"CONCEDE", "AGREE", "CONSULT"})
_PRAISING = frozenset({"welcome", "commend", "praise", "applaud", "hail", "laud",
                       "congratulate", "celebrate", "salute", "result"})


def praised(trigger: Token, type_name: str, governor: Token | None) -> bool:
    """Give whether a release or a deal is told as done by the praise (or the outcome) over
    it: "the Minister welcomed the release of the detained journalists" (CONCEDE by
    whoever released them, not by the Minister)."""
    if governor is None or governor.pos_ != "VERB":
        return False
    if governor.lemma_ == "continue":  # "agreed to continue their close coordination"
        return (type_name in JOINT_TYPES or type_name in MEETING_TYPES) and \
            trigger.dep_ == "dobj" and trigger.head.i == governor.i
    return type_name in PRAISED_TYPES and governor.lemma_ in _PRAISING


# Types whose noun in "in coordination with X" is the joint action itself.
JOINT_TYPES = frozenset({"COOPERATE"})
# "cooperation with India", "coordination between OFAC and Mexico's UIF"
_JOINT_PREPS = frozenset({"with", "between", "among"})
# A government's own bodies: "in coordination with the Department of Justice" is one
# government's agencies working together, not joint action of parties.
_AGENCIES = frozenset({"department", "ministry", "agency", "office", "bureau", "service",
                       "administration", "commission", "division", "unit"})


def joint_with(trigger: Token, type_name: str) -> bool:
    """Give whether a cooperation noun says that the clause's act is done jointly with a
    named party, or names the party it is with: "Treasury, in coordination with Japan,
    designated ...", "in close cooperation with the Government of Canada", "continuing
    our close cooperation with India"; not "in coordination with other agencies" (no
    named party) nor "with the Department of Justice" (one government's own body)."""
    if type_name not in JOINT_TYPES or trigger.pos_ == "VERB":
        return False
    if trigger.lemma_ == "partnership" and (trigger.dep_ != "pobj" or
                                            trigger.head.lower_ != "in"):
        return False  # "our partnership with Ireland" is a relation, not an act
    withs = list(trigger.children)
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "in":
        # "working in close coordination with Qatar": the parser may hang "with" on the verb
        withs += [c for c in trigger.head.head.children if c.i > trigger.i]
    return any(c.dep_ == "prep" and c.lower_ in _JOINT_PREPS and any(
        g.dep_ == "pobj" and diplomacy_misread.other_party(g) for g in c.children)
        for c in withs)


# Types whose "welcome" may be a host's greeting rather than an endorsement.
HOST_TYPES = frozenset({"SUPPORT"})
# Partners that stand for one side itself: "cooperate with each other".
_RECIPROCAL = frozenset({"other", "another"})


def own_side(trigger: Token, type_name: str) -> bool:
    """Give whether a cooperation verb's partner is no other party: one government's own
    body ("OFAC coordinated with the Drug Enforcement Administration"), or people with no
    code ("will collaborate with stakeholders", "partner with local offices"); but
    "cooperate with Interpol", "Japan coordinated with Australia"."""
    if type_name not in JOINT_TYPES or trigger.pos_ != "VERB":
        return False
    # "coordinated today's action with the DOJ": the parser may hang "with" on the object
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    partners = [h for t in heads for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj" for h in (g, *g.conjuncts)]
    if not partners or any(p.lemma_.lower() in _RECIPROCAL for p in partners):
        return False
    codes = {p[2] for h in partners for p in participants_in(phrase_tokens(h)) if p[2]}
    bodies = all(p.lemma_.lower() in _AGENCIES or diplomacy_misread.own_body(p)
                 for p in partners)
    if not codes:  # "with stakeholders", "with the Drug Enforcement Administration"
        return bodies or all(p.pos_ == "NOUN" and p.text.islower() and
                             p.lemma_.lower() not in diplomacy_misread.OTHERS for p in partners)
    subject = subject_of(trigger)
    mine = {p[2] for p in participants_in(phrase_tokens(subject)) if p[2]} \
        if subject is not None else set()
    if not mine and bodies and codes == {"USA"}:
        return True  # "today's action was coordinated with the Department of Justice"
    return codes <= mine  # "OFAC coordinated with the DEA": one government


def misread(trigger: Token, type_name: str) -> bool:
    """Give whether a diplomacy word is no event between parties: a host's greeting, what
    help is for, working or consulting with one's own side, agreement in opinion."""
    if type_name == "AGREE":
        return diplomacy_misread.opinion_shared(trigger) or \
            diplomacy_misread.describing(trigger) or diplomacy_misread.law_signed(trigger) or \
            diplomacy_misread.spent_at_home(trigger) or diplomacy_home.among_own(trigger) or \
            diplomacy_home.trade_agreed(trigger) or said_in_general(trigger, type_name)
    if type_name in MEETING_TYPES and (diplomacy_misread.consulting_own(trigger) or
                                       diplomacy_misread.no_talks(trigger) or
                                       talks.misread(trigger) or
                                       diplomacy_home.among_own(trigger) or
                                       diplomacy_home.newcomer_welcomed(trigger) or
                                       diplomacy_home.open_or_own_meeting(trigger) or
                                       diplomacy_home.speech_topic(trigger) or
                                       diplomacy_home.done_without(trigger)):
        return True
    if type_name in HOST_TYPES and (welcomes.misread(trigger) or
                                    diplomacy_home.helps_at_home(trigger) or
                                    diplomacy_home.invited_to_act(trigger)):
        return True
    if type_name == "CONCEDE" and (diplomacy_misread.demanded(trigger) or
                                   concede.misread(trigger)):
        return True
    if type_name in JOINT_TYPES and (diplomacy_misread.agencies_alone(trigger) or
                                     diplomacy_misread.noun_misparsed(trigger) or
                                     diplomacy_misread.views_shared(trigger) or
                                     (trigger.lemma_ == "partnership" and
                                      not joint_with(trigger, type_name)) or
                                     diplomacy_misread.with_own_side(trigger) or
                                     diplomacy_home.across_own_side(trigger) or
                                     diplomacy_home.runs_own_efforts(trigger) or
                                     diplomacy_home.no_party_named(trigger) or
                                     diplomacy_home.topic_of_speech(trigger) or
                                     diplomacy_home.done_without(trigger) or
                                     said_in_general(trigger, type_name)):
        return True
    return own_side(trigger, type_name)


def drop_purposes(doc: Doc, best: dict[tuple[str, str, int], dict[str, Any]]) -> None:
    """Drop a meeting's purpose told as a second meeting: "will meet at the summit to
    discuss the conflict" is one meeting, told by its first word."""
    for key in [k for k in best if k[0] in MEETING_TYPES]:
        anchor = doc[key[2]]
        if anchor.dep_ in ("xcomp", "advcl") and (key[0], key[1], anchor.head.i) in best:
            del best[key]


# Verbs of a visit hosted, whose object is the guest: "hosted Prime Minister X".
_HOSTING = frozenset({"host", "welcome"})
# Verbs whose object is the topic, not the other side: "discussed Russia's war".
_TOPIC_VERBS = frozenset({"discuss", "negotiate", "debate"})


def meeting_target(trigger: Token, nominal: bool, actor: Found, target: Found) -> Found:
    """Give a meeting's target: the other side it is "with" ("talks with Iran", "talked with
    Kyiv"), before any party the verb above takes ("thanked Norway for its support for
    talks with Iran"); never the topic ("they discussed Russia's war": no target)."""
    codes = {p[2] for p in actor if p[2]}
    withs = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ == "pobj"]
    found = [p for g in withs + diplomacy_misread.in_contact_with(trigger)
             for p in participants_in(phrase_tokens(g))]
    partners = [p for p in found if p[2] and p[2] not in codes]
    if partners:
        return partners
    if not nominal and trigger.lemma_ in _HOSTING:
        # "welcomed Chancellor X to the White House": the guest, never the host's seat
        return [p for c in trigger.children if c.dep_ == "dobj"
                for p in participants_in(phrase_tokens(c)) if p[2] not in codes]
    return [] if not nominal and trigger.lemma_ in _TOPIC_VERBS else target


# Crowds whose participle says what they ask for: "protesters demanding the resignation".
_CROWDS = frozenset({"protester", "protestor", "demonstrator", "marcher", "crowd", "people",
                     "activist", "thousand", "hundred", "supporter", "worker", "student",
                     "farmer", "resident", "citizen", "opponent", "rally", "protest",
                     "demonstration", "march"})


def crowd_request(verb: Token, type_name: str) -> bool:
    """Give whether a participle after a crowd makes its request: "protesters demanding
    the resignation of the president", "a rally calling for new elections"."""
    return type_name in CALL_TYPES and verb.dep_ == "acl" and verb.tag_ == "VBG" and \
        verb.head.lemma_.lower() in _CROWDS

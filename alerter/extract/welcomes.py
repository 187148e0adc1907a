"""Praise and support words that are no endorsement (SUPPORT), moved here from
diplomacy.py and diplomacy_misread.py: a host greeting people or asking for input
("welcomes volunteer applicants", "pleased to welcome President X and his delegation",
"welcomed the students to the White House", "welcome written comments"), and "support"
telling what money, goods or a measure are for ("the rule supports the Administration's
efforts", "funding to support the production of U.S. crops"). A party's own act is
welcomed all the same: "welcomed Romania's participation", "welcomed Germany's defence
investments". Called from alerter/extract/diplomacy.py's `misread`.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.participants import participants_in, phrase_tokens

# What a host welcomes that is no party's act or stance: people who come, and input asked
# for ("welcome public comments", "welcomes applications", "welcoming foreign investment").
_INVITED = frozenset({"volunteer", "applicant", "application", "comment", "input", "feedback",
                      "submission", "nomination", "refugee", "immigrant", "newcomer",
                      "investment", "investor", "student", "family", "member", "voice",
                      "insight", "idea", "question", "you", "all", "them", "him", "her",
                      "tourist", "traveler", "traveller", "public", "participation",
                      "delegate", "colleague", "friend", "guest"})
# A person greeted: "welcome President Ruto", "welcomed the Prime Minister and his team".
_GREETED = frozenset({"president", "minister", "chancellor", "king", "queen", "emir",
                      "premier", "prince", "princess", "secretary", "ambassador", "leader",
                      "governor", "mayor", "senator", "speaker", "delegation", "counterpart",
                      "taoiseach", "sultan", "sheikh", "monarch"})
# What a greeting is "as": "welcome Sweden as the newest Ally" is an endorsement.
_AS_MEMBER = "as"


def greeting(trigger: Token) -> bool:
    """Give whether "welcome" greets people or asks for input rather than endorsing an act:
    "welcomes volunteer applicants", "welcome written comments", "pleased to welcome
    President Ruto and the Kenyan delegation", "a welcoming space"; but "welcomed the
    decision", "welcomed President Lula's election", "welcome Sweden as an Ally". Likewise
    "I congratulate you on this summit" speaks to an audience."""
    if trigger.lemma_ == "congratulate":
        return any(c.dep_ == "dobj" and c.lower_ in ("you", "everyone", "everybody", "all")
                   for c in trigger.children)
    if trigger.lemma_ != "welcome":
        return False
    if trigger.dep_ == "amod":
        return True  # "a welcoming environment"
    if any(c.dep_ == "prep" and c.lower_ == _AS_MEMBER for c in trigger.children):
        return False
    for child in trigger.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        heads = [child, *child.conjuncts]
        if any(c.dep_ == "case" or (c.dep_ == "poss" and participants_in(phrase_tokens(c)))
               for h in heads for c in h.children):
            return False  # "welcomed Lula's election", "Romania's participation": an act
        if any(h.lemma_.lower() in _INVITED or h.lower_ in _INVITED for h in heads):
            return True
        titled = [h for h in heads if h.lemma_.lower() in _GREETED or any(
            c.dep_ == "compound" and c.lemma_.lower() in _GREETED for c in h.children)]
        if titled:
            return True
    return False


# Whom or what a host welcomes: "welcomed the Committee", "welcome the opportunity to".
_GUESTS = frozenset({"committee", "board", "panel", "guest", "delegation", "participant",
                     "visitor", "audience", "attendee", "everyone", "everybody", "crowd"})
# Bodies a party joins: "welcome Finland to the Alliance" endorses its accession.
_BODIES = frozenset({"alliance", "union", "bloc", "organization", "organisation",
                     "coalition", "club", "family", "membership", "nato", "eu", "asean"})


def hosting(trigger: Token) -> bool:
    """Give whether "welcome" greets guests, not an act or a party's stance: "welcomed
    the students to the White House", "welcomed the Committee", "we welcome the
    opportunity to work with you"; but "welcomed Finland to the Alliance", "welcomes the
    ceasefire"."""
    if trigger.lemma_ != "welcome" or trigger.pos_ != "VERB":
        return False
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "to" and any(
                g.dep_ == "pobj" and g.lemma_.lower() not in _BODIES for g in child.children):
            return True
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in _GUESTS:
            return True
        if child.dep_ == "dobj" and child.lemma_.lower() in ("opportunity", "chance") and any(
                c.dep_ == "acl" and c.tag_ == "VB" for c in child.children):
            return True  # "welcome the opportunity to testify", not "the opportunities that"
    return False


# What money or a measure does, as the subject of "support": "the final rule supports
# the Administration's efforts" tells what the rule does, not a party's stance.
_MEANS = frozenset({"rule", "regulation", "budget", "funding", "fund", "grant", "investment",
                    "money", "request", "announcement", "law", "order", "guidance", "license",
                    "licence", "authorization", "authorisation", "program", "programme",
                    "project", "loan", "award", "tool", "standard", "framework", "item",
                    "equipment", "team", "revenue", "proceeds",
                    # documents and vehicles: "the MOC supports the ongoing work of"
                    "memorandum", "moc", "mou", "initiative", "dialogue", "strategy",
                    "facility", "mechanism", "platform", "report", "act", "partnership"})
# Verbs whose infinitive says what something is for: "items intended to support X".
_PURPOSE_VERBS = frozenset({"intend", "design", "mean", "need", "deploy"})
# Nouns of a pledge or a stance: "its commitment to support the transition".
_PLEDGES = frozenset({"commitment", "pledge", "promise", "decision", "readiness",
                      "willingness", "determination", "resolve", "vow", "offer"})


def help_given(trigger: Token) -> bool:
    """Give whether "support" tells what money, goods or a measure are for, not a stance:
    "the rule supports the Administration's efforts", "funding to support the production
    of U.S. crops", "goods intended to support the DPRK's programme", "teams deploying to
    support Turkish rescue efforts"; but "France supports the ceasefire plan"."""
    if trigger.lemma_ != "support" or trigger.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _MEANS
           for c in trigger.children):
        return True
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    if trigger.dep_ == "acl" and trigger.head.lemma_.lower() in _PLEDGES:
        return False  # "its commitment to support the transition": a stance
    # what is supported is a thing ("the production of grain"), not a party ("Guaidó")
    if not any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in trigger.children):
        return False
    return trigger.dep_ in ("acl", "advcl") or (
        trigger.dep_ == "xcomp" and trigger.head.lemma_ in _PURPOSE_VERBS)


def misread(trigger: Token) -> bool:
    """Give whether a praise or support word is no endorsement: a greeting, guests hosted,
    what help is for."""
    return greeting(trigger) or hosting(trigger) or help_given(trigger)

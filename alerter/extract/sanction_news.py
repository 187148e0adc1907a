"""Sanctions on fresh government prose (issue 10, round 3; docs/extraction/statements.md
"Sanctions told in the other ways"): whether a sanction reading is the day's measure, beyond the
checks of `enforcement`.

- The day's measure told otherwise: a relative clause that says "today", the owner of an
  announcement ("Japan's announcement of export controls").
- No news: the release's pointers and warnings, a name the parser read as a clause,
  measures recalled in a relative clause, by another government in the passive, by a
  numbered order's citation, or summed up as a campaign; measures listed among tools;
  a power to act that is not used; restrictions imposed by a thing or a firm.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from alerter.extract import concede, lexicon
from alerter.extract.enforcement import CURRENT_TYPES
from alerter.extract.participants import Found, all_participants, phrase_tokens

# The lines of a release that point at its list of designees: "identifying information
# on the individuals sanctioned today", "for more information on the entities designated".
_POINTER = re.compile(r"\b(?:information|chart) (?:on|regarding) (?:the )?(?:\w+ ){0,3}"
                      r"(?:individual|entit|person|vessel|compan|propert|designee|target)",
                      re.IGNORECASE)


# The warning to others that deal with the designees: "... the persons designated today
# risk exposure to sanctions", "may expose themselves to sanctions".
_WARNING = re.compile(r"\b(?:exposure to|expose (?:themselves|itself) to|exposed to)"
                      r" (?:U\.S\. |secondary |significant )?sanctions", re.IGNORECASE)


def boilerplate(sentence: Span) -> bool:
    """Give whether the sentence only points at the release's list of designees, or warns
    whoever deals with them."""
    return _POINTER.search(sentence.text) is not None or \
        _WARNING.search(sentence.text) is not None


def not_news(trigger: Token, anchor: Token) -> bool:
    """Give whether a sanction reading is the release's boilerplate or a campaign summed
    up rather than a measure taken now."""
    return boilerplate(trigger.sent) or campaign_told(trigger, anchor) or \
        standing_order(anchor) or recalled_abroad(anchor) or in_toolkit(trigger) or \
        disclaimed(anchor) or tallied(trigger, anchor) or lifted(trigger) or \
        concede.ruled_out(trigger, anchor)  # "sanctions were taken off the table"


def lifted(trigger: Token) -> bool:
    """Give whether the measure is named only as what is lifted, the parser having hung it
    beside its lifting: "the rescission of X's State Sponsor of Terrorism designation"."""
    return trigger.dep_ == "appos" and trigger.head.lemma_.lower() in lexicon.ABOUT_MEASURES


# The nouns of a designation named as the day's: "today's designation of X shows ...".
_DAYS_MEASURES = frozenset({"designation", "redesignation", "sanction"})


# Words that put a designation among sanctions (not "today's designation of two national
# monuments").
_SANCTIONS_WORDS = re.compile(r"\bOFAC\b|Treasury|sanction|\bE\.O\.|Executive Order|terroris|"
                              r"Kingpin|\bSDN\b|Under Secretary|traffick|cartel|blocked",
                              re.IGNORECASE)


def named_today(trigger: Token, type_name: str) -> bool:
    """Give whether a sanction noun names the day's measure, whatever verb it hangs from:
    "today's designation is part of an effort to counter the cartel", "thanked the Under
    Secretary for today's designation" (not "today's action", said of any agency's work,
    nor a designation with no sanctions word beside it); or says it was taken: "these
    designations were taken pursuant to E.O. 13224", "this OFAC designation was taken in
    coordination with the DEA"."""
    if type_name != "SANCTION" or trigger.lemma_.lower() not in _DAYS_MEASURES:
        return False
    if trigger.dep_ == "nsubjpass" and trigger.head.lemma_ == "take":
        return trigger.lemma_.lower() != "sanction"  # not "sanctions were taken off the table"
    return any(c.dep_ == "poss" and c.lower_ == "today" for c in trigger.children) and \
        _SANCTIONS_WORDS.search(trigger.sent.text) is not None


# The release's own action as a subject: "this action", "today's designation".
_RELEASE_ACTIONS = frozenset({"action", "designation", "measure", "order", "sanction"})


def disclaimed(anchor: Token) -> bool:
    """Give whether the release says whom its action leaves out: "this action does not
    designate any vessels" (no measure, not even a withheld one; but "Japan has not imposed
    any sanctions" is a measure negated)."""
    return any(c.dep_ == "neg" for c in anchor.children) and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _RELEASE_ACTIONS for c in anchor.children
    ) and any(c.dep_ == "dobj" and any(d.lower_ in ("any", "no") for d in c.children)
              for c in anchor.children)


def tallied(trigger: Token, anchor: Token) -> bool:
    """Give whether a past simple sums up a campaign by a round count of its targets: "the
    United States imposed sanctions on more than 500 people" (but "today designated more
    than 100 firms" is the day's)."""
    if anchor.tag_ != "VBD" or _today(trigger, anchor):
        return False
    objects = [c for c in anchor.children if c.dep_ == "dobj"]
    hit = objects + [g for t in (anchor, *objects) for c in t.children
                     if c.dep_ == "prep" and c.lower_ in ("on", "against")
                     for g in c.children if g.dep_ == "pobj"]
    return any(a.dep_ == "nummod" and a.text.replace(",", "").isdigit() and
               int(a.text.replace(",", "")) >= 100 and
               any(q.dep_ == "quantmod" for q in a.children)
               for n in hit for a in n.children)


# Nouns for the means a government has, whose listed measures are no measure taken:
# "strengthening our toolkits, including export controls".
_TOOLS = frozenset({"toolkit", "tool", "instrument", "lever", "means", "authority",
                    "capability", "arsenal"})


def in_toolkit(trigger: Token) -> bool:
    """Give whether the measure is listed among the tools a government has: "our
    respective toolkits, including investment screening and export controls"."""
    token = trigger
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in ("including", "like", "as"):
        return False
    listing = token.head  # its noun, or the noun just before it when hung on the verb
    before = [t for t in token.doc[max(token.sent.start, listing.i - 3):listing.i]
              if t.pos_ == "NOUN"]
    return listing.head.lemma_.lower() in _TOOLS or (
        listing.head.pos_ == "VERB" and bool(before) and before[-1].lemma_.lower() in _TOOLS)


def told_today(verb: Token, type_name: str) -> bool:
    """Give whether a relative clause says the day's measure hit its noun: "the five
    individuals, who are designated today pursuant to E.O. 13224, have ..."."""
    return type_name in CURRENT_TYPES and any(c.lower_ == "today" and c.dep_ in (
        "npadvmod", "advmod") for c in verb.children)


def among_todays(verb: Token) -> bool:
    """Give whether a participle with "today" names the day's designees before a verb:
    "among the vessels sanctioned today are four tankers", "of the firms designated today,
    two are ...", "several of the firms designated today are ..." (but "information on the
    individuals designated today" only points)."""
    noun = verb.head
    if not any(c.lower_ == "today" and c.dep_ in ("npadvmod", "advmod") for c in verb.children):
        return False
    # "several of the actors designated today maintain ties ...", and the noun the parser
    # left as the root: "The vessels targeted today discharged fuel ..."
    return noun.dep_ == "ROOT" or (noun.dep_ == "pobj" and noun.head.lower_ in ("among", "of")
                                   and (noun.head.head.pos_ in ("VERB", "AUX") or (
                                       noun.head.head.dep_ in ("nsubj", "nsubjpass") and
                                       noun.head.head.tag_ in ("DT", "CD", "JJ", "PDT"))))


def announcer(anchor: Token) -> Found:
    """Give who announced a measure told by its announcing noun: "Japan's announcement of
    export controls" → Japan."""
    if anchor.lemma_.lower() not in lexicon.ANNOUNCING_NOUNS:
        return []
    return all_participants(phrase_tokens(c) for c in anchor.children if c.dep_ == "poss")


def recalled_in_relative(verb: Token, type_name: str) -> bool:
    """Give whether a relative clause recalls an earlier measure to describe its noun:
    "other corrupt actors that Treasury has designated", "a bank that OFAC sanctioned"
    (but "Acme, which OFAC is designating today" is the day's)."""
    return type_name in CURRENT_TYPES and verb.dep_ == "relcl" and not told_today(
        verb, type_name) and (verb.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))


def misread_modifier(verb: Token, type_name: str) -> bool:
    """Give whether a past form the parser took for a clause is a modifier of a name:
    "transactions from OFAC designated Acme Ltd" (no subject nor auxiliary of its own,
    and a preposition's object, or after a name that is not its subject)."""
    if type_name not in CURRENT_TYPES or verb.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return True  # "as designated by the Secretary", "as designated by the FDIC"
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    if verb.dep_ == "acl" and agents and not all_participants(
            (phrase_tokens(a) for a in agents), coded_only=True):
        return True  # "funds designated by the state": no government's measure
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    return verb.dep_ == "pobj" or (before is not None and before.pos_ == "PROPN"
                                   and before.dep_ in ("pobj", "npadvmod"))


# Common nouns that name a party that can impose costs ("our partners", "the coalition"),
# or a measure that does ("the package bans the export of ...").
_PARTY_NOUNS = lexicon.FORCE_NOUNS | lexicon.INSTRUMENTS | {
    "round", "tranche", "partner", "coalition", "administration", "nation", "country", "ally",
    "we", "bloc", "union", "council", "department", "office", "agency", "parliament",
    "congress", "leader", "minister", "president", "official", "member", "court", "senate",
    "body"}


def imposed_by_thing(verb: Token) -> bool:
    """Give whether costs are imposed by a thing, not a party: "supply chain weaknesses can
    impose heavy costs" (no measure held out)."""
    return any(s.dep_ == "nsubj" and s.pos_ == "NOUN" and s.lemma_.lower() not in _PARTY_NOUNS
               and not all_participants([phrase_tokens(s)], coded_only=True)
               for s in verb.children)


# Nouns and verbs of a power to act: "the order provides authority to impose sanctions",
# "authorizes Treasury to impose sanctions", "will allow us to issue sanctions".
_CAPABILITY = frozenset({"authority", "ability", "power", "opportunity", "authorization",
                         "authorisation", "capacity", "capability", "tool", "mechanism",
                         "authorize", "authorise", "allow", "enable", "empower", "permit"})
# Verbs that put a power to use: "Treasury used its authority to designate X".
_USING = frozenset({"use", "exercise", "leverage", "employ", "wield", "invoke"})
# Words that sum up a campaign rather than a day's measure: "has imposed an unprecedented
# suite of sanctions".
_SWEEPING = frozenset({"unprecedented", "sweeping", "historic", "massive", "crippling",
                       "powerful", "severe", "tough", "strong", "significant"})
# How many a campaign has hit: "has designated numerous leaders", "hundreds of people".
_MANY_HIT = frozenset({"numerous", "countless", "many"})
_TALLIES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens"})


def _today(*tokens: Token) -> bool:
    return any(c.lower_ == "today" for t in tokens for c in t.children)


def capability(trigger: Token, anchor: Token) -> bool:
    """Give whether the measure is only a power to act: "authority to impose sanctions",
    "is authorized to impose", "will allow the United States to issue sanctions" (but
    "used its authority today to designate X" and "including today's designations" are
    the act). With a named party it is a measure held out (hypothetical): "the ability to
    re-impose sanctions on Iran"."""
    if any(t.lower_ == "today" for t in (*trigger.children, *anchor.subtree)):
        return False
    token = anchor
    while token.head.i != token.i and (token.dep_ in ("xcomp", "acl", "ccomp", "conj") or (
            token.dep_ in ("relcl", "advcl") and any(c.lower_ == "to" for c in token.children))):
        if _today(token):
            return False
        token = token.head
        if token.lemma_.lower() in _USING:
            return False  # "used its authority to designate X": the power used
        if token.lemma_.lower() in _CAPABILITY or any(
                c.dep_ == "dobj" and c.lemma_.lower() in _CAPABILITY for c in token.children):
            return True  # "provides (increased) authorities to impose sanctions"
    return False


# A numbered order: "E.O. 13726", "Executive Order (E.O.) 14098".
_CITED_ORDER = re.compile(r"(?:E\.\s?O\.\)?|Executive Order)\s*\d{4,5}")


def standing_order(anchor: Token) -> bool:
    """Give whether the measure is what a numbered order does in general: "pursuant to
    E.O. 13726, which imposes sanctions on those who threaten Libya" (its citation)."""
    if anchor.dep_ != "relcl" or any(c.lower_ == "today" for c in anchor.children):
        return False
    head = anchor.head  # "E.O. 13726, which", "Executive Order (E.O.) 14098, which"
    cited = anchor.doc[max(head.sent.start, head.i - 6):anchor.i].text
    return _CITED_ORDER.search(cited) is not None


def recalled_abroad(verb: Token) -> bool:
    """Give whether a passive tells another government's earlier measure: "X was
    sanctioned by the EU for ...", "has also been sanctioned by Canada and Japan" (but
    "the UK is also designating X", "sanctions also taken today by the EU")."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(
            c.lower_ in ("today", "concurrently", "simultaneously") for c in verb.children):
        return False
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.subtree if g.dep_ != "agent"]
    codes = {code for _, _, code in all_participants([agents], coded_only=True)} if agents \
        else set()
    return bool(codes) and "USA" not in codes


def campaign_told(trigger: Token, anchor: Token) -> bool:
    """Give whether a perfect sums up a campaign: "the United States, with 30 partners,
    has imposed an unprecedented suite of sanctions on Russia"."""
    verbs = [anchor]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)  # "have seized ..., arrested ... and sanctioned ..."
    if _today(trigger, anchor) or not any(c.dep_ == "aux" and c.lemma_ == "have"
                                          for v in verbs for c in v.children):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ == "we" for v in verbs for c in v.children):
        return True  # a speaker's "we have sanctioned officials from Liberia to Mali"
    nouns = [trigger, *(c for c in anchor.children if c.dep_ == "dobj")]
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        nouns.append(trigger.head.head)
    # "has imposed an unprecedented suite of sanctions", "has designated numerous leaders",
    # "has sanctioned hundreds of people", "have seized ... and sanctioned over 300 firms"
    return any(n.lemma_ in _TALLIES or any(
        (a.dep_ == "amod" and a.lower_ in _SWEEPING | _MANY_HIT) or (
            a.dep_ == "nummod" and a.text.replace(",", "").isdigit() and int(
                a.text.replace(",", "")) >= 100) for a in n.children) for n in nouns)



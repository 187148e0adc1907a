"""Sanctions, coercion and investigation on real text (issue 10): the checks the events
component makes for these types beyond the taxonomy's triggers.

- A coercion or investigation noun judged by an evaluative adjective, or taken as given
  by its frame, is a real event whatever verb governs it: "the unjust detention of X is
  unacceptable", "end all arbitrary detentions", "concern over the arrest of", "as part
  of a probe into"; and the one who judges it is not its actor.
- A relative clause of coercion states the act: "shipments that were seized in Libya",
  "activists who were detained" (where "an entity that has refused" only describes).
- Today's sanctions: "today's action against X" or "today's action will restrict X" is
  the day's measure; "one of the individuals OFAC is sanctioning today" only repeats it;
  "multiple rounds of sanctions" sums up a campaign; "the sanctions have imposed costs"
  is an effect, and so is "as a result of sanctions, ..."; "will impose costs on X" is a
  sanction only as a threat's condition.
- Whose and on whom: a designation in the words of US criteria is the United States';
  "for operating in the petroleum sector of the Iranian economy", "Iran's financial
  sector" and "Iran-related designations" give the target.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from alerter.extract import lexicon
from alerter.extract.participants import Found, all_participants, phrase_tokens

# Types whose nouns an evaluative adjective makes an event, and whose relative clauses
# state an act.
PRESUPPOSING_TYPES = frozenset({"COERCE", "INVESTIGATE"})
# Adjectives that judge or date an act that is taking or took place.
EVALUATIVE = frozenset({"unjust", "arbitrary", "wrongful", "unlawful", "illegal", "illegitimate",
                        "brutal", "ongoing", "continued", "continuing", "blatant",
                        "systematic", "politically-motivated", "outrageous", "baseless",
                        "recent", "latest", "mass", "widespread", "harsh", "repeated",
                        "unwarranted", "indefinite", "prolonged"})
# Prepositions whose object the clause takes as a fact ("over": outrage over the arrest).
_FACT_PREPS = lexicon.PRESUPPOSING_PREPS | {"over"}
# Nouns that place someone inside an act: "as part of a probe", "the subject of an inquiry".
_FACT_FRAMES = frozenset({"part", "subject", "target", "focus", "course", "result", "wake"})
# The wording of United States designation criteria and lists: a designation in these
# words is the United States' ("for acting or purporting to act for or on behalf of,
# directly or indirectly, ...", "Executive Order (E.O.) 14024", "the SDN List").
US_CRITERIA = re.compile(r"directly or indirectly|purport(?:ing|ed) to act|materially assist"
                         r"|Executive Order \(E\.\s?O\.\)\s*\d{4,5}|Kingpin Act|SDN List"
                         r"|Specially Designated", re.IGNORECASE)
# Types whose news is only today's action.
CURRENT_TYPES = frozenset({"SANCTION"})
# Nouns for designees in general: "one of the individuals designated today".
_GENERIC_DESIGNEES = frozenset({"individual", "entity", "person", "people", "company", "firm",
                                "those", "one", "target", "vessel", "designee"})
# What today's action does to those it hits (not "builds on", "underscores", "follows").
_TODAYS_DOING = frozenset({"restrict", "curtail", "disrupt", "deny", "freeze", "block", "cut",
                           "isolate", "prohibit", "degrade", "impede", "constrain", "limit",
                           "bar", "sever", "hold", "penalize", "penalise", "punish"})
# Measures as the subject, harm as the object: an effect of sanctions in force.
_MEASURES = frozenset({"sanction", "embargo", "control", "restriction", "measure", "tariff"})
_HARMS = frozenset({"cost", "pain", "damage", "burden", "toll", "hardship", "loss"})
# Quantifiers that sum up a campaign: "multiple rounds of sanctions".
_MANY = frozenset({"multiple", "several", "numerous", "successive", "repeated", "countless",
                   "many", "various"})
# Types whose target a named sector or economy gives.
SECTOR_TYPES = frozenset({"SANCTION"})
# Sectors and economies a designation names: "the X sector of the Russian Federation
# economy", "Iran's financial sector".
_SECTOR_WORDS = frozenset({"sector", "economy"})


def presupposed(trigger: Token, type_name: str) -> bool:
    """Give whether an event noun is judged or dated as something happening: "unjust
    detention", "arbitrary detentions", "the ongoing investigation", "today's action
    against X"."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if type_name in CURRENT_TYPES and any(c.dep_ == "poss" and c.lower_ == "today"
                                          for c in trigger.children):
        # "today's action against Acme demonstrates ...", "today's action will restrict
        # the ability of X to ...": it says whom the action hits or what it does to them
        return any((c.dep_ == "prep" and c.lower_ in ("against", "on")) or
                   (c.dep_ == "acl" and c.lemma_ == "target") for c in trigger.children) or (
            trigger.dep_ == "nsubj" and trigger.head.lemma_ in _TODAYS_DOING)
    if type_name not in PRESUPPOSING_TYPES:
        return False
    if trigger.dep_ == "pobj" and trigger.head.lower_ in _FACT_PREPS:
        return True  # "after the arrest", "concern over the detention of"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
            trigger.head.head.lemma_ in _FACT_FRAMES:
        return True  # "as part of a probe into", "the subject of an investigation"
    return judged(trigger)


def judged(trigger: Token) -> bool:
    """Give whether an evaluative adjective judges the event noun: "unjust detention"
    (the speaker judges another's act, so the speaker is not its actor)."""
    adjectives = [c for c in trigger.children if c.dep_ == "amod"]
    adjectives += [g for c in adjectives for g in c.children if g.dep_ == "conj"]
    return any(a.lower_ in EVALUATIVE for a in adjectives)


def repeats_designees(verb: Token, type_name: str) -> bool:
    """Give whether a relative clause or participle only repeats the day's measure over a
    generic noun: "the arrest of one of the individuals OFAC is sanctioning today", "the
    persons designated today risk exposure to sanctions" (but "Acme, which is being
    designated today, ..." and "the five firms designated today operate in Iran" name
    who was hit)."""
    head = verb.head
    return (type_name in CURRENT_TYPES and verb.dep_ in ("relcl", "acl")
            and head.lemma_.lower() in _GENERIC_DESIGNEES
            and head.dep_ not in ("nsubj", "nsubjpass")
            and not (head.dep_ == "appos" and head.head.pos_ == "PROPN"))  # "Acme, a firm"


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
        standing_order(anchor) or recalled_abroad(anchor) or in_toolkit(trigger)


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


def effect_of_measures(verb: Token) -> bool:
    """Give whether measures already in force are said to do harm: "the sanctions have
    imposed unprecedented costs on the economy" (an effect, not a new measure)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (verb.pos_ == "VERB" and any(s.lemma_.lower() in _MEASURES for s in subjects)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in _HARMS for c in verb.children))


# Phrases that give measures in force as the cause of an effect: "as a result of
# sanctions, the economy shrank", "due to Western sanctions", "thanks to our sanctions".
_CAUSE_HEADS = {"of": frozenset({"result", "because"}), "to": frozenset({"due", "thanks", "owing"})}


def named_as_cause(trigger: Token) -> bool:
    """Give whether a measure noun is only the cause of an effect ("as a result of
    sanctions, Russia has ...", "due to U.S. sanctions"): an effect, no new measure."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in _CAUSE_HEADS:
        return False
    return trigger.head.head.lower_ in _CAUSE_HEADS[trigger.head.lower_]


# What a threat promises, not a measure: "will impose severe costs on Russia".
_THREATENED = frozenset({"cost", "consequence"})


def costs_only(verb: Token) -> bool:
    """Give whether a measure verb only threatens costs or consequences ("will impose
    severe costs on X"): a sanction only as a threat's condition (hypothetical), else
    none; but "Washington imposed heavy costs on Moscow" is a measure taken."""
    if verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    objects += [g for o in objects for g in o.conjuncts]
    return bool(objects) and all(o.lemma_.lower() in _THREATENED for o in objects)


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


def conditional(verb: Token) -> bool:
    """Give whether the verb carries its own condition: "readiness to impose costs on X
    if it invades"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children) for c in verb.children)


def campaign_summary(trigger: Token, anchor: Token) -> bool:
    """Give whether the measure is a campaign summed up: "levying multiple rounds of
    sanctions", "after several waves of sanctions" (background, not today's action)."""
    candidates = [trigger, *(c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass"))]
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        candidates.append(trigger.head.head)
    return any(t.lemma_ in lexicon.CONTAINERS | {"round", "wave"} and any(
        a.dep_ == "amod" and a.lower_ in _MANY for a in t.children) for t in candidates)


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


def states_act(verb: Token, type_name: str) -> bool:
    """Give whether a relative clause reports the act itself: "shipments that were seized"."""
    return type_name in PRESUPPOSING_TYPES and verb.dep_ == "relcl"


def topic(modifier: Token) -> bool:
    """Give whether a modifier names what a measure is about, not who takes it:
    "Russia-related designations", "Iran-linked sanctions"."""
    return modifier.dep_ == "amod" and modifier.lemma_ in ("relate", "related", "link",
                                                            "linked")


def topic_target(trigger: Token) -> list[tuple[str, str, str | None]]:
    """Give the countries a measure is said to be about: "North Korea-related designations"."""
    return all_participants((phrase_tokens(c) for c in trigger.children if topic(c)),
                            coded_only=True)


def sector_target(sentence: Span) -> list[tuple[str, str, str | None]]:
    """Give the countries whose economy or sector the sentence names: "operating in the
    technology sector of the Russian Federation economy" → Russia."""
    return all_participants((phrase_tokens(owner) for token in sentence
                             if token.lemma_ in _SECTOR_WORDS and token.pos_ == "NOUN"
                             for owner in token.children
                             if owner.dep_ in ("poss", "compound", "amod", "nmod")),
                            coded_only=True)

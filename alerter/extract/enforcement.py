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
from alerter.extract.participants import all_participants, phrase_tokens

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
_FACT_FRAMES = frozenset({"part", "subject", "target", "focus", "course", "result", "wake",
                          "finding", "outcome", "conclusion"})
# Nouns of worry whose "about" phrase is a fact: "concerns about detentions of activists".
_WORRIES = frozenset({"concern", "worry", "alarm", "outrage", "anger"})
# Participles that say who did it: "an investigation led by the DEA", "arrests carried out
# by the police".
_DONE_BY = frozenset({"lead", "conduct", "carry", "open", "launch", "make", "undertake",
                      "perform", "order"})
# What an inquiry that took place found: "an investigation found that ...".
_FINDING = frozenset({"find", "reveal", "conclude", "show", "determine", "identify",
                      "uncover", "establish", "confirm", "discover", "expose"})
# Words that point at one act the text has in view: "this investigation", "this crackdown".
_POINTING = frozenset({"this", "these"})
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
    against X", "an investigation led by the DEA", "this crackdown"."""
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
        return True  # "as part of a probe into", "the findings of the investigation"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "about" and \
            trigger.head.head.lemma_ in _WORRIES:
        return True  # "concerns about detentions of Ethiopians"
    if any((c.dep_ == "acl" and c.lemma_ in _DONE_BY and c.tag_ == "VBN") or
           (c.dep_ == "det" and c.lower_ in _POINTING) or
           (type_name == "INVESTIGATE" and c.dep_ in ("prep", "agent") and c.lower_ == "by"
            and trigger.dep_ not in ("dobj", "obj")) or
           (type_name == "INVESTIGATE" and c.dep_ == "relcl" and c.tag_ == "VBD")
           for c in trigger.children):
        # "an investigation led by the DEA", "this crackdown", "the investigation by the
        # inspector general", "the investigation that led to these designations"
        return True
    if type_name == "INVESTIGATE" and trigger.dep_ == "nsubj" and \
            trigger.head.lemma_ in _FINDING and trigger.head.tag_ in ("VBD", "VBN", "VBZ"):
        return True  # "after an investigation found that ...", "the probe revealed"
    return judged(trigger)


def not_inquiry(trigger: Token) -> bool:
    """Give whether an inquiry word names something else: a space probe ("the first Arab
    probe to Mars, the Hope Probe"), a home energy audit ("a $150 credit for a home
    energy audit") or audit as a trade ("in the field of statutory audit")."""
    word = trigger.lemma_.lower()
    if word == "probe" and trigger.pos_ in ("NOUN", "PROPN"):
        return trigger.text == "Probe" or any(
            c.dep_ == "prep" and c.lower_ == "to" for c in trigger.children) or any(
            t.lemma_.lower() in ("mars", "moon", "space", "lunar", "orbit", "planet")
            for t in trigger.subtree)
    return word == "audit" and (any(c.dep_ in ("compound", "amod") and
                                    c.lemma_.lower() in ("energy", "home", "efficiency",
                                                         "statutory")
                                    for c in trigger.children) or (
        trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and
        trigger.head.head.lemma_.lower() in ("field", "area", "profession", "sector")))


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


# The words through which a resolve frames the measures it goes on taking: "continue our
# work to impose sanctions", "continue to take all steps, from surging aid to imposing
# sanctions".
_RESOLVE_PATH = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "dobj", "pobj",
                           "prep", "pcomp"})


def resolve_told(anchor: Token) -> bool:
    """Give whether a measure is only what a resolve goes on doing, with no day's action in
    the sentence: "we continue our work to impose sanctions and address evasion" (but
    "Treasury continues its campaign today by designating five firms")."""
    token = anchor
    for _ in range(8):
        if token.dep_ not in _RESOLVE_PATH or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_ in ("continue", "keep") and token.pos_ in ("VERB", "AUX"):
            return not any(t.lower_ == "today" for t in anchor.sent)
    return False


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

"""Threats aimed at a named party in government prose (issue 10, round 5; the examples
are ours): "hold them accountable" where "them" stands for a party named before it, a
warning sent "to Moscow" (by a measure too), "will not hesitate to use our tools against
Hamas" (not "to act", nor "to target those who ...").

Called from event_checks.py (`_misread`) and force_none.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import force_deeds
from alerter.extract.participants import participants_in, phrase_tokens

# What a government "will not hesitate" to do against a named party is a threat.
UNHESITATING = frozenset({"use", "act", "take", "impose", "respond", "target", "strike",
                          "hold", "employ", "deploy"})
WARNING_GOVERNORS = frozenset({"send", "issue", "deliver", "give", "serve"})
# Laws and measures "threaten" in a manner of speaking: "bans that threaten to criminalize
# doctors" tell what the law does, no party threatens.
LAWS = frozenset({"ban", "law", "bill", "measure", "policy", "rule", "regulation", "order",
                  "proposal", "legislation", "budget", "plan", "statute", "mandate",
                  "restriction", "decision", "ruling"})
HELD_PRONOUNS = frozenset({"them", "him", "her", "it"})
NAMED_KINDS = frozenset({"ORG", "PERSON", "NORP", "GPE"})


def held_pronoun(trigger: Token) -> bool:
    """Give whether "hold ... accountable" holds a pronoun standing for a party named
    before it in the sentence: "the FARC is a terrorist group, and we will hold them
    accountable"; not "those responsible ... hold them accountable" (nobody named), nor
    the speaker's own government."""
    if trigger.lemma_ != "hold":
        return False
    held = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    held += [g for c in trigger.children if c.dep_ in ("ccomp", "oprd", "xcomp")
             for g in c.children if g.dep_ in ("nsubj", "dobj")]
    pronouns = [h for h in held if h.lower_ in HELD_PRONOUNS]
    if not pronouns:
        return False
    before = [t for t in trigger.sent if t.i < pronouns[0].i and t.i < trigger.i
              and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")]
    for token in before:
        found = participants_in(phrase_tokens(token))
        if any(code not in (None, "USA") for _, _, code in found):
            return True
        if token.ent_type_ in NAMED_KINDS and not any(
                code == "USA" for _, _, code in found):
            return True
    return False


def aimed(verb: Token) -> bool:
    """Give whether "will not hesitate to X" is aimed at a party named in an "against",
    "on" or object phrase: "will not hesitate to use our tools against Hamas"."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in UNHESITATING]
    phrases = [o for a in acts for o in a.children if o.dep_ in ("dobj", "obj")]
    # "use all of our tools against X"
    phrases += [g for a in acts for c in force_deeds.phrase_words(a)
                if c.dep_ == "prep" and c.lower_ in ("against", "on")
                for g in c.children if g.dep_ == "pobj"]
    return any(code != "USA" and (code or kind in ("organisation", "person"))
               for p in phrases for _, kind, code in participants_in(phrase_tokens(p)))


def warning_to_party(trigger: Token) -> bool:
    """Give whether a warning noun is sent to a named party ("the designations send a
    clear warning to Moscow"): a threat, whoever or whatever sends it."""
    if trigger.lemma_ != "warning" or trigger.dep_ not in ("dobj", "obj") or \
            trigger.head.lemma_ not in WARNING_GOVERNORS:
        return False
    return any(code not in (None, "USA") for c in trigger.children
               if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
               if g.dep_ == "pobj" for _, _, code in participants_in(phrase_tokens(g)))


def law_threatens(trigger: Token) -> bool:
    """Give whether "threaten" is said of a law or a measure ("abortion bans that force
    women to travel and threaten to criminalize doctors", "the rule threatens to raise
    costs"): what it does, no threat made."""
    if trigger.lemma_ != "threaten" or trigger.pos_ != "VERB":
        return False
    verb = trigger
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "bans that jeopardize ..., force ..., and threaten to ..."
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                and c.tag_ not in ("WDT", "WP")]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)
    return any(s.lemma_.lower() in LAWS for s in subjects)


def threat_faced(trigger: Token) -> bool:
    """Give whether a threat or warning noun names a danger faced, no threat made: "prepare
    our Nation for threats", "responses to threats against elections", "protect against
    threats"; not "Russia's threat to station weapons", "in a warning to Hamas"."""
    return trigger.lemma_.lower() in ("threat", "warning") and trigger.pos_ == "NOUN" and \
        trigger.dep_ == "pobj" and trigger.head.lower_ in ("for", "to", "against", "from") \
        and not any(c.dep_ == "poss" for c in trigger.children)

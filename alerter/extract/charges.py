"""Charges (ACCUSE) told by "charge": a charge, or a task or a price.

- "charged with smuggling arms", "an indictment charging X with fraud": a charge;
- "the council is charged with advising the President", "agencies are charged to act",
  "charged with making recommendations": a task;
- "the fees charged", "charged Americans three times more", "charged parents extra",
  "charged stakeholders as much as $20,000", "what people elsewhere are charged", "fees
  from being charged": a price.

Read from the dependency parse; used by the events component.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.participants import all_participants, phrase_tokens
from alerter.extract.speech import CONDEMNING, LEGAL_PAPERS

# Gerunds of a crime after "charged with": "charged with smuggling arms" is a charge, any
# other gerund is a task ("the council is charged with advising the President").
_OFFENCES = frozenset({"smuggle", "ship", "traffic", "supply", "launder", "conspire",
                       "attempt", "murder", "kill", "export", "sell", "violate", "defraud",
                       "evade", "possess", "aid", "kidnap", "hack", "bribe", "steal", "finance",
                       "provide", "transfer", "assault", "attack", "distribute", "import",
                       "obstruct", "lie", "make", "act", "operate", "participate", "commit",
                       "engage", "illegally", "unlawfully", "knowingly", "plan", "plot", "solicit",
                       "threaten", "extort", "harbor", "harbour", "falsify", "misuse", "use"})
# Nouns of a task or a price: "charged with the responsibility for", "fees charged".
_TASKS = frozenset({"responsibility", "task", "duty", "mission", "job", "role", "oversight",
                    "planning", "implementation", "management", "administration", "mandate",
                    "fee", "price", "rate", "interest", "premium", "cost", "amount", "toll",
                    "tuition", "rent", "charge", "fare", "policy", "program", "programme",
                    "operation"})
# Public bodies given a task by name: "charged the Treasury Department with pursuing
# sanctions" (a task, told by its gerund), not "charged Ruiz with smuggling".
_BODIES = frozenset({"department", "office", "agency", "council", "commission", "committee",
                     "treasury", "bureau", "board", "ministry", "secretary", "administration",
                     "force", "government", "congress", "service"})
# What a price is told by: "charged three times more", "charged parents extra", "as much
# as $20,000".
_PRICE_WORDS = frozenset({"more", "less", "extra", "much", "twice", "time", "higher",
                          "lower", "$"})
# What is made as a task, not an offence: "charged with making recommendations" (but
# "charged with making false statements").
_MADE = frozenset({"recommendation", "decision", "improvement", "change", "progress",
                   "determination", "assessment", "finding", "proposal", "plan", "grant",
                   "investment", "policy", "rule", "report", "sure"})


def _priced(trigger: Token) -> bool:
    """Give whether "charge" names a price: an amount or a comparison beside it, "what"
    is charged (and not "with" what), or the fees it hangs from ("fees from being
    charged")."""
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "from" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TASKS for c in trigger.head.head.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
        return False
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.tag_ == "WP":
            return True  # "more than what people elsewhere are charged"
        if child.dep_ in ("advmod", "npadvmod", "amod", "dobj", "acomp") and any(
                t.lemma_.lower() in _PRICE_WORDS or t.ent_type_ == "MONEY"
                for t in child.subtree):
            return True
    return False


def task_or_price(trigger: Token, type_name: str) -> bool:
    """Give whether "charge" gives a task or a price, not a charge: "is charged with
    leading the response", "agencies are charged to act", "the fees charged", "a loan
    charged to every borrower"; but "charged with smuggling arms", "charged X with fraud"."""
    if type_name != "ACCUSE" or trigger.lemma_ != "charge" or trigger.pos_ != "VERB":
        return False
    if _priced(trigger):
        return True  # "charged Americans three times more", "charged parents extra"
    if (trigger.dep_ == "acl" and trigger.head.lemma_.lower() in LEGAL_PAPERS) or any(
            c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON") and
            c.lemma_.lower() not in _BODIES for c in trigger.children):
        return False  # "an indictment charging Ryzhenkov with using ransomware"
    if trigger.dep_ in ("acl", "relcl") and trigger.head.lemma_.lower() in _TASKS:
        return True  # "the fees charged", "junk fees that were charged"
    for child in trigger.children:
        if child.dep_ in ("xcomp", "advcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True  # "agencies are charged to make decisions"
        if child.dep_ in ("dobj", "nsubjpass", "dative", "oprd") and \
                child.lemma_.lower() in _TASKS:
            return True  # "the amount charged", "are charged overdraft fees"
        if child.dep_ == "prep" and child.lower_ == "to":
            return True  # "charged to every borrower": a price
        if child.dep_ == "prep" and child.lower_ == "with":
            for obj in (g for g in child.children if g.dep_ in ("pobj", "pcomp")):
                # "with advancing equity" read as an adjective on the noun
                obj = next((c for c in obj.children if c.dep_ == "amod" and c.tag_ == "VBG"
                            and c.i == child.i + 1 + sum(
                                1 for a in c.children if a.i < c.i)), obj)
                if obj.tag_ == "VBG" or obj.pos_ == "VERB":
                    words = {obj.lemma_.lower()} | {c.lower_ for c in obj.children
                                                    if c.dep_ == "advmod"}
                    if obj.lemma_ == "make" and any(c.dep_ == "dobj" and c.lemma_.lower()
                                                    in _MADE for c in obj.children):
                        return True  # "charged with making recommendations"
                    return not words & _OFFENCES  # "with advising", not "with smuggling"
                if obj.lemma_.lower() in _TASKS:
                    return True  # "charged with the responsibility", "with regional planning"
    return False


def told_by_verb(trigger: Token, type_name: str) -> bool:
    """Give whether a court paper's noun leaves its charge to the participle after it:
    "unsealed an indictment charging two men with fraud" is one charge, told by
    "charging"; so is "returned an indictment charging X with fraud"."""
    if type_name != "ACCUSE":
        return False
    papers = [trigger] if trigger.pos_ == "NOUN" else [
        c for c in trigger.children if trigger.lemma_ == "return"
        and c.dep_ in ("dobj", "nsubjpass")] if trigger.pos_ == "VERB" else []
    return any(paper.lemma_.lower() in LEGAL_PAPERS and any(
        c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_ in ("charge", "accuse")
        for c in paper.children) for paper in papers)


# Nouns for anyone at all: "those convicted of felonies", "people who have been
# convicted", "Black and brown people are disproportionately prosecuted".
_ANYONE = frozenset({"those", "people", "person", "individual", "anyone", "anybody",
                     "someone", "one", "american", "man", "woman", "defendant", "offender",
                     "immigrant", "noncitizen", "veteran", "youth", "student"})
_CONVICTING = frozenset({"convict", "charge", "prosecute", "indict", "sentence"})


def _anyone(noun: Token) -> bool:
    """Give whether a noun is anyone of a kind, not given persons: no number, no article
    or demonstrative ("a 60-year-old man who was convicted" is someone), no name."""
    return noun.lemma_.lower() in _ANYONE and noun.pos_ != "PROPN" and not any(
        c.dep_ in ("nummod", "poss") or (c.dep_ == "det" and c.lower_ not in ("any", "all"))
        for c in noun.children)


def generic(trigger: Token) -> bool:
    """Give whether a conviction or charge is said of anyone of a kind, not of given
    persons: "those convicted of felonies are not eligible", "people who have been
    convicted of a felony", "people are disproportionately arrested and prosecuted"."""
    if trigger.lemma_ not in _CONVICTING or trigger.pos_ != "VERB":
        return False
    verb = trigger
    while verb.dep_ in ("conj", "advcl") and verb.head.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "arrested, prosecuted and convicted"
    if verb.dep_ == "acl":
        return _anyone(verb.head)  # "those convicted of felonies"
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if verb.dep_ == "relcl" and subjects and subjects[0].tag_ in ("WP", "WDT"):
        return _anyone(verb.head)  # "people who have been convicted"
    return bool(subjects) and _anyone(subjects[0])


def doomed(trigger: Token) -> bool:
    """Give whether "condemn" means to doom: "condemning families to a dangerous future"."""
    return trigger.lemma_ == "condemn" and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in trigger.children)


# What a concern may be over and still charge someone: an act ("concern over the arrest
# of protesters", "about the coup"), not a condition ("concern over the drought", "for
# civilians", "about migration flows").
_ACTS = frozenset({"arrest", "detention", "coup", "violence", "attack", "crackdown",
                   "repression", "sentence", "execution", "killing", "strike", "escalation",
                   "build", "buildup", "activity", "action", "support", "rhetoric", "test",
                   "launch", "provocation", "move", "decision", "conduct", "behavior",
                   "behaviour", "harassment", "intimidation", "abuse", "violation",
                   "seizure", "incursion", "deployment", "transfer", "export", "procurement",
                   "militarization", "coercion", "interference", "restriction"})


def concern_for_a_condition(trigger: Token) -> bool:
    """Give whether "expressed concern" is over a condition or a fear, charging no one: no
    coded party and no act in what it is over ("concern over the drought", "for
    civilians", "that the rule would cut giving"); but "concern over the PRC's support",
    "about the recent arrests of activists"."""
    if trigger.lemma_ != "express":
        return False
    concern = next((c for c in trigger.children if c.lemma_ == "concern"), None)
    if concern is None:
        return False
    over = [g for c in concern.children if c.dep_ == "prep" and
            c.lower_ in ("about", "over", "regarding", "with", "at", "on")
            for g in c.children if g.dep_ in ("pobj", "pcomp")]
    for obj in over:
        words = [obj, *obj.conjuncts]
        if any(w.lemma_.lower() in _ACTS for w in words) or all_participants(
                [phrase_tokens(w) for w in words], coded_only=True):
            return False
    return True


# Nouns of a duty, whose infinitive only says what ought to be done: "we all have a
# responsibility to condemn violence", "the need for all sides to condemn terrorism".
_DUTIES = frozenset({"responsibility", "need", "duty", "obligation", "imperative", "call"})


def only_a_duty(trigger: Token) -> bool:
    """Give whether a condemnation is only a duty named ("a responsibility to condemn
    violence", "the need for all sides to take steps and condemn terrorism"), no one
    condemning anything yet."""
    if trigger.lemma_ not in CONDEMNING or trigger.pos_ != "VERB":
        return False
    verb = trigger
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "to lower the temperature and condemn violence"
    return verb.dep_ in ("acl", "relcl", "advcl") and verb.head.lemma_.lower() in _DUTIES and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def not_a_charge(trigger: Token, type_name: str) -> bool:
    """Give whether an ACCUSE trigger states no charge of its own: a task or a price, a
    court paper whose participle tells the charge, a conviction of anyone of a kind, a
    doom, or a condemnation that is only a duty."""
    return task_or_price(trigger, type_name) or told_by_verb(trigger, type_name) or (
        type_name == "ACCUSE" and (generic(trigger) or doomed(trigger) or
                                   concern_for_a_condition(trigger) or only_a_duty(trigger)))

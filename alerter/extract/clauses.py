"""Where a word sits in its sentence: the phrase a noun heads, the verb that governs
it, its subject, and whether a trigger has the company its taxonomy entry requires.
Read from the dependency parse; used by the events component.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from alerter.extract import lexicon
from alerter.extract.participants import participants_in, phrase_tokens
from alerter.extract.taxonomy import Requirement

SUBJECT = {"nsubj", "csubj"}
_PASSIVE_SUBJECT = {"nsubjpass", "csubjpass"}
_OBJECT = {"dobj", "obj", "dative", "attr", "oprd"}
# Moves up from a word to the clause or phrase that governs it.
# Prepositions through which a noun's event belongs to the noun above it:
# "a decision on the provision of aid", "talks about the supply of drones".
_NOUN_PREPS = {"of", "on", "about", "over", "for", "regarding", "concerning"}
_CLIMB_NP = {"compound", "amod", "nmod", "conj", "appos", "npadvmod", "poss"}


def _up(token: Token) -> Token | None:
    """Give the word one step up inside the noun phrase, or None at its head."""
    if token.dep_ in _CLIMB_NP and token.head.i != token.i and token.head.pos_ in (
            "NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return token.head
    if (token.dep_ == "pobj" and token.head.lower_ in ("of", "including")
            and token.head.head.pos_ in ("NOUN", "PROPN")):
        # "a package of sanctions"; "sanctions, including export controls": the
        # listed measures share the frame of the noun that lists them
        return token.head.head
    return None


def np_head(token: Token) -> Token:
    """Climb from a word to the head of the noun phrase it sits in."""
    while (above := _up(token)) is not None and not (
            token.dep_ == "pobj" and above.lemma_ in lexicon.PRESUPPOSING_NOUNS):
        token = above  # but "in the wake of the attack": the attack is its own phrase
    return token


def _framed_by(token: Token) -> Token | None:
    """Give the noun a phrase hangs from by "on", "about", "over"...: "concern over the
    arrest", "a decision on the provision of aid"."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and \
            token.head.lower_ in _NOUN_PREPS and token.head.head.pos_ in ("NOUN", "PROPN"):
        return token.head.head
    return None


def owned_through_of(trigger: Token, governors: Container[str]) -> bool:
    """Give whether a nominal trigger the clause takes by way of "of" still belongs to
    the clause's subject: "announced a new round of sanctions" does, "announced
    sanctions on Friday, the anniversary of the invasion of Ukraine" does not."""
    token = trigger
    while (above := _up(token) or _framed_by(token)) is not None:
        lemma = above.lemma_.lower()
        if token.dep_ == "pobj" and token.head.lower_ != "including" and not (
                lemma in lexicon.CONTAINERS or lemma in lexicon.MEASURES
                or lemma in lexicon.PARTITIVES or lemma in governors):
            return False
        token = above
    return True


# Verbs a measure cannot do but is told by, whose participle the parser may read as the
# clause's verb: "the sanctions announced today target ...".
_TELLING = frozenset({"announce", "unveil", "adopt", "approve"})


def governor_of(trigger: Token, governors: Container[str]) -> tuple[Token | None, str]:
    """Give the word that frames a nominal trigger's phrase, and how: 'object' or 'subject'.

    It is the verb that takes the phrase ("announced new sanctions"), or a framing
    noun it hangs from ("negotiations for the delivery of drones").
    """
    head = np_head(trigger)
    if head.i != trigger.i and head.lemma_ in lexicon.ENACTING_NOUNS | lexicon.ANNOUNCING_NOUNS \
            and head.lemma_ in governors:
        return head, "object"  # "welcomed the signing of a memorandum": it was signed
    for told in (c for t in {trigger, head} for c in t.children
                 if c.dep_ == "acl" and c.tag_ == "VBN"):
        if told.lemma_ in governors and any(g.lower_ == "today" for g in told.children):
            return told, "object"  # "welcomed the sanctions adopted today by the EU"
    while True:
        if head.dep_ in _PASSIVE_SUBJECT and head.head.lemma_ in lexicon.PURPOSE_PASSIVES:
            return None, "none"  # "sanctions are intended to change behaviour"
        if head.dep_ in _OBJECT | _PASSIVE_SUBJECT and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
            if verb.lemma_ not in governors and verb.dep_ == "conj" and \
                    verb.head.lemma_ in governors and \
                    not any(c.dep_ in _OBJECT for c in verb.head.children):
                return verb.head, "object"  # "issued or amended general licences"
            return verb, "object"
        if head.dep_ in SUBJECT and head.head.pos_ in ("VERB", "AUX"):
            if head.head.lemma_ in _TELLING and head.head.lemma_ in governors and any(
                    c.lower_ == "today" for c in head.head.children):
                return head.head, "object"  # "the sanctions announced today target X"
            return head.head, "subject"
        if head.dep_ == "pobj" and head.head.lower_ in lexicon.PRESUPPOSING_PREPS:
            return None, "none"  # "vowed revenge after the killing": not what was vowed
        if head.dep_ == "pobj" and head.head.dep_ in ("prep", "agent"):
            above = head.head.head
            if head.head.lower_ == "of" and above.lemma_ in lexicon.PRESUPPOSING_NOUNS:
                return None, "none"  # "in the wake of the attacks": taken as given
            if above.pos_ in ("NOUN", "PROPN") and head.head.lower_ not in _NOUN_PREPS:
                return None, "none"  # "pressure from sanctions regimes": not its event
            if above.pos_ in ("VERB", "AUX"):
                if any(c.lower_ == "forth" for c in above.children):
                    return None, "none"  # "the terms set forth in the general licence"
                return above, "object"
            if above.pos_ in ("NOUN", "PROPN"):
                if above.lemma_ in governors:
                    return above, "object"
                head = np_head(above)
                continue
        if head.dep_ == "acl" or head.dep_ == "ROOT":
            return None, "root" if head.dep_ == "ROOT" else "none"
        return None, "none"


def subject_of(verb: Token) -> Token | None:
    """Give the word that does what the verb says: its subject, a passive's "by" agent,
    or the subject of the verb it depends on ("plans to send", "had no plans to")."""
    token: Token | None = verb
    while token is not None and token.pos_ in ("NOUN", "PROPN"):
        # a framing noun ("negotiations for ..."): the subject of the verb above it
        up = token.head.head if token.dep_ == "pobj" else token.head
        token = up if up.i != token.i and token.dep_ in ("pobj", "dobj", "attr") else None
    framing = token is not None and token.i != verb.i
    while token is not None:
        for child in token.children:
            if child.dep_ in SUBJECT or (framing and child.dep_ in _PASSIVE_SUBJECT):
                if child.tag_ == "WDT" and token.dep_ == "relcl":
                    return token.head
                return child
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if token.dep_ == "xcomp" and token.head.lemma_ in lexicon.OBJECT_CONTROL:
            # "enabled the people of Ukraine to defend and recapture": the object does it
            done_by = [c for c in token.head.children if c.dep_ == "dobj"]
            if done_by:
                return done_by[0]
        if token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") and token.head.i != token.i:
            head = token.head
            if head.pos_ in ("VERB", "AUX"):
                token = head
            elif head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
                token = head.head  # "agencies will be unable to provide"
            elif (token.dep_ == "acl" and head.dep_ in ("dobj", "attr")
                  and head.head.pos_ in ("VERB", "AUX")):
                token = head.head  # "Rome had no plans to deliver": Rome's plans
            else:
                token = None
            framing = True
        elif token.dep_ == "relcl":
            return token.head
        else:
            token = None
    return None


_PARTY_PREPS = ("with", "to", "on", "against", "for", "from", "toward", "towards")
# A party's aims and plans, which name it without being it
_AIMS = frozenset({"strategy", "interest", "policy", "goal", "objective", "agenda",
                   "priority", "aim"})
_ATTACHED_PREPS = ("of", "on", "against", "in", "by", "at", "near", "outside", "inside", "to",
                   "into")


def attached(noun: Token) -> bool:
    """Give whether an event noun names a party or place it concerns: "a rocket attack on
    Kyiv", "the arrest of Turkish journalists", "Israeli strikes", "the bombing in Athens"."""
    if any(c.dep_ in ("prep", "agent") and c.lower_ in _ATTACHED_PREPS for c in noun.children):
        return True
    return any(c.dep_ in ("poss", "amod", "compound") and participants_in(phrase_tokens(c))
               for c in noun.children)


def _shown(child: Token) -> bool:
    """Give whether a verb's dependent says what it shows, so the verb is not used on its
    own: "studies demonstrate that ...", "will demonstrate how ...", "as research has
    demonstrated", "demonstrated exactly why ..."."""
    if child.dep_ in ("ccomp", "xcomp"):
        return True
    if child.dep_ == "mark" and child.lower_ == "as":  # but "as Russian troops withdraw"
        return child.head.lemma_ in ("demonstrate", "show", "prove")
    return child.dep_ == "advcl" and any(g.tag_ in ("WRB", "WP") and g.i < child.i
                                         for g in child.children)


def meets(trigger: Token, needs: Requirement) -> bool:
    """Give whether the trigger has what its requirement asks for (any one part)."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "dative", "nsubjpass")]
    # "territory seized by Russian forces": the noun a participle describes is its object
    described = [trigger.head] if trigger.dep_ == "acl" and trigger.tag_ == "VBN" else []
    if needs.intransitive and not any(c.dep_ in ("dobj", "obj") or _shown(c)
                                      for c in trigger.children):
        return True
    if needs.clause and any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "acl" and c.tag_ == "VB")
                            for c in trigger.children):
        return True
    if needs.infinitive and any(_infinitive(c) for c in trigger.children):
        return True
    if needs.preps and any(c.dep_ == "prep" and c.lower_ in needs.preps
                           for c in trigger.children):
        return True
    if needs.agent:
        subject = subject_of(trigger)
        # not the "by" agent of a participle: "the abuses committed by the regime"
        by_agent = trigger.dep_ == "acl" and subject is not None and subject.head.dep_ == "agent"
        if subject is not None and not by_agent and \
                any(p[2] for p in participants_in(phrase_tokens(subject))):
            return True
        if any(c.dep_ == "poss" and any(p[2] for p in participants_in(phrase_tokens(c)))
               for c in trigger.children):
            return True  # "Russia's threat to station weapons"
    # a verb joined to another shares its subject: "they voiced concern and discussed X"
    said_by = trigger
    while said_by.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                            for c in said_by.children):
        said_by = said_by.head
    if needs.subjects and any(c.dep_ in ("nsubj", "nsubjpass") and (
            c.lemma_.lower() in needs.subjects or any(
                t.lower_ in needs.subjects for t in phrase_tokens(c)))
            for c in said_by.children):
        return True
    # "thousands of troops", "a battalion of tanks": the goods behind a measure word
    measured = [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    # "released missionary John Short": a name's title says what it is
    measured += [c for o in objects if o.pos_ == "PROPN" for c in o.children
                 if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if needs.objects and any(o.lemma_.lower() in needs.objects
                             for o in objects + measured + described):
        return True
    if needs.not_objects and not any(o.lemma_.lower() in needs.not_objects
                                     for o in objects + described):
        return True
    if needs.party:
        phrases = objects + [g for c in trigger.children if c.dep_ in ("prep", "agent")
                             and c.lower_ in _PARTY_PREPS for g in c.children
                             if g.dep_ == "pobj"]
        # "impose severe costs on Russia", the "on" read as the noun's
        phrases += [g for o in objects for c in o.children if c.dep_ == "prep"
                    and c.lower_ in ("on", "against") for g in c.children if g.dep_ == "pobj"]
        # "hold Russia accountable": the party is the subject of the small clause
        phrases += [g for c in trigger.children if c.dep_ in ("ccomp", "oprd", "xcomp")
                    for g in c.children if g.dep_ == "nsubj"]
        # "support the U.S. strategy", "threatens U.S. interests": what a party has or
        # aims at, no party
        return any(participants_in(phrase_tokens(p)) for p in phrases
                   if p.lemma_.lower() not in lexicon.HOLDINGS | _AIMS)
    return False


def _infinitive(child: Token) -> bool:
    """Give whether a verb's child is a to-infinitive: "agreed to send", also as the parser
    sometimes reads it ("committed to maintain" as an adverbial clause, "to advance" as
    a preposition's object); not a gerund ("committed to enforcing the law")."""
    if child.dep_ == "xcomp" and child.tag_ == "VB":
        return True
    if child.dep_ == "advcl" and child.tag_ == "VB":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    return child.dep_ == "prep" and child.lower_ == "to" and any(
        g.dep_ == "pobj" and g.tag_ == "VB" for g in child.children)


def charging_verb(trigger: Token) -> Token | None:
    """Give the verb that designates or charges someone for the trigger's act, if any:
    "designated for supplying weapons", "accused of shipping drones", "sanctioned two
    firms for drone deliveries", "imposed sanctions on X over drone deliveries"."""
    reasons = ("for", "of", "with", "over") if trigger.dep_ == "pobj" else ("for", "of", "with")
    if trigger.dep_ not in ("pcomp", "pobj") or trigger.head.lower_ not in reasons:
        return None
    verb = trigger.head.head
    if verb.dep_ in ("dobj", "obj", "nsubjpass") and verb.pos_ in ("NOUN", "PROPN"):
        verb = verb.head  # "designated three firms for supplying drones"
    if verb.lemma_ in lexicon.CHARGING_VERBS:
        return verb
    imposed = verb.lemma_ in ("impose", "levy", "announce") and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lexicon.PENALTY_NOUNS
        for c in verb.children)
    return verb if imposed else None

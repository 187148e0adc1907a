"""Refusals (REJECT) on government prose, beyond speech.py's reading of them:

- no refusal in a list of conditions the parse has cut loose ("... sanctions for persons
  that take concrete actions to restore order, refuse to take part in abuses and speak
  out ...": the refusal verb in the present, with no subject of its own, hangs from a
  verb of another tense);
- no refusal from "decline" with neither an object nor a to-infinitive: "the
  unemployment rate declined to 3.8%", "home sales have declined" (a fall, not a
  refusal; but "declined to comment", "declined the invitation");
- no refusal from "dismissed from his post" (removed from office);
- no refusal in "refuse to believe" or "a refusal to be intimidated" (a stance, not a
  refusal of anything asked), nor in "the rejection of transactions" (a bank's handling
  of payments);
- a refusal noun held by a named person or told with its "by" agent is a refusal
  wherever it stands: "overturned Governor Lee's veto", "the refusal by the Senate to
  act".

Read from the dependency parse; used by the events component.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.participants import participants_in, phrase_tokens

# What banks reject: "the rejection of transactions", "reject payments".
_HANDLED = frozenset({"transaction", "payment", "transfer", "fund", "wire", "deposit"})


def no_refusal(trigger: Token, type_name: str) -> bool:
    """Give whether a refusal word states no refusal: a condition in a list, a stance,
    or a bank's handling of payments."""
    if type_name != "REJECT":
        return False
    if trigger.pos_ == "VERB" and trigger.tag_ == "VBP" and \
            trigger.dep_ in ("conj", "ccomp") and \
            trigger.head.tag_ in ("VB", "VBN", "VBG") and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return True  # "persons that take steps to restore order, refuse to take part ..."
    if trigger.lemma_ in ("refuse", "refusal") and _stance(trigger):
        return True  # "refuse to believe", "a refusal to be silenced"
    if trigger.lemma_ == "decline" and trigger.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "obj") or (c.dep_ == "xcomp" and c.tag_ == "VB" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
            for c in trigger.children):
        return True  # "the unemployment rate declined to 3.8%", "sales have declined"
    if trigger.lemma_ == "dismiss" and any(c.dep_ == "prep" and c.lower_ == "from"
                                           for c in trigger.children):
        return True  # "was dismissed from his post": removed, nothing refused
    return trigger.lemma_ == "rejection" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _HANDLED
        for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children)


def _stance(trigger: Token) -> bool:
    """Give whether "refuse" takes a verb of believing, being or giving way: "refuse to
    believe the bank of justice is bankrupt", "his refusal to be intimidated", "the
    people have refused to break"."""
    return any(c.dep_ in ("xcomp", "acl") and c.lemma_ in ("believe", "be", "break", "bow")
               for c in trigger.children)


def held(noun: Token) -> bool:
    """Give whether a refusal noun names who refuses, though without a code: a named
    person's possessive ("Governor Lee's veto") or a "by" agent ("the refusal by
    congressional leaders to act")."""
    for child in noun.children:
        if child.dep_ == "poss" and (child.ent_type_ == "PERSON" or
                                     participants_in(phrase_tokens(child))):
            return True
        if child.dep_ in ("prep", "agent") and child.lower_ == "by" and any(
                participants_in(phrase_tokens(g)) for g in child.children
                if g.dep_ == "pobj"):
            return True
    return False


def veto_threatened(trigger: Token, type_name: str, modality: str) -> bool:
    """Give whether a veto still to come is a veto threat, its refusal hypothetical (the
    threat itself is a THREATEN): "has pledged to veto the bill", "will veto any bill
    that cuts benefits", "his intent to veto it"."""
    return type_name == "REJECT" and modality == "planned" and trigger.lemma_ == "veto"

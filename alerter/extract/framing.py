"""How an event is framed: its modality, whether it is hedged, who reports it.

Read from the dependency parse around the event's anchor (the trigger, or the verb
that governs a nominal trigger). The mapping of phrasing to modality, in DESIGN's
terms, is written down in docs/extraction.md.
"""

from __future__ import annotations

from collections.abc import Container, Mapping

from spacy.tokens import Span, Token

from alerter.extract import lexicon
from alerter.extract.participants import Found, participants_in, phrase_tokens

_SUBJECT = {"nsubj", "csubj"}
# dependencies through which the words above an event frame it ("plans to send",
# "talks on the supply of"); not "relcl": a relative clause makes its own statement
_FRAMING_DEPS = ("xcomp", "pcomp", "conj", "ccomp", "advcl", "prep", "pobj", "dobj", "acl",
                 "compound", "amod")


# Verbs that report what someone said they will do: "affirmed that it would send".
_AFFIRMING = frozenset({"affirm", "reaffirm", "assure", "reassure", "confirm", "announce",
                        "say", "state", "tell", "stress", "emphasize", "underscore"})


# Verbs of holding back, which a negation above an event turns into resolve: "will not
# hesitate to hold Iran accountable", "will never waver in holding X accountable".
_HOLDING_BACK = frozenset({"hesitate", "waver", "relent", "flinch"})


def _reported_will(token: Token) -> bool:
    """Give whether a "would" clause is a "will" reported in the past: "affirmed that the
    United States would continue providing" (not "said it would be a disaster if", nor
    "said that lethal aid to Moscow would cross a red line": a party must be its subject)."""
    head = token.head
    return token.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_ in _AFFIRMING and \
        any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in token.children) and \
        not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in
                                          lexicon.CONDITIONAL_MARKS for m in c.children)
                for c in token.children)


def chain(anchor: Token) -> list[Token]:
    """Give the anchor and the words above it whose meaning frames it (xcomp, ...)."""
    out = [anchor]
    token = anchor
    while (token.dep_ in _FRAMING_DEPS or _purpose_relative(token)) and token.head.i != token.i:
        if token.dep_ in ("conj",) and token.head.pos_ == "VERB":
            # "have not decided on X but are discussing Y": the conjunct stands alone
            break
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in lexicon.PRESUPPOSING_PREPS:
            break  # "vowed revenge after the killing of ...", "after deploying troops"
        if token.dep_ == "acl" and token.tag_ == "VBN":
            break  # "called for the release of those detained": the detention happened
        if token.dep_ == "acl" and any(c.dep_ == "nsubj" for c in token.children):
            break  # a lead-in misread: "Trade Rules: Vietnam committed to ..."
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in
                                         lexicon.PRESUPPOSING_MARKS for c in token.children):
            break  # "prepares for protests after eight people were arrested"
        token = token.head
        if token.lemma_ in lexicon.SIGNIFICANCE_NOUNS:
            break  # "would be the first instance of Iran supplying ...": a comment on it
        out.append(token)
        if token.lemma_ in lexicon.REPORT_VERBS and token.pos_ == "VERB":
            break
    return out


def _purpose_relative(token: Token) -> bool:
    """Give whether the verb is an infinitive saying what a noun is for ("urged Congress
    to pass the bill to provide aid"): framed by what is done with the noun."""
    return token.dep_ == "relcl" and token.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _negated_by_no(token: Token) -> bool:
    """Give whether the word carries 'no' ("no plans", "no tanks")."""
    return any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)


def _perfect_after_modal(token: Token) -> bool:
    """Give whether the verb is 'may/might/could have' + participle: a hedged past."""
    kids = [c for c in token.children if c.dep_ == "aux"]
    return (token.tag_ == "VBN" and any(c.lower_ in lexicon.HEDGED_MODALS for c in kids)
            and any(c.lower_ in ("have", "'ve") for c in kids))


# Verbs that stop a proposal: what "a resolution that would have imposed sanctions" says,
# once vetoed, did not happen.
_DEFEATING = frozenset({"veto", "block", "reject", "defeat", "sink"})


def _defeated_proposal(token: Token) -> bool:
    """Give whether the verb tells what a defeated proposal would have done: "Russia
    vetoed a resolution that would have imposed an arms embargo" (negated)."""
    return token.dep_ == "relcl" and token.head.dep_ in ("dobj", "nsubjpass") and \
        token.head.head.lemma_ in _DEFEATING and \
        any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in token.children)


def _conditional_consequence(token: Token) -> bool:
    """Give whether the verb is the future or modal outcome of an 'if' clause."""
    modal = any(c.dep_ == "aux" and c.lower_ in lexicon.PLANNED_AUX | lexicon.HYPOTHETICAL_AUX
                for c in token.children)
    return modal and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in
                                                   ("if", "unless") for m in c.children)
                         for c in token.children)


def modality(trigger: Token, anchor: Token, governor: Token | None,
             governors: Mapping[str, str], requests: Container[str],
             bare: str = "asserted", climb: bool = True) -> tuple[str, bool]:
    """Give the event's modality, and whether the wording itself hedges it.

    `bare` is the modality of the trigger word alone ("requested" is discussed);
    `requests` are verbs under which an event is asked for: discussed. Without `climb`
    only the anchor's own words count (a noun no verb governs: "a rocket attack on X").
    """
    if _negated_by_no(trigger):
        return "negated", False
    # "a planned offensive", "a possible attack", "the alleged transfer"
    for child in trigger.children:
        if child.dep_ == "amod" and child.lower_ in lexicon.MODAL_ADJECTIVES:
            bare, hedge = lexicon.MODAL_ADJECTIVES[child.lower_]
            if hedge:
                return bare, True
    frame = chain(anchor)
    # "X denied that it plans to send ...": a denial above outranks what it denies
    if any(governors.get(a.lemma_) == "negated" and a.pos_ == "VERB" for a in frame[1:]):
        return "negated", False
    for position, token in enumerate(frame if climb else [anchor]):
        if any(c.dep_ == "neg" for c in token.children) and not (
                position > 0 and token.lemma_ in _HOLDING_BACK):
            return "negated", False  # but "will not hesitate to hold X accountable"
        if position > 0 and _negated_by_no(token) and token.lemma_ in governors:
            return "negated", False  # "had no plans to deliver"
        if _perfect_after_modal(token):
            return "asserted", True  # "may have sent"
        if token.lower_ in ("able", "unable") or any(
                c.dep_ == "acomp" and c.lower_ in ("able", "unable") for c in token.children):
            return "hypothetical", False  # "will be unable to provide", "would be able to"
        if _defeated_proposal(token):
            return "negated", False  # "vetoed a resolution that would have imposed X"
        if _conditional_consequence(token):
            return "hypothetical", False  # "if Russia invades, we will impose ..."
        if (token.dep_ == "ROOT" and token.tag_ == "VB" and token.i == token.sent.start
                and not any(c.dep_ in ("nsubj", "aux") for c in token.children)):
            return "planned", False  # a plan's bullet: "Provide $10 million to Moldova"
        for child in token.children:
            if child.dep_ in ("aux", "auxpass"):
                if child.lower_ in lexicon.PLANNED_AUX:
                    return "planned", False
                if child.lower_ in ("would", "'d") and any(
                        governors.get(a.lemma_) == "planned" for a in frame[position + 1:]):
                    return "planned", False  # "agreed that it would provide": a promise
                if child.lower_ in ("would", "'d") and _reported_will(token):
                    return "planned", False  # "affirmed that the US would continue providing"
                if child.lower_ in lexicon.HYPOTHETICAL_AUX:
                    return "hypothetical", False
            if child.dep_ == "mark" and child.lower_ in lexicon.CONDITIONAL_MARKS:
                return "hypothetical", False
            if ((child.dep_ == "aux" and child.lower_ == "going")
                    or (child.lower_ == "set" and child.dep_ == "auxpass")):
                return "planned", False
        if token.lemma_ in ("set", "due", "expect") and position > 0:
            return "planned", False
        if position > 0 and token.lemma_ == "look" and any(
                c.lower_ == "forward" for c in token.children):
            return "planned", False  # "I look forward to meeting the Prime Minister"
        if position > 0 and token.lemma_ in requests:
            return "discussed", False
        is_governor = governor is not None and token.i == governor.i
        if (position > 0 or is_governor) and token.lemma_ in governors:
            found = governors[token.lemma_]
            if found == "asserted" and position > 0 and any(
                    a.lemma_ in requests for a in frame[position + 1:] if climb):
                return "discussed", False  # "urged Congress to pass aid for Kyiv"
            if found != "asserted" or position > 0:
                return found, False
        if token.lemma_ in lexicon.REPORT_VERBS and position > 0:
            break
    return bare, False


def cue_tokens(sentence: Span) -> list[Token]:
    """Give the words of the sentence that hedging and attribution look at (one pass)."""
    return [t for t in sentence if t.lower_ in lexicon.HEDGES or t.lower_ == "according"
            or t.lemma_ in lexicon.HEDGE_PASSIVES or t.lemma_ in lexicon.HEDGE_SOURCES]


def hedged(anchor: Token, cues: list[Token]) -> bool:
    """Give whether a hedge ("reportedly", "is believed to", "sources") frames the event;
    `cues` are the sentence's `cue_tokens`."""
    frame = {t.i for t in anchor.ancestors} | {anchor.i}
    for token in cues:
        if token.lower_ in lexicon.HEDGES and (token.head.i in frame or token.i in frame):
            return True
        if (token.i in frame and token.lemma_ in lexicon.HEDGE_PASSIVES
                and token.tag_ == "VBN"
                and any(c.dep_ == "auxpass" for c in token.children)):
            return True
        if (token.lemma_ in lexicon.HEDGE_SOURCES and token.pos_ == "NOUN"
                and (token.head.i in frame or (token.dep_ == "pobj"
                     and token.head.head.lower_ == "according"))):
            return True
    return False


def attribution(sentence: Span, anchor: Token, cues: list[Token]) -> str | None:
    """Give who reports the event ("according to X", "X said"), or None; `cues` are the
    sentence's `cue_tokens`."""
    for token in cues:
        if token.lower_ == "according":
            for prep in token.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return clean(phrase_tokens(pobj))
    token = anchor
    while token.head.i != token.i:
        dep = token.dep_
        token = token.head
        if token.lemma_ in lexicon.REPORT_VERBS and dep in ("ccomp", "parataxis", "advcl",
                                                            "xcomp", "conj", "dobj"):
            subject = [c for c in token.children if c.dep_ in _SUBJECT
                       and c.pos_ != "PRON"]
            if subject:
                return clean(phrase_tokens(subject[0]))
    for child in sentence.root.children:
        # "..., CNN reported." with the report verb as a parataxis of the event
        if child.dep_ == "parataxis" and child.lemma_ in lexicon.REPORT_VERBS:
            subject = [c for c in child.children if c.dep_ in _SUBJECT]
            if subject:
                return clean(phrase_tokens(subject[0]))
    return None


def self_report(sentence: Span, anchor: Token) -> Found:
    """Give the reporter as the actor when it is a state reporting its own act
    ("The UK government stated that its new export bans aim to ...")."""
    token = anchor
    while token.head.i != token.i:
        if token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ in ("VBN", "VBG")):
            return []  # "companies that supply the army", "a drone launched from the east":
            # a third party, not the reporter
        token = token.head
        if token.lemma_ in lexicon.REPORT_VERBS:
            subject = [c for c in token.children if c.dep_ in _SUBJECT]
            found = participants_in(phrase_tokens(subject[0])) if subject else []
            return [p for p in found if p[2]]
    return []


def clean(tokens: list[Token]) -> str:
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    while ordered and ordered[0].dep_ in ("det", "punct", "cc"):
        ordered = ordered[1:]
    if not ordered:
        return ""
    doc = ordered[0].doc
    return doc[ordered[0].i: ordered[-1].i + 1].text

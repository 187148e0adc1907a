"""The issuer of a document as the doer of what it says it does.

A government's own releases speak of it in the first person and by office: "we will
impose costs", "our sanctions", "I urge Congress", "the President condemned", and
they tell its measures without a doer: "two banks were designated today", "today's
action targets". With `nlp.issuers` naming the issuer of a source (`treasury: USA`),
an event of one of its documents that found no coded actor gets the issuer as its
actor when

- the subject of the trigger's clause (through "will continue to", "and") is "we" or
  "I", or the issuer's office named with "the": the President, the Vice President,
  the Administration, the Secretary, the Department;
- the trigger is owned by "our" or "my" ("our sanctions");
- it is a duty the issuer lays on another party, a request ("Russia must withdraw",
  "Congress should act");
- it is a measure of the issuer's own kind, a sanction or its lifting (SANCTION,
  CONCEDE), told without a doer: passive ("were designated today"), or with the
  measure itself as the subject ("today's action targets").

An actor the sentence names (another government, "the two leaders", "our partners")
is left as found: the issuer is only the speaker, not everyone its sentences mention.
A joint statement (a title that says so, or names a G7, G20, Quad or NATO statement)
speaks for all who signed it, so its "we" and "our" stay as found.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from alerter.extract import asks
from alerter.extract.gazetteer import load_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# a document source's issuer: (code, participant kind)
Issuer = tuple[str, str]

FIRST_PERSON = frozenset(("we", "i"))
MEASURES = frozenset(("action", "designation", "sanction", "measure", "announcement", "step"))
JOINT = re.compile(r"\bjoint\b|communiqu|\bG-?7\b|\bG-?20\b|\bquad\b|\bnato\b|leaders.? statement",
                   re.IGNORECASE)
OWNERS = frozenset(("our", "my"))
OFFICES = frozenset(("president", "administration", "secretary", "department"))
UNNAMED_DOER = frozenset(("SANCTION", "CONCEDE"))
# clauses that share their subject with the one they hang from
SHARED_SUBJECT = frozenset(("xcomp", "conj", "aux", "auxpass"))
SUBJECTS = frozenset(("nsubj", "csubj"))


def _subject(token: Token) -> Token | None:
    """Give the subject of the clause the token is in, through clauses that share it.

    Narrower than `clauses.subject_of` on purpose: that one also climbs adverbial,
    relative and participle clauses and takes a passive's agent, which would make the
    issuer the doer of acts its sentences only mention (dev actor accuracy 0.725 →
    0.719 with it)."""
    for _ in range(6):
        found = [c for c in token.children if c.dep_ in SUBJECTS]
        if found:
            return found[0]
        if token.dep_ not in SHARED_SUBJECT or token.head is token:
            return None
        token = token.head
    return None


def _office(subject: Token) -> bool:
    """Give whether the subject is the issuer's office: 'the President', 'the Vice
    President' — not 'the President of Ukraine' nor 'Ukraine's president'."""
    if subject.lower_ not in OFFICES:
        return False
    kids = list(subject.children)
    return (any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
            and not any(c.dep_ in ("prep", "poss") or c.ent_type_ for c in kids))


def _issuers_say(verb: Token) -> bool:
    """Give whether a clause is the issuer's own words: not reported as another's ("the
    Kremlin insists that Ukraine must withdraw", "analysts said Russia must leave"),
    unless the one who says it is the issuer ("we believe Russia must withdraw")."""
    if verb.dep_ != "ccomp":
        return True
    sayer = _subject(verb.head)
    return sayer is not None and (sayer.lower_ in FIRST_PERSON or _office(sayer))


def joint(title: str | None) -> bool:
    """Give whether a document's title says it is a joint statement."""
    return bool(title and JOINT.search(title))


def speaker(doc: Doc, event: dict[str, Any], first_person: bool = True) -> str | None:
    """Give the words that make the event (as the events component stores it) the
    issuer's own ("We", "our", "The President"; "" for a measure with no doer), or None
    when it is not; without `first_person`, "we", "I", "our" and "my" do not count."""
    if any(p.get("code") for p in event.get("actor", ())):
        return None
    trigger = doc.char_span(event["trigger"]["start"], event["trigger"]["end"],
                            alignment_mode="expand")
    if trigger is None:
        return None
    head = trigger.root
    owner = [c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNERS]
    if owner and first_person:
        return owner[0].text
    subject = _subject(head)
    if subject is not None and subject.lower_ in FIRST_PERSON:
        return subject.text if first_person else None
    if subject is not None and _office(subject):
        return doc[subject.left_edge.i:subject.i + 1].text
    if event["type"] == "REQUEST" and first_person and asks.told_as_duty(head) and \
            _issuers_say(head):
        return ""  # "Russia must withdraw": the issuer lays the duty (asks.py)
    if event["type"] not in UNNAMED_DOER or event.get("actor"):
        return None
    return "" if subject is None or subject.lemma_.lower() in MEASURES else None


def issued(doc: Doc, event: dict[str, Any], issuer: str | None, kind: str = "country",
           first_person: bool = True) -> dict[str, Any]:
    """Give the event with the issuer (of this participant kind) as its actor where it
    is the issuer's own, else the event as it was; without `first_person` (a joint
    statement's), "we" and "our" are not the issuer's."""
    if issuer is None:
        return event
    said = speaker(doc, event, first_person)
    if said is None:
        return event
    return {**event, "actor": [{"text": said or issuer, "kind": kind, "code": issuer}]}


def source_key(source: str) -> str:
    """Give a source name as issuers are looked up by: case and spacing do not count
    ('Treasury', 'treasury ' and 'TREASURY' are one source)."""
    return " ".join(source.split()).casefold()


def issuer_kinds(issuers: Mapping[str, str], gazetteer: str | None = None
                 ) -> dict[str, Issuer]:
    """Give each source's issuer with its participant kind from the gazetteer (a code it
    lists among organisations is one; any other is a country), by `source_key`."""
    if not issuers:
        return {}
    organisations = {e.code for e in load_gazetteer(gazetteer).values()
                     if e.kind == "organisation"}
    return {source_key(source): (code, "organisation" if code in organisations else "country")
            for source, code in issuers.items()}

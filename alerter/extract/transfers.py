"""Who gives and who gets, where the wording turns the usual roles round.

Two shapes of supply mention that the verb-centred reading gets wrong:
- a receiving or asking verb: "Russia received drones from Iran", "Kyiv asked Seoul for
  air defence systems", "Moscow seeks to acquire missiles from Pyongyang" — the subject
  is the recipient (target) and the one asked, or the "from" phrase, the supplier;
- a hyphenated participle: "Iranian-provided drones", "US-supplied rockets" — the word
  before the hyphen is the supplier and the goods are the noun it modifies.

One shape turns them back: the US government asking for money with nobody named to
give it ("the Administration requested $6 billion in aid for Ukraine") asks Congress
for funds it will give (README: a request to Congress for another country's funding
is AID discussed, actor USA).
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.participants import Found, all_participants, participants_in, phrase_tokens

_SUBJECT = ("nsubj", "nsubjpass", "csubj")


def _pobjs(token: Token, preps: tuple[str, ...], deps: tuple[str, ...] = ("prep",)
           ) -> list[Token]:
    """Give the objects of the token's prepositions among `preps`."""
    return [g for c in token.children if c.dep_ in deps and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def giver_of(verb: Token, trigger: Token) -> Found:
    """Give the supplier named around a receiving or asking verb: "from X", "asked X for"."""
    # "from" on the verb, or on the goods it takes ("receives weapons and funding from Iran")
    holders = {verb.i: verb, trigger.i: trigger}
    holders |= {c.i: c for c in verb.children if c.dep_ in ("dobj", "obj")}
    phrases = [phrase_tokens(t) for head in holders.values() for t in _pobjs(head, ("from",))]
    phrases += [phrase_tokens(c) for c in verb.children if c.dep_ in ("dobj", "dative")
                and c.pos_ in ("PROPN", "NOUN") and participants_in(phrase_tokens(c))]
    return _coded(phrases)


def receiver_of(verb: Token, subject: Token | None) -> Found:
    """Give the recipient: the agent of a passive ("received by X"), else the subject."""
    agents = _pobjs(verb, ("by",), ("agent",))
    if agents:
        return _coded([phrase_tokens(a) for a in agents])
    return _coded([phrase_tokens(subject)]) if subject is not None else []


def modifier_parts(participle: Token) -> tuple[Found, Token | None, Found]:
    """Give (supplier, goods noun, user) of a hyphenated participle ("Iranian-provided").

    The user is the subject of the verb that takes the goods as object ("Russian forces
    launched Iranian-provided drones"), or that verb's object when the goods are its
    subject ("Western-provided systems have helped Ukraine").
    """
    if participle.dep_ != "amod" or participle.head.pos_ not in ("NOUN", "PROPN"):
        return [], None, []
    goods = participle.head
    before = [c for c in participle.children if c.i < participle.i and c.dep_ != "punct"]
    supplier = _coded([phrase_tokens(c) for c in before])
    verb = goods.head
    user: Found = []
    if goods.dep_ in ("dobj", "obj") and verb.pos_ in ("VERB", "AUX"):
        user = _coded([phrase_tokens(c) for c in verb.children if c.dep_ in _SUBJECT])
    elif goods.dep_ in _SUBJECT and verb.pos_ in ("VERB", "AUX"):
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        objects += [g for c in verb.children if c.dep_ == "ccomp"
                    for g in c.children if g.dep_ in _SUBJECT]  # "helped Ukraine hold"
        user = _coded([phrase_tokens(c) for c in objects])
    codes = {p[2] for p in supplier}
    return supplier, goods, [p for p in user if p[2] not in codes]


def funding_request(giver: Found, receiver: Found) -> bool:
    """Give whether an asking verb is the US government's request for funds to give: no
    supplier named, and the one asking is the US alone."""
    codes = {p[2] for p in receiver if p[2]}
    return not giver and codes == {"USA"}


def _coded(phrases: list[list[Token]]) -> Found:
    """Give the participants of the phrases that have a code, each once."""
    return all_participants(phrases, coded_only=True)

"""The participants component: marks every mention of a country, a government,
an agency or an international organisation with its code, in
`doc.spans["participants"]` (label `CODE|kind`), and resolves the participants
a syntactic phrase refers to.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from alerter.extract.gazetteer import load_gazetteer

# Participants as (text, kind, code), the code None where the gazetteer has none.
Found = list[tuple[str, str, str | None]]

SPAN_KEY = "participants"
_NER_KIND = {"GPE": "country", "NORP": "group", "ORG": "organisation", "PERSON": "person"}
# Dependencies that stay inside one noun phrase: "the US Department of the Treasury".
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "conj", "cc", "appos", "det", "npadvmod",
                "nummod", "flat", "case", "punct", "prep", "pobj", "quantmod"}

# "an Iran-backed militia", "a Russia-aligned group": a state behind a group is not
# the group (the annotation conventions give such a group no code)
_BACKING = {"back", "backed", "support", "supported", "sponsor", "sponsored", "fund",
            "funded", "finance", "financed", "align", "aligned", "ally", "allied", "arm",
            "armed", "inspire", "inspired", "affiliate", "affiliated"}


@Language.factory("alerter_participants", default_config={"gazetteer": None})
def make_participants(nlp: Language, name: str, gazetteer: str | None) -> ParticipantTagger:
    return ParticipantTagger(nlp, gazetteer)


def _tokens(tokens: Doc | Span) -> str:
    """Give the lower-case words of a name or a match, one space between each."""
    return " ".join(token.lower_ for token in tokens)


class ParticipantTagger:
    """Tags gazetteer names (case-aware) and keeps NER entities without a code."""

    def __init__(self, nlp: Language, gazetteer: str | None) -> None:
        self.table = load_gazetteer(gazetteer)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # The table's keys are lower case, and the tokenizer cuts "u.s." where it keeps
        # "U.S." whole: each name is also tokenized as written in capitals.
        self.by_tokens: dict[str, str] = {}
        for name in sorted(self.table):
            for spelling in (name, name.upper()):
                pattern = nlp.make_doc(spelling)
                # The matcher compares tokens, so "Biden - Harris" in a text matches the
                # name "Biden-Harris": look a match up by its tokens, not by its text.
                if _tokens(pattern) not in self.by_tokens:
                    self.by_tokens[_tokens(pattern)] = name
                    self.matcher.add("P", [pattern])
        # Names written in lower case in the gazetteer ("the alliance") match in any case.
        self.lowercase_names = {n for n in self.table if self.table[n].lowercase}

    def __call__(self, doc: Doc) -> Doc:
        people = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
        spans: list[Span] = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            # a name inside a person's name ("Jordan" in "Jordan Peterson") is not the
            # country; a place the model took for a whole person ("Kyiv") still is
            if any(s <= start < e and (s, e) != (start, end) for s, e in people) and \
                    span.text not in ("US", "UK"):
                continue
            name = self.by_tokens.get(_tokens(span))
            if name is None or _tail_of_a_name(span) or _in_a_place_name(span):
                continue
            # lower-case words ("us", "turkey", "chad") are not the country
            if not span.text[0].isupper() and name not in self.lowercase_names:
                continue
            entry = self.table[name]
            spans.append(Span(doc, start, end, label=f"{entry.code}|{entry.kind}"))
        taken = {t.i for s in spans for t in s}
        for ent in doc.ents:
            if ent.label_ in _NER_KIND and not any(t.i in taken for t in ent):
                spans.append(Span(doc, ent.start, ent.end, label=f"|{_NER_KIND[ent.label_]}"))
        doc.spans[SPAN_KEY] = filter_spans(spans)
        return doc


# words a place name may start with that do not make it another place
_PLAIN_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern",
               "western", "central", "northeastern", "northwestern", "southeastern",
               "southwestern", "the"}


def _tail_of_a_name(span: Span) -> bool:
    """Give whether a one-word name ends a longer capitalised name the model found:
    "Commission" in "the Federal Trade Commission", "Congress" in "Indian National
    Congress" (but "Iran" in "the Central Bank of Iran" is the country)."""
    if len(span) != 1 or span.start == 0:
        return False
    token, before = span[0], span.doc[span.start - 1]
    return token.ent_iob_ == "I" and before.is_title and before.ent_iob_ in ("B", "I") and \
        before.lower_ not in _PLAIN_WORDS and \
        (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")


def _in_a_place_name(span: Span) -> bool:
    """Give whether a name is part of a place's name the model found (a sea, a gulf, an
    operation): "the South China Sea", "Operation Indian Ocean", "the Sea of Japan"; but
    "Eastern Ukraine" is Ukraine."""
    start = span[0]
    if start.ent_type_ != "LOC":
        return False
    doc = span.doc
    first = start.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    last = span.end
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return any(t.is_title and t.lower_ not in _PLAIN_WORDS
               for t in doc[first:last] if not span.start <= t.i < span.end)


INDEX_KEY = "alerter_mentions"


def mention_index(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Give (start, end, text, label) of every participant mention, cached on the Doc
    while our events component runs (building Span objects on every lookup is slow)."""
    cached: list[tuple[int, int, str, str]] | None = doc.user_data.get(INDEX_KEY)
    if cached is None:
        cached = [(s.start, s.end, s.text, s.label_) for s in doc.spans[SPAN_KEY]]
    return cached


def phrase_tokens(head: Token) -> list[Token]:
    """Give the tokens of the noun phrase headed by `head`, without clauses."""
    out = [head]
    for child in head.children:
        if child.dep_ in _PHRASE_DEPS and not (child.dep_ == "prep" and child.lower_ != "of") \
                and not (child.dep_ == "amod" and child.lemma_.lower() in _BACKING):
            out.extend(phrase_tokens(child))
        elif child.dep_ == "acl" and child.lower_ == "based":
            # "a firm, based in the UAE,": the base gives the code (README: a base)
            out.extend(g for c in child.children if c.dep_ == "prep" and c.lower_ == "in"
                       for g in c.subtree)
    return out


def sentence_codes(token: Token) -> set[str]:
    """Give the codes of the participants named in the token's sentence (those with a
    code: the codes `participants_in` finds among the sentence's tokens)."""
    sent = token.sent
    return {label.split("|")[0] for start, _, _, label in mention_index(token.doc)
            if sent.start <= start < sent.end} - {""}


def participants_in(tokens: list[Token]) -> list[tuple[str, str, str | None]]:
    """Give (text, kind, code) for each participant mention among `tokens`.

    The first token is the phrase head: a mention without a code (a named firm
    or person) counts only when it is the head itself, not a modifier of it
    ("four Leopard 2 tanks" names no participant).
    """
    if not tokens:
        return []
    doc = tokens[0].doc
    head = tokens[0].i
    ids = {t.i for t in tokens}
    found: list[tuple[str, str, str | None]] = []
    seen: set[str] = set()
    for start, end, text, label in mention_index(doc):
        if start in ids:
            code, kind = label.split("|")
            if not code and not start <= head < end:
                continue
            key = code or text.lower()
            if key not in seen:
                seen.add(key)
                found.append((text, kind, code or None))
    return found


def all_participants(phrases: Iterable[list[Token]], coded_only: bool = False) -> Found:
    """Give the participants of several phrases, each named once (with `coded_only`,
    only those with a code)."""
    found: Found = []
    for phrase in phrases:
        found += [p for p in participants_in(phrase)
                  if (p[2] or not coded_only) and p not in found]
    return found

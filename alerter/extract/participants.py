"""The participants component: marks every mention of a country, a government,
an agency or an international organisation with its code, in
`doc.spans["participants"]` (label `CODE|kind`), and resolves the participants
a syntactic phrase refers to.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from alerter.extract.gazetteer import load_gazetteer

SPAN_KEY = "participants"
_NER_KIND = {"GPE": "country", "NORP": "group", "ORG": "organisation", "PERSON": "person"}
# Dependencies that stay inside one noun phrase: "the US Department of the Treasury".
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "conj", "cc", "appos", "det", "npadvmod",
                "nummod", "flat", "case", "punct", "prep", "pobj", "quantmod"}


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
        names = sorted(self.table)
        self.matcher.add("P", [nlp.make_doc(n) for n in names])
        # Names written in lower case in the gazetteer ("the alliance") match in any case.
        self.lowercase_names = {n for n in self.table if self.table[n].lowercase}
        # The matcher compares tokens, so "Biden - Harris" in a text matches the name
        # "Biden-Harris": look a match up by its tokens, not by its text.
        self.by_tokens = {_tokens(nlp.make_doc(n)): n for n in names}

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
            if name is None:
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
        if child.dep_ in _PHRASE_DEPS and not (child.dep_ == "prep" and child.lower_ != "of"):
            out.extend(phrase_tokens(child))
        elif child.dep_ == "acl" and child.lower_ == "based":
            # "a firm, based in the UAE,": the base gives the code (README: a base)
            out.extend(g for c in child.children if c.dep_ == "prep" and c.lower_ == "in"
                       for g in c.subtree)
    return out


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


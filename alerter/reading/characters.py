"""Characters that carry no visible meaning, or that hide or reorder what a reader sees.

One place decides them for every source format (docs/reading.md):

- line breaks of every kind (CRLF, CR, NEL, vertical tab, U+2028) become `\\n`;
  a form feed and U+2029 (paragraph separator) become a blank line;
- every space separator (no-break space, thin and ideographic spaces…) becomes a space;
- removed: the C0 and C1 control characters except tab and line breaks, DEL,
  every format character (Unicode category Cf: zero-width space and joiners,
  word joiner, soft hyphen, byte-order mark, the bidirectional marks, embeddings,
  overrides and isolates, tag characters), lone surrogates and the non-characters
  U+FFFE and U+FFFF (none of which XML allows);
- the result is in Unicode normal form NFC.
"""

from __future__ import annotations

import re
import unicodedata

from alerter.reading.offsets import OffsetMap, TextBuilder, chain

# Unicode category Cf (as of Unicode 15.1); tests check it against unicodedata.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_CONTROL = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
_OTHER = "\ud800-\udfff\ufffe\uffff"
_SPACE = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

_SPECIAL = re.compile(f"\r\n|[\r\x0b\x85\u2028\x0c\u2029{_SPACE}{_FORMAT}{_CONTROL}{_OTHER}]")
_NOT_NFC = re.compile(r"\S+")
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\x85": "\n", "\u2028": "\n",
                "\x0c": "\n\n", "\u2029": "\n\n"}
_SPACES = re.compile(f"[{_SPACE}]")


def _replacement(found: str) -> str:
    if found in _LINE_BREAKS:
        return _LINE_BREAKS[found]
    return " " if _SPACES.match(found) else ""


def clean_characters(text: str) -> str:
    """Give `text` with line breaks and spaces unified, invisible and control characters
    removed, in NFC."""
    cleaned = _SPECIAL.sub(lambda m: _replacement(m.group()), text)
    return unicodedata.normalize("NFC", cleaned)


def clean_characters_mapped(text: str) -> tuple[str, OffsetMap]:
    """Give what `clean_characters` gives, with the map back to `text`."""
    built = TextBuilder(text)
    position = 0
    for found in _SPECIAL.finditer(text):
        built.copy(position, found.start())
        built.put(_replacement(found.group()), found.start(), found.end())
        position = found.end()
    built.copy(position, len(text))
    cleaned, mapped = built.text(), built.map
    if unicodedata.is_normalized("NFC", cleaned):
        return cleaned, mapped
    # Composition never reaches across white space, so each word is normalised alone.
    composed = TextBuilder(cleaned)
    position = 0
    for word in _NOT_NFC.finditer(cleaned):
        composed.copy(position, word.start())
        _compose(composed, cleaned, word.start(), word.end())
        position = word.end()
    composed.copy(position, len(cleaned))
    return composed.text(), chain(composed.map, mapped)


def _compose(built: TextBuilder, text: str, start: int, end: int) -> None:
    """Append text[start:end] in NFC: each letter with its combining marks mapped to
    where it was, or the whole word as one piece where letters compose with each other."""
    clusters: list[tuple[int, int]] = []
    for i in range(start, end):
        if clusters and unicodedata.combining(text[i]):
            clusters[-1] = (clusters[-1][0], i + 1)
        else:
            clusters.append((i, i + 1))
    parts = [unicodedata.normalize("NFC", text[a:b]) for a, b in clusters]
    if "".join(parts) != unicodedata.normalize("NFC", text[start:end]):
        built.put(unicodedata.normalize("NFC", text[start:end]), start, end)
        return
    for (a, b), part in zip(clusters, parts, strict=True):
        if part == text[a:b]:
            built.copy(a, b)
        else:
            built.put(part, a, b)

"""Reading: a document's text as its author laid it out, before extraction.

Two steps, one place (docs/reading.md):

- `clean_characters` (at ingest, for the text, title, source and URL of every
  Document, whatever the format): line breaks and spaces unified, control,
  zero-width and bidirectional characters removed, NFC;
- `read` (at extraction): the same clean-up with a map, then the layout —
  hard-wrapped lines joined into paragraphs, bullets, headings, table rows and
  quoted text kept apart as blocks, one blank line between two blocks.
  Extraction runs on the reading text and maps what it finds back to offsets
  in the Document's text, which stays as the user wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alerter.reading.characters import clean_characters, clean_characters_mapped
from alerter.reading.layout import TERMINAL, Block, lay_out
from alerter.reading.offsets import OffsetMap, chain

__all__ = ["TERMINAL", "Block", "Reading", "clean_characters", "read"]

# A cut inside an overlong block: after a sentence end, else at a space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Reading:
    """The reading text of a document, its blocks, and the map back to the document."""

    text: str
    blocks: tuple[Block, ...]
    map: OffsetMap

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Give the document's [start, end) for the reading text's [start, end)."""
        return self.map.span(start, end)

    def passages(self, limit: int) -> list[tuple[int, int]]:
        """Give [start, end) ranges of the reading text of at most `limit` characters,
        each cut at a block boundary (an overlong block at a sentence end or a space);
        together they hold every block."""
        passages: list[tuple[int, int]] = []
        start: int | None = None
        end = 0
        for block in self.blocks:
            if start is not None and block.end - start > limit:
                passages.append((start, end))
                start = None
            if block.end - block.start > limit:
                passages.extend(self._cut(block.start, block.end, limit))
                continue
            if start is None:
                start = block.start
            end = block.end
        if start is not None:
            passages.append((start, end))
        return passages

    def _cut(self, start: int, end: int, limit: int) -> list[tuple[int, int]]:
        pieces = []
        while end - start > limit:
            window = self.text[start:start + limit]
            cut = _last(_SENTENCE_END, window) or _last(_SPACE, window) or limit
            pieces.append((start, start + cut))
            start += cut
        pieces.append((start, end))
        return pieces


def _last(pattern: re.Pattern[str], window: str) -> int:
    """Give the offset just after the last match in the window's second half, or 0."""
    found = 0
    for match in pattern.finditer(window, len(window) // 2):
        found = match.end()
    return found


def read(text: str) -> Reading:
    """Give the Reading of a document's text."""
    cleaned, cleaned_map = clean_characters_mapped(text)
    reading_text, blocks, layout_map = lay_out(cleaned)
    mapped = layout_map if cleaned == text else chain(layout_map, cleaned_map)
    return Reading(reading_text, tuple(blocks), mapped)

"""Blocks: a text read as its author laid it out (docs/reading.md).

Hard-wrapped lines are joined into their paragraph (the line break read as a
space); a blank line, a bullet, a heading, a table row, a rule or a change of
`>` quoting starts a new block. A document counts as hard-wrapped when its
longest lines cluster at one width: most line breaks inside its paragraphs fall
where the next word would not have fitted on the line (as `textwrap.fill` and
mail clients break them). Other documents keep every line as its own block, so
that a list of short lines, a table or a poem is never glued into one sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from alerter.reading.offsets import OffsetMap, TextBuilder

BlockKind = Literal["paragraph", "title", "heading", "bullet", "table"]
LineKind = Literal["blank", "text", "bullet", "ordered", "heading", "table", "rule",
                   "underline"]

MIN_WRAP_WIDTH = 40  # narrower "wrapping" is a list of short lines, not prose
WRAP_PERCENTILE = 0.9  # the wrap width: this share of prose lines is no longer
WRAP_SLACK = 4  # indentation lost in front of continuation lines, trailing spaces
WRAPPED_SHARE = 0.5  # share of line breaks in prose that must look wrapped
TITLE_CHARS = 160  # a paragraph this short without end punctuation reads as a title

_QUOTE = re.compile(r"(?:>[ \t]?)+")
_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_RULE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,})$")
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*$")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_BULLET = re.compile(r"[-*+•◦‣▪●■○][ \t]+(?=\S)")
_ORDERED = re.compile(r"(\d{1,3})[.)][ \t]+(?=\S)")
TERMINAL = re.compile(r"[.!?:;…][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Block:
    """A paragraph, title, heading, bullet or table row: [start, end) in the reading text."""

    start: int
    end: int
    kind: BlockKind
    quote: int = 0  # depth of `>` quoting


@dataclass
class _Line:
    start: int  # the content (markers left out), in the source
    end: int
    kind: LineKind
    quote: int
    width: int  # the whole line as the wrapper saw it, markers included
    first_word: int
    number: int = 0  # of an ordered item


def _classify(text: str, start: int, end: int) -> _Line:
    line = text[start:end].rstrip()
    end = start + len(line)
    width = len(line)
    pos = start + len(line) - len(line.lstrip())
    quote = 0
    if found := _QUOTE.match(text, pos, end):
        quote = found.group().count(">")
        pos = found.end()
    while pos < end and text[pos] in " \t":
        pos += 1
    rest = text[pos:end]

    def made(kind: LineKind, at: int = pos, until: int = end, number: int = 0) -> _Line:
        word = text[at:until].split(None, 1)
        return _Line(at, until, kind, quote, width, len(word[0]) if word else 0, number)

    if not rest:
        return made("blank")
    if found := _HEADING.match(rest):
        close = _HEADING_CLOSE.search(rest)
        return made("heading", pos + found.end(),
                    pos + close.start() if close and close.start() >= found.end() else end)
    if _UNDERLINE.match(rest):
        return made("underline")
    if _RULE.match(rest) or _TABLE_RULE.match(rest):
        return made("rule")
    if rest.startswith("|"):
        return made("table")
    if found := _BULLET.match(rest):
        return made("bullet", pos + found.end())
    if found := _ORDERED.match(rest):
        return made("ordered", pos + found.end(), number=int(found.group(1)))
    return made("text")


def _lines(text: str) -> list[_Line]:
    lines, start = [], 0
    for found in re.finditer("\n", text):
        lines.append(_classify(text, start, found.start()))
        start = found.end()
    lines.append(_classify(text, start, len(text)))
    return lines


def _wrap_width(lines: list[_Line]) -> int | None:
    """Give the width the prose lines were wrapped at, or None when they were not."""
    prose = sorted(line.width for line in lines if line.kind in ("text", "bullet", "ordered"))
    if not prose:
        return None
    width = prose[min(len(prose) - 1, math.ceil(WRAP_PERCENTILE * len(prose)) - 1)]
    if width < MIN_WRAP_WIDTH:
        return None
    breaks = [_fits(before, after, width) for before, after in pairwise(lines)
              if after.kind == "text" and before.kind in ("text", "bullet", "ordered")
              and before.quote == after.quote]
    if not breaks or sum(breaks) < WRAPPED_SHARE * len(breaks):
        return None
    return width


def _fits(before: _Line, after: _Line, width: int) -> bool:
    """Give whether the line break fell where the next word would not have fitted."""
    return before.width + 1 + after.first_word > width - WRAP_SLACK


class _Layout:
    """Walks the lines once, gathering blocks of lines."""

    def __init__(self, text: str, lines: list[_Line]) -> None:
        self.text = text
        self.width = _wrap_width(lines)
        self.blocks: list[tuple[str, list[_Line]]] = []
        self.open: tuple[str, list[_Line]] | None = None
        self.gaps: set[int] = set()  # indexes of blocks that follow a blank line or rule
        self._gap = False
        for line in lines:
            self._take(line)
        self._close()

    def _close(self) -> None:
        if self.open is not None:
            self.blocks.append(self.open)
            self.open = None

    def _start(self, kind: str, line: _Line, *, alone: bool = False) -> None:
        self._close()
        if self._gap and self.blocks:
            self.gaps.add(len(self.blocks))
        self._gap = False
        self.open = (kind, [line])
        if alone:
            self._close()

    def _take(self, line: _Line) -> None:
        current = self.open
        if line.kind in ("blank", "rule"):
            self._close()
            self._gap = True
        elif line.kind == "underline":
            if current is not None and current[0] == "paragraph" and \
                    current[1][-1].quote == line.quote:
                self.open = ("heading", current[1])
                self._close()
            else:
                self._close()
            self._gap = True
        elif line.kind in ("heading", "table"):
            self._start(line.kind, line, alone=True)
        elif line.kind == "bullet" or (line.kind == "ordered" and self._is_list(line)):
            self._start("bullet", line)
        elif (current is not None and current[0] in ("paragraph", "bullet")
              and current[1][-1].quote == line.quote and self.width is not None
              and _fits(current[1][-1], line, self.width)):
            current[1].append(line)
        else:
            self._start("paragraph", line)

    def _is_list(self, line: _Line) -> bool:
        # "1." opens a list anywhere; other numbers only carry one on, or follow a
        # break or a lead-in ("as follows:"), so a wrapped "2022." stays in its sentence.
        current = self.open
        if line.number == 1 or current is None:
            return True
        last = current[1][-1]
        return current[0] == "bullet" or self.text[last.start:last.end].endswith(":")


def lay_out(text: str) -> tuple[str, list[Block], OffsetMap]:
    """Give the reading text of `text` (one block per line, blocks in order), its blocks
    and the map back to `text`."""
    layout = _Layout(text, _lines(text))
    built = TextBuilder(text)
    blocks: list[Block] = []
    previous_end = 0
    for index, (kind, lines) in enumerate(layout.blocks):
        if blocks:
            built.put("\n\n" if index in layout.gaps else "\n", previous_end, lines[0].start)
        start = len(built)
        built.copy(lines[0].start, lines[0].end)
        for before, line in pairwise(lines):
            if not _hyphenated(text, before, line):
                built.put(" ", before.end, line.start)
            built.copy(line.start, line.end)
        previous_end = lines[-1].end
        blocks.append(Block(start, len(built), _kind(kind, text, lines, len(built) - start),
                            lines[0].quote))
    return built.text(), blocks, built.map


def _hyphenated(text: str, before: _Line, after: _Line) -> bool:
    """Give whether a word was broken after its hyphen ("dual-" / "use")."""
    return (before.end - before.start >= 2 and text[before.end - 1] == "-"
            and text[before.end - 2].isalpha() and text[after.start].isalpha())


def _kind(kind: str, text: str, lines: list[_Line], length: int) -> BlockKind:
    if kind == "paragraph" and length <= TITLE_CHARS and \
            not TERMINAL.search(text[lines[-1].start:lines[-1].end]):
        return "title"
    return kind  # type: ignore[return-value]

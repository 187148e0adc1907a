"""Blocks: a text read as its author laid it out (docs/reading.md).

Hard-wrapped lines are joined into their paragraph (the line break read as a
space); a blank line, a bullet, a heading, a table row, a rule or a change of
`>` quoting starts a new block. A document counts as hard-wrapped when most
line breaks inside its paragraphs agree on one width: they fall where the next
word would not have fitted on the line (as `textwrap.fill` and mail clients
break them). In such a document a line also joins the next when it
was cut short inside its sentence (the next line begins in lower case, or this
one ends in "the", "of", "Biden's"…). Other documents keep every line as its own
block, so that a list of short lines, a table or a poem is never glued into one
sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from alerter.reading.offsets import OffsetMap, TextBuilder

BlockKind = Literal["paragraph", "title", "heading", "bullet", "table"]
LineKind = Literal["blank", "text", "bullet", "ordered", "heading", "table", "rule",
                   "underline"]

MIN_WRAP_WIDTH = 40  # narrower "wrapping" is a list of short lines, not prose
WRAP_SLACK = 4  # indentation lost in front of continuation lines, quote markers added
WRAPPED_SHARE = 0.5  # share of line breaks in prose that must agree on one wrap width
LOWER_SHARE = 0.25  # share of those that must go on in lower case (unless all capitals)
TITLE_CHARS = 160  # a paragraph this short without end punctuation reads as a title
# Between two blocks of the reading text, whatever separated them in the source:
# the parser sees one layout however the author spaced the blocks.
SEPARATOR = "\n\n"

_PROSE = ("text", "bullet", "ordered")
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
    lower: bool  # begins in lower case
    capitals: bool  # has letters, none of them in lower case
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
        content = text[at:until]
        word = content.split(None, 1)
        return _Line(at, until, kind, quote, width, len(word[0]) if word else 0,
                     content[:1].islower(), content.isupper(), number)

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
    """Give the width the prose lines were wrapped at, or None when they were not.

    Every line break between prose lines says which widths could have made it: a
    line of n characters followed by a word of k was wrapped at a width in
    [n - WRAP_SLACK, n + k + WRAP_SLACK]. The width most breaks agree on is the
    wrap width, if enough of them agree and enough of those lines go on in lower
    case, as prose does (a list of capitalised headlines of one length does not).
    """
    breaks = [(before.width, after.first_word, after.lower)
              for before, after in pairwise(lines)
              if after.kind == "text" and before.kind in _PROSE and before.quote == after.quote]
    if not breaks:
        return None
    votes = [0] * (max(n + k for n, k, _ in breaks) + WRAP_SLACK + 2)
    for n, k, _ in breaks:
        votes[max(0, n - WRAP_SLACK)] += 1
        votes[n + k + WRAP_SLACK + 1] -= 1
    width, best, running = 0, 0, 0
    for w, change in enumerate(votes):
        running += change
        if running >= best:
            width, best = w, running
    agreeing = [lower for n, k, lower in breaks if _explains(width, n, k)]
    if width < MIN_WRAP_WIDTH or len(agreeing) < WRAPPED_SHARE * len(breaks):
        return None
    prose = [line for line in lines if line.kind in _PROSE]
    in_capitals = sum(line.capitals for line in prose) > len(prose) / 2
    if not in_capitals and sum(agreeing) < LOWER_SHARE * len(agreeing):
        return None
    return width


def _explains(width: int, n: int, k: int) -> bool:
    return n - WRAP_SLACK <= width <= n + k + WRAP_SLACK


def _fits(before: _Line, after: _Line, width: int) -> bool:
    """Give whether the line break fell where the next word would not have fitted."""
    return _explains(width, before.width, after.first_word)


# A line ending in one of these words has not ended its sentence, nor its title.
_OPEN_ENDED = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "nor", "as", "than", "that", "which", "who", "whose", "our", "his", "her", "their",
    "its", "my", "your", "this", "these", "those"})


def _continues(text: str, before: _Line, after: _Line) -> bool:
    """Give whether a short line is cut off inside its sentence: the next line begins in
    lower case, or the line ends in an article, preposition, conjunction or possessive
    (link texts put on lines of their own: "In May, the DOJ" / "released" / "a guide")."""
    if text[after.start].islower():
        return True
    words = text[before.start:before.end].rsplit(None, 1)
    last = words[-1].lower() if words else ""
    return last in _OPEN_ENDED or last.endswith(("’s", "'s"))


class _Layout:
    """Walks the lines once, gathering blocks of lines."""

    def __init__(self, text: str, lines: list[_Line]) -> None:
        self.text = text
        self.width = _wrap_width(lines)
        self.blocks: list[tuple[str, list[_Line]]] = []
        self.open: tuple[str, list[_Line]] | None = None
        for line in lines:
            self._take(line)
        self._close()

    def _close(self) -> None:
        if self.open is not None:
            self.blocks.append(self.open)
            self.open = None

    def _start(self, kind: str, line: _Line, *, alone: bool = False) -> None:
        self._close()
        self.open = (kind, [line])
        if alone:
            self._close()

    def _take(self, line: _Line) -> None:
        current = self.open
        if line.kind in ("blank", "rule"):
            self._close()
        elif line.kind == "underline":  # a Setext heading's, or a rule
            if current is not None and current[0] == "paragraph" and \
                    current[1][-1].quote == line.quote:
                self.open = ("heading", current[1])
            self._close()
        elif line.kind in ("heading", "table"):
            self._start(line.kind, line, alone=True)
        elif line.kind == "bullet" or (line.kind == "ordered" and self._is_list(line)):
            self._start("bullet", line)
        elif (current is not None and current[0] in ("paragraph", "bullet")
              and current[1][-1].quote == line.quote and self.width is not None
              and (_fits(current[1][-1], line, self.width)
                   or _continues(self.text, current[1][-1], line))):
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
    """Give the reading text of `text` (its blocks in order, a blank line between two),
    its blocks and the map back to `text`."""
    layout = _Layout(text, _lines(text))
    built = TextBuilder(text)
    blocks: list[Block] = []
    previous_end = 0
    for kind, lines in layout.blocks:
        if all(line.start == line.end for line in lines):
            continue  # a heading marker with no heading: a break, nothing to read
        if blocks:
            built.put(SEPARATOR, previous_end, lines[0].start)
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

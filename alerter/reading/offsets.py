"""Where each character of a derived text came from in the text it was made from.

The reading step rewrites a document's text (line breaks joined, markers and
invisible characters dropped), and extraction runs on the rewrite; an
`OffsetMap` takes the offsets of what extraction found back to the document.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    """Segments of a derived text, each copied from a source range.

    A segment is exact when it is a verbatim copy (character i of it is source
    character start + i); otherwise (a replacement, such as a line break read as
    a space or a composed letter) its characters all stand for the whole source range.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._sources: list[tuple[int, int, bool]] = []  # (source start, source end, exact)
        self.length = 0
        self.source_length = 0

    def add(self, length: int, source_start: int, source_end: int) -> None:
        """Append a segment of `length` characters standing for source[start:end]."""
        if length <= 0:
            return
        exact = length == source_end - source_start
        if exact and self._sources:
            last_start, last_end, last_exact = self._sources[-1]
            if last_exact and last_end == source_start:  # one run, fewer segments
                self._sources[-1] = (last_start, source_end, True)
                self.length += length
                return
        self._starts.append(self.length)
        self._sources.append((source_start, source_end, exact))
        self.length += length

    def start(self, offset: int) -> int:
        """Give the source offset where the derived character at `offset` begins."""
        if offset >= self.length:
            return self.source_length
        k = bisect_right(self._starts, offset) - 1
        source_start, _, exact = self._sources[k]
        return source_start + (offset - self._starts[k]) if exact else source_start

    def end(self, offset: int) -> int:
        """Give the source offset where a derived span ending (exclusive) at `offset` ends."""
        if offset <= 0 or not self._starts:
            return 0
        last = min(offset, self.length) - 1
        k = bisect_right(self._starts, last) - 1
        source_start, source_end, exact = self._sources[k]
        return source_start + (last - self._starts[k]) + 1 if exact else source_end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Give the source range [start, end) of the derived range [start, end)."""
        if end <= start:
            here = self.start(start)
            return here, here
        return self.start(start), self.end(end)


class TextBuilder:
    """A derived text built piece by piece, with its `OffsetMap` to the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self.map = OffsetMap()
        self.map.source_length = len(source)

    def copy(self, start: int, end: int) -> None:
        """Append source[start:end] verbatim."""
        if end > start:
            self._parts.append(self.source[start:end])
            self.map.add(end - start, start, end)

    def put(self, text: str, source_start: int, source_end: int) -> None:
        """Append `text` standing for source[source_start:source_end]."""
        if text:
            self._parts.append(text)
            self.map.add(len(text), source_start, source_end)

    def __len__(self) -> int:
        return self.map.length

    def last_char(self) -> str:
        """Give the last character appended so far, or '' at the start."""
        return self._parts[-1][-1] if self._parts else ""

    def text(self) -> str:
        return "".join(self._parts)


class _Chained(OffsetMap):
    """Two maps applied one after the other: derived → middle → source."""

    def __init__(self, outer: OffsetMap, inner: OffsetMap) -> None:
        super().__init__()
        self.outer, self.inner = outer, inner
        self.length, self.source_length = outer.length, inner.source_length

    def start(self, offset: int) -> int:
        return self.inner.start(self.outer.start(offset))

    def end(self, offset: int) -> int:
        return self.inner.end(self.outer.end(offset))


def chain(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """Give the map derived → source of a text derived (`outer`) from one itself
    derived (`inner`) from the source."""
    return _Chained(outer, inner)

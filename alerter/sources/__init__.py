"""Sources: where documents come from.

`read(locations)` yields a `Document` for every item it can read from files,
folders, feeds, URLs and stdin, and reports what it cannot read through
`on_problem` (one located line each) without stopping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from alerter.clock import Clock, SystemClock
from alerter.errors import Problem
from alerter.models import Document
from alerter.sources.documents import RawDocument, to_document
from alerter.sources.feeds import fetch_url
from alerter.sources.files import read_path, read_stdin

if TYPE_CHECKING:
    from alerter.config import HttpConfig

ProblemSink = Callable[[Problem], None]


def _ignore(problem: Problem) -> None:
    pass


def read(locations: Iterable[str], *, clock: Clock | None = None,
         on_problem: ProblemSink = _ignore, source_name: str | None = None,
         http: HttpConfig | None = None) -> Iterator[Document]:
    """Yield the documents at each location: a path, a folder, an http(s) URL or `-`.
    URLs are read with the `http` settings (config `http`; the defaults without one)."""
    clock = clock or SystemClock()
    for location in locations:
        raws: Iterable[RawDocument]
        if location == "-":
            raws = read_stdin(on_problem)
        elif location.startswith(("http://", "https://")):
            if http is None:
                from alerter.config import HttpConfig

                http = HttpConfig()
            raws = fetch_url(location, on_problem, http)
        else:
            path = Path(location)
            if not path.exists():
                on_problem(Problem(location, None, "", "no such file or folder"))
                continue
            raws = read_path(path, on_problem)
        fetched = clock.now()
        for raw in raws:
            document = to_document(raw, fetched, source_name)
            if document is not None:
                yield document

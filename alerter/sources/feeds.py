"""RSS and Atom feeds, from files or http(s) URLs (with a timeout per read, a deadline
for the whole response, and a size cap)."""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from alerter.errors import Problem
from alerter.sources.documents import RawDocument
from alerter.sources.html import parse_html

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
ProblemSink = Callable[[Problem], None]


def _time(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC)


def _entry_text(entry: Any, origin: str) -> str:
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    if "<" in body and ">" in body:
        page = parse_html(f"<html><body><article>{body}</article></body></html>", origin)
        if page is not None:
            return page.text
    return str(body)


def parse_feed(data: bytes, origin: str, on_problem: ProblemSink) -> Iterator[RawDocument]:
    """Yield a raw document for every entry of an RSS or Atom feed."""
    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
        on_problem(Problem(origin, line, "", f"not a readable feed: {exc}"))
        return
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
        on_problem(Problem(origin, line, "", f"feed is malformed, read what could be: {exc}"))
    channel = parsed.feed.get("title")
    for entry in parsed.entries:
        text = _entry_text(entry, origin)
        if not text.strip():
            continue
        yield RawDocument(
            text=text, origin=origin, id=entry.get("id") or entry.get("link"),
            title=entry.get("title"), url=entry.get("link"), published=_time(entry),
            source=channel,
        )


def fetch_url(url: str, on_problem: ProblemSink, *, timeout: float,
              max_bytes: int, deadline: float | None = None) -> Iterator[RawDocument]:
    """Yield documents from a feed or page at an http(s) URL. `timeout` bounds each
    read; `deadline` (seconds) the whole response, however slowly it trickles in."""
    import httpx

    give_up = time.monotonic() + deadline if deadline is not None else None

    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True,
                          headers={"User-Agent": "alerter/0.1"}) as response:
            response.raise_for_status()
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                if give_up is not None and time.monotonic() > give_up:
                    on_problem(Problem(url, None, "", f"still reading after {deadline:g} s "
                                       "(http.deadline); skipped"))
                    return
                size += len(chunk)
                if size > max_bytes:
                    on_problem(Problem(url, None, "", f"response larger than {max_bytes} bytes; "
                                       "skipped"))
                    return
                chunks.append(chunk)
            kind = response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        on_problem(Problem(url, None, "", f"cannot fetch: {exc}"))
        return
    data = b"".join(chunks)
    if "html" in kind and b"<rss" not in data[:500] and b"<feed" not in data[:500]:
        page = parse_html(data.decode("utf-8", "replace"), url)
        if page is not None:
            page.url = page.url or url
            yield page
        return
    yield from parse_feed(data, url, on_problem)

"""RSS and Atom feeds, from files or http(s) URLs (with a timeout per read, a deadline
for the whole response, and a size cap).

feedparser and httpx are imported where a feed or URL is read, so reading .txt
files never loads them.
"""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from alerter.errors import Problem
from alerter.sources.documents import RawDocument
from alerter.sources.html import parse_html

if TYPE_CHECKING:
    import httpx

    from alerter.config import HttpConfig

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
ProblemSink = Callable[[Problem], None]
# Which redirects a URL source follows (config `http.follow_redirects`): to the same
# scheme, host and port only, to any http(s) URL, or none. A feed must not be able to
# send us to another service, on this machine or inside the network.
RedirectPolicy = Literal["same-host", "any", "none"]
MAX_REDIRECTS = 5


def _time(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, OSError, ValueError):  # a date past what datetime holds
        return None


def _entry_text(entry: Any, origin: str) -> str:
    contents = entry.get("content") or []
    body = str((contents[0].get("value") if contents else entry.get("summary")) or "")
    if "<" in body and ">" in body:
        page = parse_html(f"<html><body><article>{body}</article></body></html>", origin)
        if page is not None:
            return page.text
    return str(body)


_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,12}|[0-9]{1,12});")


def _char_ref(match: re.Match[bytes]) -> bytes:
    """Give a character reference as it is, or U+FFFD's for one no text can hold (a lone
    surrogate, NUL, past U+10FFFF): feedparser raises on those instead of skipping."""
    digits = match.group(1)
    value = int(digits[1:], 16) if digits[:1] in b"xX" else int(digits)
    return match.group(0) if 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF \
        else b"&#xFFFD;"


def parse_feed(data: bytes, origin: str, on_problem: ProblemSink) -> Iterator[RawDocument]:
    """Yield a raw document for every entry of an RSS or Atom feed."""
    import feedparser

    try:
        parsed = feedparser.parse(_CHAR_REF.sub(_char_ref, data))
    except Exception as error:  # feedparser raises assorted errors (KeyError,
        # AttributeError, UnicodeEncodeError...) on some malformed bytes: one bad feed must
        # not stop the ingest
        on_problem(Problem(origin, None, "", f"not a readable feed ({type(error).__name__} "
                           f"in feedparser)"))
        return
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


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, url.port or default)


def _refusal(start: httpx.URL, target: httpx.URL, location: str,
             policy: RedirectPolicy) -> str | None:
    """Give why the redirect from `start` to `target` is not followed, or None."""
    if target.scheme not in ("http", "https"):
        return f"redirected to {location}, which is not http(s)"
    if policy == "none":
        return f"redirected to {target}, not followed (http.follow_redirects: none)"
    if policy == "same-host" and _origin(target) != _origin(start):
        return (f"redirected to {target} (another scheme, host or port), not followed "
                "(http.follow_redirects: any would follow it)")
    return None


@contextmanager
def _follow(client: httpx.Client, url: str, policy: RedirectPolicy
            ) -> Iterator[httpx.Response | str]:
    """Give the streamed response at `url` after the redirects `policy` allows, or the
    reason a redirect was not followed."""
    request = client.build_request("GET", url)
    start = request.url
    for _ in range(MAX_REDIRECTS + 1):
        response = client.send(request, stream=True, follow_redirects=False)
        try:
            target = response.next_request if response.is_redirect else None
            if target is None:
                yield response
                return
            refused = _refusal(start, target.url, response.headers["location"], policy)
            if refused is not None:
                yield refused
                return
        finally:
            response.close()
        request = target
    yield f"more than {MAX_REDIRECTS} redirects"


def fetch_url(url: str, on_problem: ProblemSink, http: HttpConfig) -> Iterator[RawDocument]:
    """Yield documents from a feed or page at an http(s) URL, read with the `http`
    settings: `timeout` bounds each read, `deadline` the whole response however slowly
    it trickles in, `max_bytes` its size; `follow_redirects` says which redirects are
    followed, and `user_agent` is sent with every request."""
    import httpx

    deadline, max_bytes = http.deadline, http.max_bytes
    give_up = time.monotonic() + deadline

    try:
        with httpx.Client(timeout=http.timeout, headers={"User-Agent": http.user_agent}
                          ) as client, _follow(client, url, http.follow_redirects) as response:
            if isinstance(response, str):
                on_problem(Problem(url, None, "", response))
                return
            response.raise_for_status()
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                if time.monotonic() > give_up:
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

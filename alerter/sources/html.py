"""HTML pages reduced to their main text, with title, URL and publication time.

trafilatura and lxml are imported on the first page read, not with this module:
together they take a few hundred milliseconds, which a run over .txt files should
not pay.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from alerter.clock import parse_time
from alerter.sources.documents import RawDocument

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_TIME_META = (
    "article:published_time", "og:published_time", "datePublished", "date", "pubdate",
    "dc.date", "DC.date.issued",
)


def _meta_time(tree: HtmlElement) -> datetime | None:
    for name in _TIME_META:
        for node in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            try:
                return parse_time(str(node))
            except ValueError:
                continue
    for value in tree.xpath("//time/@datetime"):
        try:
            return parse_time(str(value))
        except ValueError:
            continue
    return None


def parse_html(text: str, origin: str) -> RawDocument | None:
    """Give the main text of an HTML page and its metadata, or None if it has none."""
    import trafilatura
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    if extracted is None or isinstance(extracted, dict) or not extracted.text:
        return None
    title = extracted.title
    body = extracted.text
    lines = body.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        body = "\n".join(lines[1:])
    # Blank lines between paragraphs keep sentence splitting from joining them.
    body = "\n\n".join(line for line in body.split("\n") if line.strip())
    published = _meta_time(tree)
    if published is None and extracted.date:
        try:
            published = parse_time(extracted.date)
        except ValueError:
            published = None
    site = tree.xpath('//meta[@property="og:site_name"]/@content')
    return RawDocument(text=body, origin=origin, title=title, url=extracted.url or None,
                       published=published, source=str(site[0]) if site else None)

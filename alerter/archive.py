"""What a subscription publishes besides its digests: an Atom feed of its stories
(`<out>/feeds/<name>.atom`, RFC 4287) and an index of its daily digest files
(`<out>/digests/<name>/index.md` and `index.html`).

Both are rebuilt from the store whenever the store's outbox says they are due (a
new digest, a new day's file), and written atomically: a rerun gives the same
files, and a crash or a failed write leaves the entry due for the next cycle.
Entry ids are stable: a story keeps its id in every digest it appears in.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from alerter.crashpoints import crash_point
from alerter.deliver.file import write_atomic
from alerter.render import web_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_DIGESTS = 30  # the feed carries the stories of this many latest digests
_DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2}(?:-\d{4})?)\.(md|html|txt)$")
# Characters XML 1.0 does not allow. Ingest removes them from documents; this keeps
# the feed valid whatever reached the store before (or around) that.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _tag(parent: ElementTree.Element, name: str, text: str | None = None,
         **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}",
                                     {k: _NOT_XML.sub("", v) for k, v in attributes.items()})
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def _story_html(story: dict[str, Any]) -> str:
    parts = [f"<p>{html.escape(sentence)}</p>" for sentence in story["summary"]]
    if story.get("escalation"):
        parts.insert(0, f"<p><strong>Escalation:</strong> {html.escape(story['escalation'])}"
                        "</p>")
    items = []
    for source in story["sources"]:
        title = html.escape(source["title"])
        url = web_url(source.get("url"))
        if url is not None:
            title = f'<a href="{html.escape(url, quote=True)}">{title}</a>'
        outlet = html.escape(source.get("source") or "")
        items.append(f"<li>{title}{', ' + outlet if outlet else ''}, "
                     f"{html.escape(source['published'][:16].replace('T', ' '))}</li>")
    parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def feed_xml(subscription: str, digests: list[dict[str, Any]], now: datetime) -> str:
    """Give the Atom feed of the stories in `digests` (newest first). A story found in
    several digests is one entry, as of the latest."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    _tag(feed, "id", f"urn:alerter:feed:{subscription}")
    _tag(feed, "title", f"alerter: {subscription}")
    updated = digests[0]["created"] if digests else now.isoformat()
    _tag(feed, "updated", updated)
    author = _tag(feed, "author")
    _tag(author, "name", "alerter")
    _tag(feed, "generator", "alerter")
    seen: set[str] = set()
    for digest in digests:
        for story in digest["stories"]:
            if story["id"] in seen:
                continue
            seen.add(story["id"])
            entry = _tag(feed, "entry")
            _tag(entry, "id", f"urn:alerter:story:{subscription}:{story['id']}")
            _tag(entry, "title", f"{story['rule']}: {story['title']}")
            _tag(entry, "updated", digest["created"])
            first = story["sources"][0] if story["sources"] else None
            if first is not None:
                _tag(entry, "published", first["published"])
                url = web_url(first.get("url"))
                if url is not None:
                    _tag(entry, "link", href=url, rel="alternate")
            _tag(entry, "category", term=story["severity"], label="severity")
            _tag(entry, "summary", " ".join(story["summary"]) or story["title"])
            _tag(entry, "content", _story_html(story), type="html")
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def days_in(folder: Path) -> list[tuple[str, list[str]]]:
    """Give (day, formats) for every day's digest file in the folder, newest first."""
    found: dict[str, list[str]] = {}
    if folder.is_dir():
        for path in folder.iterdir():
            if match := _DAY_FILE.match(path.name):
                found.setdefault(match[1], []).append(match[2])
    return [(day, sorted(found[day])) for day in sorted(found, reverse=True)]


def index_md(subscription: str, days: list[tuple[str, list[str]]]) -> str:
    lines = [f"# {subscription}: digests", ""]
    for day, formats in days:
        links = ", ".join(f"[{fmt}]({day}.{fmt})" for fmt in formats)
        lines.append(f"- {day}: {links}")
    return "\n".join(lines) + "\n"


def index_html(subscription: str, days: list[tuple[str, list[str]]]) -> str:
    name = html.escape(subscription)
    rows = "\n".join(
        f'    <li>{day}: ' + ", ".join(f'<a href="{day}.{fmt}">{fmt}</a>' for fmt in formats)
        + "</li>" for day, formats in days)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
            "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"  <title>{name}: digests</title>\n</head>\n"
            "<body style=\"font-family: Arial, Helvetica, sans-serif; max-width: 640px; "
            "margin: 0 auto; padding: 16px;\">\n"
            f"  <h1 style=\"font-size: 22px;\">{name}: digests</h1>\n"
            f"  <ul>\n{rows}\n  </ul>\n</body>\n</html>\n")


def publish(out: Path, subscription: str, digests: list[dict[str, Any]], now: datetime) -> None:
    """Rewrite the subscription's feed and its digest index under `out`."""
    write_atomic(out / "feeds" / f"{subscription}.atom", feed_xml(subscription, digests, now))
    crash_point("mid-publish")
    folder = out / "digests" / subscription
    days = days_in(folder)
    if days:
        write_atomic(folder / "index.md", index_md(subscription, days))
        write_atomic(folder / "index.html", index_html(subscription, days))

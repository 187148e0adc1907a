"""Markdown output that document text cannot take over.

A title, outlet, URL or sentence comes from a document, so in a markdown digest
it is text, never markup: `escape` backslash-escapes every character that could
open a link, image, HTML tag, emphasis or code span, the markers that start a
block (`#`, `>`, `-`, `1.`) at the start of a value, and the `://` and `www.`
that GitHub-flavoured viewers turn into links by themselves. Whitespace runs
(newlines included) become one space, so a value stays on its line.

Only `link` makes links, only for http(s) URLs, with the URL percent-encoded so
that `(`, `)`, spaces and `<>` cannot end or leave it. In `.md` templates every
`{{ … }}` goes through `finalize`, so escaping is the default there; values
already made safe (`MdSafe`, from `link`, `cite` and `quote`) pass as they are.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# ASCII punctuation that opens inline markup anywhere in a line (CommonMark 6.x, GFM).
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# Block markers only count at the start of a line: headings, quotes, list items,
# thematic breaks, setext underlines, ordered list numbers.
_BLOCK_START = re.compile(r"^([#>+=-]|\d{1,9}(?=[.)]))")
# An entity or numeric character reference ("&amp;", "&#91;") would print as another
# character; a lone "&" is only text.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# GFM's autolink extension links bare `scheme://` and `www.` without any markup.
_AUTOLINK = re.compile(r"(?<=\w)(:)(?=//)|(?<=\bwww)(\.)", re.IGNORECASE)
# What may stay as it is in a link destination; everything else is percent-encoded
# (parentheses, spaces, quotes, angle brackets, backslashes, controls, non-ASCII).
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


class MdSafe(str):
    """Markdown that is ours (made by `link`, `cite`, `quote`): never escaped again.
    A plain str, not markupsafe's Markup, so HTML templates still escape it."""

    __slots__ = ()


def escape(value: object) -> str:
    """Give `value` as markdown text that renders as itself, on one line."""
    if isinstance(value, MdSafe):
        return str(value)
    text = " ".join(str(value).replace("\0", "\ufffd").split())
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(0), text)
    start = _BLOCK_START.match(text)
    if start:  # "1984." would start an ordered list: escape its dot, else the marker
        at = start.end() if start.group(1).isdigit() else 0
        text = f"{text[:at]}\\{text[at:]}"
    return text


def web_url(url: object) -> str | None:
    """Give the URL if it is http(s) with a host, else None: a document's javascript:,
    data: or file: URL is never made a link."""
    text = str(url).strip() if url else ""
    if not text.lower().startswith(("https://", "http://")):
        return None
    try:
        return text if urlsplit(text).netloc else None
    except ValueError:  # an unparseable host ("http://[oops")
        return None


def encode_url(url: str) -> str:
    """Give the URL percent-encoded for a markdown link destination."""
    return quote(url, safe=_URL_SAFE)


def link(text: object, url: object) -> MdSafe:
    """Give `[text](url)` for an http(s) URL, else the text alone; both made safe."""
    label = escape(text)
    target = web_url(url)
    if target is None or not label:
        return MdSafe(label)
    return MdSafe(f"[{label}]({encode_url(target)})")


def finalize_for(template_name: str | None, value: object) -> object:
    """Give what a `{{ … }}` of the named template prints: escaped in markdown templates
    (`*.md.j2`, `*.md`), untouched elsewhere."""
    if value is None or not template_name or not template_name.endswith((".md.j2", ".md")):
        return value
    return escape(value)

"""The raw form every reader produces, and its one conversion into a Document."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from alerter.models import Document
from alerter.reading import clean_characters

_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class RawDocument:
    """What a reader found: text plus whatever metadata the format carried."""

    text: str
    origin: str  # file path or URL, for messages and as a fallback source name
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    source: str | None = None


def normalise_text(text: str) -> str:
    """Give text with unified newlines, single spaces, and at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip()


def content_hash(text: str) -> str:
    """Give the hash that decides whether a document was seen before."""
    # surrogatepass: a lone surrogate hashes (the stored text has none) instead of failing
    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()


def _line(value: str | None) -> str | None:
    """Give a metadata value cleaned and on one line (titles end up in subjects,
    headings and citations), or None when nothing is left."""
    return " ".join(clean_characters(value).split()) or None if value else None


def to_document(raw: RawDocument, fetched: datetime, source_name: str | None) -> Document | None:
    """Give the Document for a raw item, or None when it has no text.

    Every format comes through here, so this is where invisible and control
    characters are removed from what a digest, feed or email could show
    (alerter/reading/characters.py); the layout is kept as it was written.
    """
    text = normalise_text(clean_characters(raw.text))
    if not text:
        return None
    # Over the text as it came, as alerter always has: a document stored before the
    # clean-up existed is still recognised, and never comes back as a new one.
    digest = content_hash(raw.text)
    published = raw.published or fetched
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    url = _line(raw.url)
    return Document(
        id=(clean_characters(raw.id).strip() if raw.id else "") or url or f"sha256:{digest[:32]}",
        source=_line(source_name or raw.source) or _line(raw.origin) or raw.origin,
        url=url,
        title=_line(raw.title),
        text=text,
        published=published,
        fetched=fetched,
        content_hash=digest,
    )

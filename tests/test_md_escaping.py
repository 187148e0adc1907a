"""Markdown digests carry no markup from documents (issue 11, item 6): a title, URL,
outlet, og:site_name or sentence that holds links, images or HTML comes out as text,
through the real pipeline, checked with a CommonMark parser (markdown-it-py, which
rich already brings). The escaper itself is fuzzed with Hypothesis.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from alerter import md
from alerter.clock import FixedClock
from alerter.extract import Extractor

from .conftest import cycle

NOW = datetime(2023, 3, 9, 8, 0, tzinfo=UTC)
DIGEST = Path("out/digests/daily-summary/2023-03-09.md")

# Each is a sanctions sentence the default rules match, in our own words, with hostile
# markup where a document controls the text.
HOSTILE = {
    "title.txt": """\
---
title: "[Sign in to view](https://evil.example/phish)"
source: Harbour Post
url: https://harbourpost.example.net/2023/03/06/title
published: 2023-03-06T09:00:00Z
---
Canada imposed sanctions on Belarus on Monday over its support for the war.
""",
    "url.txt": """\
---
title: Norway sanctions Iran
source: Lantern Press Agency
url: "https://lantern.example.com/a) [Login here](https://evil.example/login"
published: 2023-03-07T09:00:00Z
---
Norway imposed sanctions on Iran on Tuesday over drone deliveries.
""",
    "outlet.txt": """\
---
title: Japan sanctions Syria
source: "![pixel](https://evil.example/track.gif)"
url: https://meridiandaily.example.org/2023/03/07/outlet
published: 2023-03-07T12:00:00Z
---
Japan imposed sanctions on Syria on Tuesday over chemical weapons.
""",
    "site.html": """\
<!DOCTYPE html><html><head><title>Australia sanctions Myanmar generals</title>
<meta property="og:site_name" content="<img src=x onerror=alert(1)>">
<meta property="article:published_time" content="2023-03-08T08:00:00Z">
</head><body><article><h1>Australia sanctions Myanmar generals</h1>
<p>Australia imposed sanctions on Myanmar on Wednesday over the killing of protesters in
the capital, the foreign ministry said.</p>
<p>The measures freeze the assets of six generals and two companies owned by the army.</p>
</article></body></html>
""",
    "sentence.txt": """\
---
title: Switzerland sanctions Nicaragua
source: Northgate Wire
url: https://news.example.org/2023/03/08/sentence
published: 2023-03-08T10:00:00Z
---
Switzerland imposed sanctions on Nicaragua on Wednesday <script>alert(1)</script>
""",
}
OURS = re.compile(r"^https://(harbourpost|lantern|meridiandaily|news)\.example\.(net|com|org)/")


def tokens(text: str) -> list[Any]:
    """Give every token of a markdown text, inline ones included (CommonMark, plus GFM's
    tables and strikethrough)."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    found = []
    for token in parser.parse(text):
        found.append(token)
        found += token.children or []
    return found


@pytest.fixture(scope="module")
def hostile_digest(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> str:
    from .conftest import ROOT

    project = tmp_path_factory.mktemp("hostile")
    for name in ("rules", "templates"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "config.yaml", project / "config.yaml")
    (project / "examples").mkdir()
    for name, text in HOSTILE.items():
        (project / "examples" / name).write_text(text)
    report, store = cycle(project, FixedClock(NOW), extractor)
    store.close()
    assert report.problems == []
    return (project / DIGEST).read_text()


def test_document_markup_is_text_in_the_markdown_digest(hostile_digest: str) -> None:
    digest = hostile_digest
    for sentence in ("Belarus", "Iran", "Syria", "Myanmar", "Nicaragua"):
        assert f"sanctions on {sentence}" in digest, sentence  # every document is in it
    found = tokens(digest)
    kinds = {t.type for t in found}
    assert not kinds & {"image", "html_inline", "html_block"}, kinds
    links = [t.attrGet("href") for t in found if t.type == "link_open"]
    assert links and all(OURS.match(str(href)) for href in links), links
    assert not any(urlsplit(str(href)).hostname == "evil.example" for href in links)
    # what was hostile is still there, as text a reader can see
    text = "".join(t.content for t in found if t.type == "text")
    for shown in ("[Sign in to view](https://evil.example/phish)",
                  "![pixel](https://evil.example/track.gif)",
                  "<img src=x onerror=alert(1)>", "<script>alert(1)</script>"):
        assert shown in text, shown
    # a URL with ") [Login here](…" stays inside its own link, percent-encoded
    assert "https://lantern.example.com/a%29%20%5BLogin%20here%5D%28https://evil.example/login" \
        in links
    # GitHub's viewer links bare URLs: only our link destinations hold a bare "://"
    assert len(re.findall(r"(?<!\\)://", digest)) == sum(str(h).count("://") for h in links)


def test_the_escaper_neutralises_each_kind_of_markup() -> None:
    cases = {
        "[a](https://x.example)": r"\[a\](https\://x.example)",
        "![i](https://x.example/i.png)": r"!\[i\](https\://x.example/i.png)",
        "<b>bold</b>": r"\<b\>bold\</b\>",
        "# heading": r"\# heading",
        "1984. was a year": r"1984\. was a year",
        "- item": r"\- item",
        "> quoted": r"\> quoted",
        "*em* _em_ `code` ~~gone~~ a|b": r"\*em\* \_em\_ \`code\` \~\~gone\~\~ a\|b",
        "see www.evil.example now": r"see www\.evil.example now",
        "&#91;x&#93; &amp; Co & Co": r"\&#91;x\&#93; \&amp; Co & Co",
        "two\nlines\n\n# and more": "two lines # and more",  # not at a line start
    }
    for written, wanted in cases.items():
        assert md.escape(written) == wanted, written
    assert md.escape(md.MdSafe("[ours](https://a.example)")) == "[ours](https://a.example)"


def test_links_only_for_http_urls_percent_encoded() -> None:
    assert md.link("t", "javascript:alert(1)") == "t"
    assert md.link("t", "file:///etc/passwd") == "t"
    assert md.link("t", "https://") == "t"  # no host
    assert md.link("a [b]", "https://x.example/p (1)") == r"[a \[b\]](https://x.example/p%20%281%29)"
    assert md.link("t", "https://x.example/<s>\\") == "[t](https://x.example/%3Cs%3E%5C)"



# text with every character that means something to markdown, often
MARKDOWNISH = st.text(alphabet=st.one_of(
    st.sampled_from(list("\\`*_[]()<>!|~&#;+-=.:/ \n\t0123456789wxh")), st.characters()),
    max_size=80)


@settings(max_examples=400, deadline=None)
@given(MARKDOWNISH)
def test_escaped_text_renders_as_itself_and_nothing_else(text: str) -> None:
    for prefix in ("", "Title: ", "> "):  # at a line's start, inside it, in a quote
        found = tokens(prefix + md.escape(text))
        kinds = {t.type for t in found}
        assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text",
                         "blockquote_open", "blockquote_close", "softbreak"}, (text, kinds)
        shown = "".join(t.content for t in found if t.type == "text")
        wanted = " ".join(text.replace("\0", "\ufffd").split())
        assert shown == (prefix.removeprefix("> ") + wanted).strip(), text

"""The digest templates (md, html, txt and the subject) on the real pipeline's context:
examples/ plus one document that tries to inject a script, a fixed clock, one cycle.

Regenerate the golden files after a reviewed change with
ALERTER_UPDATE_GOLDEN=1 pytest tests/test_templates.py.

The browser test needs Chromium: without one it skips, or fails under
ALERTER_REQUIRE_BROWSER=1 (.ci/run, which installs Debian's `chromium` when none is found).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import struct
import subprocess
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import alerter.pipeline
from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.extract import Extractor
from alerter.pipeline import Pipeline
from alerter.render import environment, render
from alerter.store import Store

from .conftest import GOLDEN, ROOT, require_browser

FORMATS = ("md", "html", "txt")
DIGESTS = Path("out/digests/daily-summary")
DAY = "2023-02-27"

# A sanctions sentence the default rules match, carrying markup that must come out as
# text, and a URL that must not become a link.
INJECTED = """\
---
title: New Zealand sanctions Belarusian officials <script>alert(1)</script>
source: Southern Cross Herald
url: javascript:alert(1)
published: 2023-02-26T10:00:00Z
---
New Zealand imposed sanctions on Belarus on Sunday over its support for the invasion \
<script>alert(1)</script>, the foreign ministry said.
"""

FOOTERS = {  # none of these lines is in a default footer
    "md": "Compiled for the night desk.\n",
    "html": "<p>Compiled for the night desk.</p>\n",
    "txt": "Compiled for the night desk.\n",
}


def override(fmt: str) -> str:
    """Give a user template that extends the default for `fmt` and replaces its footer."""
    return (f'{{% extends "default:digest.{fmt}.j2" %}}\n'
            f"{{% block footer %}}\n{FOOTERS[fmt]}{{% endblock %}}\n")


@dataclass(frozen=True)
class Digest:
    project: Path
    context: dict[str, Any]
    bodies: dict[str, str]  # as the file channel wrote them, by format


@pytest.fixture(scope="module")
def digest(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Digest:
    """One cycle over a project like the `project` fixture's, with every format on and a
    user digest.md.j2 that overrides the footer; the context the pipeline rendered."""
    project = tmp_path_factory.mktemp("project")
    for name in ("rules", "templates", "examples"):
        shutil.copytree(ROOT / name, project / name)
    (project / "examples" / "2023-02-26-new-zealand-sanctions-belarus.txt").write_text(INJECTED)
    (project / "templates" / "digest.md.j2").write_text(override("md"))
    config_text = (ROOT / "config.yaml").read_text()
    assert "formats: [md, html]" in config_text
    (project / "config.yaml").write_text(
        config_text.replace("formats: [md, html]", "formats: [md, html, txt]"))

    seen: list[dict[str, Any]] = []
    real_context = alerter.pipeline.context  # type: ignore[attr-defined]

    def capture(*args: Any, **kwargs: Any) -> dict[str, Any]:
        seen.append(real_context(*args, **kwargs))
        return seen[-1]

    config = load_config(project / "config.yaml")
    store = Store.open(config.resolve(config.store.path))
    clock = FixedClock(datetime(2023, 2, 27, 8, 0, tzinfo=UTC))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(alerter.pipeline, "context", capture)
        pipeline = Pipeline(config, store, clock, extractor=lambda: extractor)
        report = pipeline.run_cycle()
        pipeline.release()
    store.close()
    assert report.problems == [] and report.delivered == 1 and len(seen) == 1
    bodies = {fmt: (project / DIGESTS / f"{DAY}.{fmt}").read_text() for fmt in FORMATS}
    return Digest(project, seen[0], bodies)


def default(fmt: str, context: dict[str, Any]) -> str:
    return render(environment(None), f"digest.{fmt}.j2", context)


# -- content -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_the_digest_gives_the_golden_file(digest: Digest, fmt: str) -> None:
    golden = GOLDEN / f"daily-summary.{fmt}"
    if os.environ.get("ALERTER_UPDATE_GOLDEN"):
        golden.write_text(digest.bodies[fmt])
    assert digest.bodies[fmt] == golden.read_text()


def test_every_format_carries_every_story(digest: Digest) -> None:
    context = digest.context
    md, html, txt = (default("md", context), digest.bodies["html"], digest.bodies["txt"])
    assert context["counts"]["stories"] == len(context["stories"]) > 25
    for story in context["stories"]:
        assert f"### [{story['number']}] " in md
        assert f'<div id="{story["anchor"]}"' in html
        assert f"\n[{story['number']}] " in txt
        for source in story["sources"]:
            if (source["url"] or "").startswith("https://"):
                assert f'<a href="{source["url"]}"' in html
                assert f"<{source['url']}>" in txt
    for group in context["groups"]:
        assert f"## {group['rule']['name']} ({group['rule']['severity']})" in md
        assert f"\n{group['rule']['name']} ({group['rule']['severity']})\n" in txt
        assert f">{group['rule']['name']} <span" in html
    for fmt, body in (("html", html), ("txt", txt)):
        assert "Escalation:" in body, fmt
        assert "Why: " in body, fmt
        assert f"{context['counts']['stories']} stories from" in body, fmt


def test_the_text_digest_is_wrapped_without_breaking_urls(digest: Digest) -> None:
    txt = digest.bodies["txt"]
    long_lines = [line for line in txt.splitlines() if len(line) > 72]
    # only a URL or another unbreakable word may stand out, alone on its line
    assert all(len(line.split()) == 1 for line in long_lines), long_lines
    for story in digest.context["stories"]:
        for source in story["sources"]:
            if (source["url"] or "").startswith("https://"):
                assert source["url"] in txt


def test_the_subject_names_the_day_the_time_and_the_leading_story(digest: Digest) -> None:
    env = environment(digest.project / "templates")
    subject = render(env, "subject.txt.j2", digest.context)
    counts = digest.context["counts"]
    lead = digest.context["lead"]
    assert lead["number"] == digest.context["highlights"][0]["number"]
    assert subject == (f"[alerter] daily-summary {DAY} 08:00: {lead['headline']}, and "
                       f"{counts['stories'] - 1} more stories (highest severity high, "
                       f"{counts['escalations']} escalations)")
    assert "\n" not in subject
    # two digests of one day differ: the time is in the subject
    later = {**digest.context, "period": {**digest.context["period"], "time": "14:00"}}
    assert render(env, "subject.txt.j2", later) != subject
    one = {**digest.context, "counts": {**counts, "stories": 1, "escalations": 1}}
    assert render(env, "subject.txt.j2", one) == (
        f"[alerter] daily-summary {DAY} 08:00: {lead['headline']} (highest severity high, "
        f"1 escalation)")
    empty = {**digest.context, "groups": [], "stories": [], "highlights": [], "lead": None,
             "counts": {**counts, "stories": 0, "escalations": 0, "matches": 0}}
    assert render(env, "subject.txt.j2", empty) == \
        f"[alerter] daily-summary {DAY} 08:00: no new stories"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_user_template_that_extends_the_default_changes_only_the_footer(
        digest: Digest, fmt: str, tmp_path: Path) -> None:
    if fmt == "md":  # the pipeline itself rendered the user's digest.md.j2
        mine = digest.bodies["md"]
    else:
        (tmp_path / f"digest.{fmt}.j2").write_text(override(fmt))
        mine = render(environment(tmp_path), f"digest.{fmt}.j2", digest.context)
    theirs = default(fmt, digest.context).splitlines()
    ours = mine.splitlines()
    head = next(i for i, (a, b) in enumerate(zip(theirs, ours, strict=False)) if a != b)
    tail = next(i for i, (a, b) in enumerate(zip(theirs[::-1], ours[::-1], strict=False))
                if a != b)
    # line by line: the same before and after the footer; the footer is ours
    assert ours[head:len(ours) - tail] == FOOTERS[fmt].splitlines()
    replaced = theirs[head:len(theirs) - tail]
    # the footer: the counts line and the unsubscribe (or subscription) line
    assert 1 <= len(replaced) <= 7 and "Generated by alerter at" in "\n".join(replaced)
    assert head > len(theirs) // 2


# -- the HTML: self-contained, escaped, well-formed ---------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# elements and attributes that load something, or run something
LOADING_TAGS = {"script", "link", "img", "iframe", "frame", "object", "embed", "video", "audio",
                "source", "track", "picture", "base", "form", "svg", "math", "applet"}
LOADING_ATTRS = {"src", "srcset", "background", "poster", "data", "action", "formaction",
                 "ping", "manifest", "lowsrc", "dynsrc", "codebase", "xlink:href"}


class Page(HTMLParser):
    """The parts of an HTML page the tests look at; unbalanced tags are collected."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = ""
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.open: list[str] = []
        self.unbalanced: list[str] = []
        self.styles: list[str] = []
        self.title = ""
        self.feed(text)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if "style" in values:
            self.styles.append(values["style"])
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.unbalanced.append(f"</{tag}> while open: {self.open[-3:]}")

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "style":
            self.styles.append(data)
        if self.open and self.open[-1] == "title":
            self.title += data

    def attrs(self, tag: str) -> list[dict[str, str]]:
        return [values for name, values in self.tags if name == tag]


def test_the_html_is_a_well_formed_html5_page(digest: Digest) -> None:
    page = Page(digest.bodies["html"])
    assert digest.bodies["html"].startswith("<!DOCTYPE html>\n")
    assert page.doctype == "DOCTYPE html"
    assert page.unbalanced == [] and page.open == []
    assert [t for t, _ in page.tags[:3]] == ["html", "head", "meta"]
    assert page.attrs("html") == [{"lang": "en"}]
    assert {"charset": "utf-8"} in page.attrs("meta")
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} \
        in page.attrs("meta")
    assert page.title.strip() == f"daily-summary — {DAY}"
    ids = [values["id"] for _, values in page.tags if "id" in values]
    assert len(ids) == len(set(ids)) == digest.context["counts"]["stories"]
    # styled inline: the layout does not depend on a <style> block that clients drop
    assert len(page.styles) > 100
    assert any("max-width:640px" in style for style in page.styles)


def test_the_html_loads_nothing_from_outside(digest: Digest) -> None:
    page = Page(digest.bodies["html"])
    urls = {s["url"] for story in digest.context["stories"]
            for s in [*story["sources"], *story["mentions"]] if s["url"]}
    anchors = {f"#{story['anchor']}" for story in digest.context["stories"]}
    for tag, values in page.tags:
        assert tag not in LOADING_TAGS, tag
        assert not LOADING_ATTRS & set(values), (tag, values)
        assert not any(name.startswith("on") for name in values), (tag, values)
        if "href" in values:
            assert tag == "a" and (values["href"] in urls or values["href"] in anchors), values
        if tag == "meta":
            assert "http-equiv" not in values, values
    for style in page.styles:
        for loads in ("url(", "@import", "expression("):
            assert loads not in style, style
    linked = [values["href"] for values in page.attrs("a")]
    assert sum(href.startswith("https://") for href in linked) > 30
    assert {href for href in linked if href.startswith("#")} == \
        {f"#{highlight['anchor']}" for highlight in digest.context["highlights"]}


def test_text_from_documents_is_escaped(digest: Digest) -> None:
    html = digest.bodies["html"]
    assert "<script" not in html.lower()
    assert "javascript:" not in html  # not a link: only http(s) URLs are
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # sentence, citations
    assert "<script>alert(1)</script>" in digest.bodies["txt"]  # plain text stays as it is


# -- a real browser ------------------------------------------------------------------------

# Chromium's headless window is at least 500 CSS px wide: a narrower --window-size only
# crops the screenshot of a 500 px layout. 500 is below the digest's 640 px, so the
# fluid layout is what gets drawn.
WIDTH, HEIGHT = 500, 2000
BROWSER_TIMEOUT = 30  # seconds; it takes about 2
# Write down the width the page takes, to see that nothing makes it scroll sideways.
PROBE = ('<script>document.body.setAttribute("data-scroll-width", '
         "document.documentElement.scrollWidth)</script>")
BLANK = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>blank</title></head><body>'
         # invisible: the control that the net log shows what a page asks for
         '<img src="http://example.invalid/control.png" alt="" style="display:none">'
         "</body></html>")


@dataclass(frozen=True)
class Shot:
    run: subprocess.CompletedProcess[str]
    png: Path
    requested: set[str]  # http(s) URLs the page itself asked for


def shoot(page: Path, folder: Path) -> Shot:
    """Give Chromium's screenshot of `page`, its DOM (stdout), its log (stderr) and what the
    page fetched from the network (none is reachable: every host name fails to resolve)."""
    folder.mkdir()
    png, netlog = folder / "shot.png", folder / "net.json"
    command = [
        require_browser(), "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        f"--user-data-dir={folder / 'profile'}", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr", "--v=0", f"--log-net-log={netlog}",
        f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={png}", "--dump-dom", page.as_uri()]
    # its own process group, so that nothing of it outlives the test
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, encoding="utf-8", errors="replace",
                          start_new_session=True) as process:
        try:
            out, err = process.communicate(timeout=BROWSER_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            pytest.fail(f"{command[0]} did not finish in {BROWSER_TIMEOUT} s on {page.name} "
                        "(a dialog such as alert() stops headless Chromium)", pytrace=False)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
    run = subprocess.CompletedProcess(command, process.returncode, out, err)
    requested: set[str] = set()
    if netlog.exists():
        for event in json.loads(netlog.read_text())["events"]:
            params = event.get("params", {})
            # requests made for a file:// page, not Chromium's own (updates, time, ...)
            if "file://" in str(params.get("network_isolation_key", "")) and \
                    str(params.get("url", "")).startswith(("http://", "https://")):
                requested.add(params["url"])
    return Shot(run, png, requested)


def png_rows(data: bytes) -> tuple[int, int, int]:
    """Give a PNG's width, height and number of distinct rows of pixels (filtered as
    stored: a one-colour image has at most two, its first row and the rest)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    header, chunks, at = b"", [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert interlace == 0
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    stride = 1 + (width * channels * depth + 7) // 8
    pixels = zlib.decompress(b"".join(chunks))
    assert len(pixels) == stride * height
    rows = {pixels[i:i + stride] for i in range(0, len(pixels), stride)}
    return width, height, len(rows)


@pytest.mark.usefixtures("browser")
def test_chromium_draws_the_html_digest(digest: Digest, tmp_path: Path) -> None:
    probed = tmp_path / "digest.html"
    html = digest.bodies["html"]
    probed.write_text(html.replace("</body>", PROBE + "</body>"))
    blank = tmp_path / "blank.html"
    blank.write_text(BLANK)

    shot, control = shoot(probed, tmp_path / "digest"), shoot(blank, tmp_path / "blank")

    for run in (shot.run, control.run):
        assert run.returncode == 0, run.stderr[-2000:]
    assert shot.png.is_file() and control.png.is_file()
    width, height, rows = png_rows(shot.png.read_bytes())
    _, _, blank_rows = png_rows(control.png.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    # not blank: text draws hundreds of different rows where an empty page has two
    assert blank_rows <= 3 and rows > 300, (rows, blank_rows)
    assert shot.png.stat().st_size > 10 * control.png.stat().st_size
    # the page loaded as written, asked for nothing outside and logged no error
    dom = shot.run.stdout
    assert dom.count('<div id="story-') == digest.context["counts"]["stories"]
    assert f'data-scroll-width="{WIDTH}"' in dom  # fluid: nothing wider than the window
    assert "http://example.invalid/control.png" in control.requested
    assert shot.requested == set()
    assert [line for line in shot.run.stderr.splitlines() if ":CONSOLE" in line] == []

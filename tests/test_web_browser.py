"""`alerter serve` in a real browser: Debian's headless Chromium, driven by Playwright
with the system browser (no browser download). It loads the archive, a digest and the
explorer, filters events and sends the sign-up form, and checks what a person sees,
that the console stays free of errors (a CSP violation is one), that no request
leaves 127.0.0.1, and that the screenshots are not blank.

Skips with the reason where no Chromium is installed, and fails instead under
ALERTER_REQUIRE_BROWSER=1 (CI, after .ci/install_browser.sh).
"""

from __future__ import annotations

import os
import struct
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.register_assert_rewrite("tests.web")  # before it is imported here

from .conftest import require_browser  # noqa: E402
from .web import BASE_URL, NEWS, SUBSCRIPTION, Site  # noqa: E402

pytest_plugins = ["tests.smtp", "tests.web"]
# what works for a headless Chromium in a container, with nothing fetched from elsewhere
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def shot(page: Any, name: str) -> bytes:
    """Give a full-page screenshot; also saved under $ALERTER_SCREENSHOTS when set."""
    png: bytes = page.screenshot(full_page=True)
    folder = os.environ.get("ALERTER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"{name}.png").write_bytes(png)
    return png


def colours(png: bytes) -> int:
    """Give how many different colours a PNG screenshot has (8-bit RGB or RGBA)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(png):
        size, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunk = png[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += chunk
        pos += size + 12
    raw, stride = zlib.decompress(data), width * channels
    previous, seen = bytearray(stride), set[bytes]()
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) *
                                                            (stride + 1)])
        for x in range(stride):
            left = row[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + left) & 255
            elif kind == 2:
                row[x] = (row[x] + up) & 255
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[x] = (row[x] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                    else corner)) & 255
        seen.update(bytes(row[i:i + 3]) for i in range(0, stride, channels * 7))
        previous = row
    return len(seen)


@pytest.fixture
def served(site: Site) -> Site:
    """Give the site with a day's digest in its archive. (The cycle runs before the browser
    starts: Playwright's sync API keeps an event loop running in this thread.)"""
    for name in NEWS:
        site.add_news(name)
    site.cycle()
    return site


@pytest.fixture
def browser_page(served: Site) -> Iterator[tuple[Any, list[str], list[str]]]:
    """Give a Chromium page, the console errors it logged and the URLs it requested."""
    from playwright.sync_api import sync_playwright

    executable = require_browser()
    errors: list[str] = []
    requests: list[str] = []
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=FLAGS,
            viewport={"width": 1000, "height": 800})
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        context.on("request", lambda r: requests.append(r.url))
        try:
            yield page, errors, requests
        finally:
            context.close()


def test_archive_digest_explorer_and_sign_up_in_chromium(
        served: Site, browser_page: tuple[Any, list[str], list[str]]) -> None:
    site = served
    page, errors, requests = browser_page

    page.goto(site.url + "/")
    assert page.locator("h1").inner_text() == "Archive"
    page.get_by_role("link", name=SUBSCRIPTION).click()
    assert page.locator("h1").inner_text() == SUBSCRIPTION
    assert colours(shot(page, "subscription")) > 20

    page.locator("ul.digests a").first.click()  # the day's digest, as emailed
    assert SUBSCRIPTION in page.locator("h1").first.inner_text()
    heading = page.locator("h3").first.inner_text()
    assert heading.startswith("[1]")
    sources = page.locator("a[href^='https://news.example.org/']")
    assert sources.count() >= 2  # the stories link to their sources
    unsubscribe = page.get_by_role("link", name="Unsubscribe")
    # on the web, the stand-in for each reader's own link leads to how to unsubscribe
    assert unsubscribe.get_attribute("href") == f"{BASE_URL}/s/{SUBSCRIPTION}#unsubscribe"
    assert colours(shot(page, "digest")) > 20

    page.goto(site.url + "/events")
    shown = page.locator("ol.events > li")
    assert shown.count() >= 3
    sentences = page.locator("ol.events blockquote").all_inner_texts()
    assert any("Canada froze the assets" in t for t in sentences), sentences
    page.select_option("select[name=type]", "SANCTION")
    page.get_by_role("button", name="Filter").click()
    assert "type=SANCTION" in page.url
    tags = page.locator("ol.events .tag").all_inner_texts()
    assert tags and all(t.startswith("SANCTION") for t in tags)
    assert colours(shot(page, "events")) > 20

    page.goto(f"{site.url}/s/{SUBSCRIPTION}")
    page.fill("input[name=email]", "reader@example.org")
    page.get_by_role("button", name="Subscribe").click()
    assert page.locator("h1").inner_text() == "Check your inbox"
    assert "reader@example.org" in page.locator("p.message").inner_text()
    assert colours(shot(page, "signed-up")) > 20
    assert len(site.to("reader@example.org")) == 1

    assert errors == []
    assert requests and all(u.startswith(site.url + "/") for u in requests), requests

"""`alerter serve` over real HTTP: sign-up → confirmation email → confirm → the next
digest reaches the new subscriber → RFC 8058 one-click unsubscribe → no more mail,
counted at a real SMTP server; and the links that must not work. The tests of what
the store keeps (subscribers, throttles, the explorer, /healthz) run on SQLite and
on a real PostgreSQL (`@on_both`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
import time_machine
from click.testing import CliRunner

from alerter.cli import main
from alerter.web.tokens import CONFIRM_FOR, Signup, Tokens

pytest.register_assert_rewrite("tests.web")  # before it is imported here

from .web import (  # noqa: E402
    ANN,
    BASE_URL,
    NEWS,
    SECRET,
    SUBSCRIPTION,
    Site,
    csrf,
    link_in,
    on_both,
    sign_up,
    unsubscribe_header,
)

# the fixtures (`site`, `smtp_server`); as plugins so that pytest rewrites their asserts
pytest_plugins = ["tests.smtp", "tests.web"]
NEW = "New.Reader@example.org"


def subscriptions_json(site: Site) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["subscriptions", "--format", "json", "--config",
                                       str(site.config_path)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


@on_both
def test_sign_up_confirm_digest_one_click_unsubscribe(site: Site) -> None:
    with site.client() as browser:
        answer = sign_up(browser, NEW)
        assert answer.status_code == 200 and "Check your inbox" in answer.text
        [confirmation] = site.to(NEW.lower())
        link = link_in(confirmation, f"{BASE_URL}/confirm/")
        assert "digest" not in str(confirmation.message["Subject"]).lower()
        # a GET only shows the button (mail scanners fetch links); the POST confirms
        page = browser.get(site.local(link))
        assert page.status_code == 200 and "Confirm" in page.text
        assert subscriptions_json(site)["subscriptions"][0]["subscribers"] == []
        done = browser.post(site.local(link), data={"csrf": csrf(page.text)})
        assert done.status_code == 200 and "Subscribed" in done.text
    assert subscriptions_json(site)["subscriptions"][0]["subscribers"] == [NEW.lower()]

    site.add_news(NEWS[0])
    site.cycle()
    [digest] = site.digests_to(NEW.lower())
    [for_ann] = site.digests_to(ANN)
    url = unsubscribe_header(digest)
    assert url.startswith(f"{BASE_URL}/u/")
    assert digest.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_header(for_ann) != url  # each recipient has their own link
    # the body's visible link is the recipient's own too, in both parts
    text, html = (p.get_content() for p in digest.message.iter_parts())
    assert url in text and f'href="{url}"' in html and "your-own-unsubscribe-link" not in html

    # a GET (a link scanner, or the reader) only shows the button
    button = httpx.get(site.local(url), timeout=10)
    assert button.status_code == 200 and 'value="One-Click"' in button.text
    assert subscriptions_json(site)["opt_outs"] == []
    # RFC 8058: the mailbox provider POSTs List-Unsubscribe=One-Click, with no cookie
    one_click = httpx.post(site.local(url), data={"List-Unsubscribe": "One-Click"}, timeout=10)
    assert one_click.status_code == 200 and "Unsubscribed" in one_click.text
    listing = subscriptions_json(site)
    assert listing["subscriptions"][0]["opted_out"] == [NEW.lower()]
    assert {"address": NEW.lower(), "subscription": SUBSCRIPTION} in [
        {k: o[k] for k in ("address", "subscription")} for o in listing["opt_outs"]]

    site.clock.advance(timedelta(days=1))
    site.add_news(NEWS[1])
    site.cycle()
    assert len(site.digests_to(ANN)) == 2  # the next digest went out ...
    assert len(site.digests_to(NEW.lower())) == 1  # ... but not to the one who left


@on_both
def test_a_confirmed_address_that_is_also_in_to_gets_one_message(site: Site) -> None:
    with site.client() as browser:
        sign_up(browser, ANN.upper())
        link = link_in(site.to(ANN)[0], f"{BASE_URL}/confirm/")
        page = browser.get(site.local(link))
        browser.post(site.local(link), data={"csrf": csrf(page.text)})
    site.add_news(NEWS[0])
    site.cycle()
    assert len(site.digests_to(ANN)) == 1


def test_forged_cross_address_and_other_kinds_of_token_are_refused(site: Site) -> None:
    tokens = Tokens(SECRET)
    ann = tokens.unsubscribe(ANN, SUBSCRIPTION)
    bob = tokens.unsubscribe("bob@example.org", SUBSCRIPTION)
    payload_of_bob = bob.split(".")[0]
    signature_of_ann = ann.split(".")[1]
    forged = [
        ann[:-2] + ("AA" if not ann.endswith("AA") else "BB"),  # a changed signature
        f"{payload_of_bob}.{signature_of_ann}",  # Ann's signature on Bob's address
        Tokens("another-secret-that-is-long-enough-0123456789").unsubscribe(ANN, SUBSCRIPTION),
        tokens.confirm(Signup("x", ANN, SUBSCRIPTION)),  # a confirmation is no unsubscribe
        "not-a-token",
    ]
    with site.client() as client:
        for token in forged:
            for method in ("GET", "POST"):
                answer = client.request(method, f"/u/{token}",
                                        data={"List-Unsubscribe": "One-Click"}
                                        if method == "POST" else None)
                assert answer.status_code == 400, (token, method)
        assert subscriptions_json(site)["opt_outs"] == []
        # Ann's own link unsubscribes Ann, and nobody else
        assert client.post(f"/u/{ann}", data={"List-Unsubscribe": "One-Click"}).status_code == 200
    assert [o["address"] for o in subscriptions_json(site)["opt_outs"]] == [ANN]


@on_both
def test_expired_and_reused_confirmation_links_are_refused(site: Site) -> None:
    store = site.open_store()
    tokens = Tokens(SECRET)
    old = Signup("old-signup", "late@example.org", SUBSCRIPTION)
    store.add_signup(old.id, old.address, SUBSCRIPTION, "test", site.clock.now())
    with time_machine.travel(timedelta(seconds=-(CONFIRM_FOR + 60)), tick=False):
        expired = tokens.confirm(old)
    with site.client() as browser:
        page = browser.get(f"/confirm/{expired}")
        assert page.status_code == 400 and "expired" in page.text
        fresh = Signup("fresh-signup", "early@example.org", SUBSCRIPTION)
        store.add_signup(fresh.id, fresh.address, SUBSCRIPTION, "test", site.clock.now())
        token = tokens.confirm(fresh)
        form = browser.get(f"/confirm/{token}")
        assert browser.post(f"/confirm/{token}", data={"csrf": csrf(form.text)}).status_code == 200
        again = browser.post(f"/confirm/{token}", data={"csrf": csrf(form.text)})
        assert again.status_code == 400 and "used" in again.text
        # a confirmation for a sign-up that never was (its id unknown) confirms nothing
        ghost = tokens.confirm(Signup("never-asked", "ghost@example.org", SUBSCRIPTION))
        form = browser.get(f"/confirm/{ghost}")
        assert browser.post(f"/confirm/{ghost}", data={"csrf": csrf(form.text)}).status_code == 400
    assert store.subscribers(SUBSCRIPTION) == ["early@example.org"]


def test_forms_without_a_valid_csrf_token_are_refused(site: Site) -> None:
    url = f"/s/{SUBSCRIPTION}/subscribe"
    with site.client() as browser:
        page = browser.get(f"/s/{SUBSCRIPTION}")
        assert browser.post(url, data={"email": NEW}).status_code == 403  # no token
        token = csrf(page.text)
    with site.client() as other:  # another browser: the token without its cookie
        assert other.post(url, data={"email": NEW, "csrf": token}).status_code == 403
        other.get(f"/s/{SUBSCRIPTION}")  # a cookie of its own, but not this token's
        assert other.post(url, data={"email": NEW, "csrf": token}).status_code == 403
    assert site.server.messages == []


@on_both
def test_sign_ups_are_throttled_per_address_and_per_client_across_restarts(
        site: Site) -> None:
    with site.client() as browser:
        for n in range(3):
            assert sign_up(browser, NEW, **{"x-forwarded-for": f"10.0.0.{n}"}).status_code == 200
        refused = sign_up(browser, NEW, **{"x-forwarded-for": "10.0.0.9"})
        assert refused.status_code == 429
        for n in range(7):  # ten from 10.0.1.1 in all, for different addresses
            assert sign_up(browser, f"r{n}@example.org",
                           **{"x-forwarded-for": "10.0.1.1"}).status_code == 200
        sign_up(browser, "r7@example.org", **{"x-forwarded-for": "10.0.1.1"})
        sign_up(browser, "r8@example.org", **{"x-forwarded-for": "10.0.1.1"})
        sign_up(browser, "r9@example.org", **{"x-forwarded-for": "10.0.1.1"})
    site.start()  # a restart forgets nothing: the counts are in the store
    with site.client() as browser:
        assert sign_up(browser, "r10@example.org",
                       **{"x-forwarded-for": "10.0.1.1"}).status_code == 429
        assert sign_up(browser, NEW, **{"x-forwarded-for": "10.0.2.2"}).status_code == 429
        assert sign_up(browser, "s@example.org",
                       **{"x-forwarded-for": "10.0.2.2"}).status_code == 200
    assert len(site.to(NEW.lower())) == 3


def test_pages_carry_a_policy_that_allows_no_script_and_escape_what_they_show(
        site: Site) -> None:
    site.add_news(NEWS[0])
    site.cycle()
    store = site.open_store()
    [digest] = store.digest_list(SUBSCRIPTION)
    with site.client() as client:
        for path in ("/", f"/s/{SUBSCRIPTION}", "/events", f"/d/{digest['id']}",
                     "/no-such-page"):
            answer = client.get(path)
            policy = answer.headers["content-security-policy"]
            assert "script" not in policy and "default-src 'none'" in policy, path
            assert "frame-ancestors 'none'" in policy
            assert answer.headers["x-content-type-options"] == "nosniff"
            assert answer.headers["referrer-policy"] == "no-referrer"
            assert "<script" not in answer.text.lower()
        assert "'unsafe-inline'" not in client.get("/events").headers["content-security-policy"]
        # the explorer shows what the document said, escaped
        events = client.get("/events", params={"type": "SANCTION"}).text
        assert "SANCTION" in events and "sanction" in events.lower()
        bad = client.get("/events", params={"since": '"><script>alert(1)</script>'}).text
        assert "<script>alert" not in bad and "&#34;&gt;&lt;script&gt;" in bad
    assert SECRET not in (site.project / "config.yaml").read_text()


@on_both
def test_healthz_reports_the_last_cycle_and_pending_deliveries(site: Site) -> None:
    with site.client() as client:
        empty = client.get("/healthz").json()
        assert empty == {"ok": True, "store": "ok", "last_cycle": None,
                         "pending_deliveries": 0, "failed_deliveries": 0}
        site.add_news(NEWS[0])
        site.server.stop()  # the digest waits in the outbox
        site.cycle()
        data = client.get("/healthz").json()
    assert data["pending_deliveries"] == 1 and data["last_cycle"]["digests"] == 1
    assert data["last_cycle"]["finished"] is not None
    # the same fields on both back-ends (not PostgreSQL's stand-in for SQLite's rowid)
    assert set(data["last_cycle"]) == {"id", "started", "finished", "documents", "events",
                                       "matches", "digests", "problems"}


def test_a_users_templates_restyle_the_pages(site: Site) -> None:
    folder = site.project / "templates" / "web"
    folder.mkdir(parents=True)
    (folder / "base.html.j2").write_text(
        '{% extends "default:web/base.html.j2" %}\n'
        "{% block footer %}Compiled for the night desk.{% endblock %}\n")
    (folder / "site.css").write_text("body { background: #000000; }\n")
    site.start()
    with site.client() as client:
        assert "Compiled for the night desk." in client.get("/events").text
        assert client.get("/static/site.css").text == "body { background: #000000; }\n"


@on_both
def test_the_explorer_filters_by_each_field(site: Site) -> None:
    from alerter.store.browse import EventFilter

    for name in NEWS:
        site.add_news(name)
    site.cycle()
    store = site.open_store()
    everything = store.find_events(EventFilter(), 1000)
    assert len(everything) > 5
    choices = store.choices()
    checks: dict[str, Callable[[Any, Any, Any], bool]] = {
        "type": lambda e, i, v: e.type == v,
        "actor": lambda e, i, v: v in {p.code for p in e.actor},
        "target": lambda e, i, v: v in {p.code for p in e.target},
        "modality": lambda e, i, v: e.modality == v,
        "rule": lambda e, i, v: v in i["rules"],
    }
    for key, holds in checks.items():
        assert choices[key], key
        for value in choices[key]:
            found = store.find_events(EventFilter(**{key: value}), 1000)
            expected = [e.id for e, i in everything if holds(e, i, value)]
            assert [e.id for e, _ in found] == expected and expected, (key, value)
    day = everything[-1][1]["published"][:10]
    assert store.find_events(EventFilter(since=day, until=day), 1000)
    assert store.find_events(EventFilter(until="2000-01-01"), 1000) == []
    with site.client() as client:
        page = client.get("/events", params={"actor": "CAN", "type": "SANCTION"}).text
    assert "Canada froze the assets" in page and "US Treasury" not in page

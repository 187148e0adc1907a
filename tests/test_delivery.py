"""Delivery faults through the real pipeline: a real SMTP server (aiosmtpd with STARTTLS
and AUTH), a real SQLite file, the real spaCy pipeline and a fixed clock.

Each test checks the two guarantees of DESIGN.md from the receiving end: nothing lost
(every due digest reaches every recipient in the end) and nothing twice (the server
counts one message per due digest and recipient; a resend after a lost "sent" carries
the same Message-ID, so distinct Message-IDs still number due digests × recipients).
Nothing sleeps: the clock is moved past the retry backoff instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from click.testing import CliRunner, Result

from alerter.cli import main
from alerter.clock import FixedClock, parse_time
from alerter.config import load_config
from alerter.extract import Extractor
from alerter.models import Delivery
from alerter.pipeline import CycleReport, Pipeline, backoff
from alerter.store import Store

if TYPE_CHECKING:
    from tests.smtp import Received, SmtpServer

# the server fixtures; loaded as a plugin so that pytest rewrites its asserts too
pytest_plugins = ["tests.smtp"]

SUBSCRIPTION = "morning-brief"
ANN = "a@example.org"
BOB = "b@example.org"
RECIPIENTS = (ANN, BOB)
PASSWORD_VAR = "ALERTER_TEST_SMTP_PASSWORD"
# two documents from examples/ that the default rules match: enough for one digest
NEWS = ("2023-02-24-uk-us-sanctions.txt", "2023-02-24-canada-freezes-russian-assets.txt")
REFUSAL = f"550 5.1.1 <{ANN}>: mailbox unavailable"


class Killed(BaseException):
    """The process dying at a given point (not an Exception: nothing may catch it)."""


@dataclass
class Mail:
    """A project whose one subscription emails two people through the test server."""

    project: Path
    server: SmtpServer
    clock: FixedClock
    extractor: Extractor
    stores: list[Store] = field(default_factory=list)

    @property
    def config_path(self) -> Path:
        return self.project / "config.yaml"

    def pipeline(self) -> Pipeline:
        """Give a new pipeline over a new connection to the project's store (a "process")."""
        config = load_config(self.config_path)
        store = Store.open(config.store_location())
        self.stores.append(store)
        return Pipeline(config, store, self.clock, extractor=lambda: self.extractor)

    def cli(self, *args: str) -> Result:
        """Run an alerter command on the project, at the test's time."""
        result = CliRunner().invoke(main, [*args, "--config", str(self.config_path)],
                                    env={"ALERTER_NOW": self.clock.now().isoformat()})
        assert result.exit_code == 0, result.output
        return result

    def to(self, address: str) -> list[Received]:
        return [m for m in self.server.messages if m.rcpt_tos == [address]]

    def message_ids(self) -> list[str]:
        return [str(m.message["Message-ID"]) for m in self.server.messages]


def write_config(project: Path, server: SmtpServer, **smtp: Any) -> None:
    """Write the project's config: the test server, and one email subscription; the
    store where the test's `store_location` is (kept in project/.store)."""
    location = (project / ".store").read_text()
    config = {
        "sources": [{"path": "news/"}],
        "store": {"url": location} if "://" in location else {"path": location},
        "rules": {"paths": ["rules/"]},
        "templates": {"path": "templates/"},
        "output": {"dir": "out"},
        "smtp": {
            "host": server.host, "port": server.port, "security": "starttls",
            "username": server.username, "password": f"${{{PASSWORD_VAR}}}",
            "from": "Alerter <alerts@example.org>", "ca_file": str(server.ca_file),
            "timeout": 5, **smtp,
        },
        "subscriptions": [{
            "name": SUBSCRIPTION, "channel": "email", "to": list(RECIPIENTS),
            "schedule": "daily 07:00", "timezone": "Europe/London", "formats": ["html", "txt"],
        }],
    }
    (project / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))


@pytest.fixture
def mail(project: Path, smtp_server: SmtpServer, clock: FixedClock, extractor: Extractor,
         monkeypatch: pytest.MonkeyPatch, store_location: str) -> Iterator[Mail]:
    (project / ".store").write_text(store_location)
    monkeypatch.setenv(PASSWORD_VAR, smtp_server.password)  # secrets from the environment
    news = project / "news"
    news.mkdir()
    for name in NEWS:
        (news / name).write_bytes((project / "examples" / name).read_bytes())
    write_config(project, smtp_server)
    setup = Mail(project, smtp_server, clock, extractor)
    yield setup
    for store in setup.stores:
        store.close()


def statuses(store: Store) -> dict[str, str]:
    return {d.target: d.status for d in store.deliveries()}


def delivery(store: Store, target: str) -> Delivery:
    [found] = [d for d in store.deliveries() if d.target == target]
    return found


def past_backoff(store: Store, clock: FixedClock) -> None:
    """Move the clock just past the retry time of every pending delivery."""
    # backoff() doubles with attempts, so the wait after the recorded attempts
    # covers the one the pipeline scheduled, whichever count it used
    waits = [backoff(d) for d in store.deliveries() if d.status == "pending"]
    clock.advance(max(waits) + timedelta(seconds=1))


def assert_one_each(setup: Mail, store: Store) -> None:
    """Every recipient got the due digest exactly once."""
    due = store.counts()["digests"]
    assert due == 1
    assert len(setup.server.messages) == due * len(RECIPIENTS)
    assert len(set(setup.message_ids())) == due * len(RECIPIENTS)
    assert sorted(a for m in setup.server.messages for a in m.rcpt_tos) == sorted(RECIPIENTS)


# -- the happy path -------------------------------------------------------------------


def test_one_message_per_recipient_and_nothing_on_the_next_cycle(mail: Mail) -> None:
    pipeline = mail.pipeline()

    report = pipeline.run_cycle()

    assert report.problems == [] and report.digests == 1 and report.delivered == 2
    assert_one_each(mail, pipeline.store)
    for address in RECIPIENTS:
        [received] = mail.to(address)
        other = next(a for a in RECIPIENTS if a != address)
        assert received.tls and received.login == mail.server.username
        message = received.message
        assert [a.addr_spec for a in message["To"].addresses] == [address]
        assert len(message.get_all("To") or []) == 1
        assert "Cc" not in message and "Bcc" not in message
        assert other.encode() not in received.raw  # nobody sees who else gets it
        assert message.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in message.iter_parts()] == \
            ["text/plain", "text/html"]
        assert message["Subject"].startswith(f"[alerter] {SUBSCRIPTION}")
    assert statuses(pipeline.store) == {ANN: "sent", BOB: "sent"}

    mail.clock.advance(timedelta(minutes=15))
    again = pipeline.run_cycle()

    assert (again.digests, again.delivered) == (0, 0)
    assert len(mail.server.messages) == 2


# -- transient failures: pending, retried after the backoff ----------------------------


def test_a_server_that_is_down_gets_the_digest_once_it_is_back(mail: Mail) -> None:
    pipeline = mail.pipeline()
    mail.server.stop()

    down = pipeline.run_cycle()

    assert down.digests == 1 and down.delivered == 0
    assert mail.server.messages == []
    for address in RECIPIENTS:
        waiting = delivery(pipeline.store, address)
        assert (waiting.status, waiting.attempts) == ("pending", 1)
        assert f"127.0.0.1:{mail.server.port}" in (waiting.last_error or "")

    mail.server.start()
    pipeline.run_cycle()  # back, but the retry is not due yet
    assert mail.server.messages == []

    past_backoff(pipeline.store, mail.clock)
    back = pipeline.run_cycle()

    assert back.delivered == 2
    assert_one_each(mail, pipeline.store)
    assert statuses(pipeline.store) == {ANN: "sent", BOB: "sent"}

    mail.clock.advance(timedelta(hours=1))
    pipeline.run_cycle()
    assert len(mail.server.messages) == 2


def test_451_twice_then_accepted_gives_one_message_each(mail: Mail) -> None:
    pipeline = mail.pipeline()
    # three refusals in a row: both in the first cycle, Ann's again in the second
    mail.server.fail_next("451 4.3.0 try again later", count=3)

    pipeline.run_cycle()

    assert mail.server.messages == []
    assert statuses(pipeline.store) == {ANN: "pending", BOB: "pending"}
    assert "451 4.3.0 try again later" in (delivery(pipeline.store, ANN).last_error or "")

    past_backoff(pipeline.store, mail.clock)
    pipeline.run_cycle()

    assert statuses(pipeline.store) == {ANN: "pending", BOB: "sent"}
    assert delivery(pipeline.store, ANN).attempts == 2

    past_backoff(pipeline.store, mail.clock)
    pipeline.run_cycle()
    mail.clock.advance(timedelta(hours=1))
    pipeline.run_cycle()

    assert_one_each(mail, pipeline.store)
    assert statuses(pipeline.store) == {ANN: "sent", BOB: "sent"}


# -- a permanent refusal: retried max_attempts times, then failed ----------------------


def test_550_for_one_recipient_fails_after_max_attempts_and_shows_in_status(
        mail: Mail) -> None:
    write_config(mail.project, mail.server, max_attempts=2)
    pipeline = mail.pipeline()
    # the server refuses Ann on every try; scripted per cycle, as Bob's send comes between
    mail.server.fail_next(REFUSAL, at="RCPT")

    pipeline.run_cycle()

    assert statuses(pipeline.store) == {ANN: "pending", BOB: "sent"}
    assert REFUSAL in (delivery(pipeline.store, ANN).last_error or "")

    past_backoff(pipeline.store, mail.clock)
    mail.server.fail_next(REFUSAL, at="RCPT")
    pipeline.run_cycle()

    refused = delivery(pipeline.store, ANN)
    assert (refused.status, refused.attempts) == ("failed", 2)
    assert REFUSAL in (refused.last_error or "")
    # a failed delivery is not tried again: the server would take it now
    mail.clock.advance(timedelta(hours=12))
    pipeline.run_cycle()
    assert mail.to(ANN) == []
    assert len(mail.to(BOB)) == 1 and len(mail.server.messages) == 1

    status = json.loads(mail.cli("status", "--format", "json").stdout)

    assert set(status) >= {"last_cycle", "counts", "deliveries", "next_digests", "lease"}
    assert status["deliveries"]["pending"] == []
    [failed] = status["deliveries"]["failed"]
    assert (failed["subscription"], failed["target"], failed["attempts"]) == \
        (SUBSCRIPTION, ANN, 2)
    assert failed["digest_id"] == refused.digest_id
    assert REFUSAL in failed["last_error"]


# -- a crash between "accepted" and "marked sent" --------------------------------------


def test_a_send_not_recorded_before_a_crash_is_resent_with_the_same_message_id(
        mail: Mail, monkeypatch: pytest.MonkeyPatch) -> None:
    first = mail.pipeline()
    mark_sent = Store.mark_sent
    crashes: list[str] = []

    def die_once(store: Store, sent: Delivery, at: Any) -> None:
        if not crashes:
            crashes.append(sent.target)
            raise Killed  # the server has the message; the store never hears of it
        mark_sent(store, sent, at)

    monkeypatch.setattr(Store, "mark_sent", die_once)
    with pytest.raises(Killed):
        first.run_cycle()
    first.store.close()
    assert crashes == [ANN] and len(mail.server.messages) == 1

    restarted = mail.pipeline()  # a new process: new connection, new lease holder
    assert statuses(restarted.store) == {ANN: "pending", BOB: "pending"}
    # the dead process still holds the lease: another may send once it runs out
    lease = restarted.store.lease("run")
    assert lease is not None and lease["holder"] == first.holder
    assert restarted.run_cycle().skipped
    mail.clock.set(parse_time(lease["expires"]) + timedelta(seconds=1))
    restarted.run_cycle()

    assert statuses(restarted.store) == {ANN: "sent", BOB: "sent"}
    assert len(mail.server.messages) == 3
    to_ann = [str(m.message["Message-ID"]) for m in mail.to(ANN)]
    assert len(to_ann) == 2 and to_ann[0] == to_ann[1]  # a duplicate the receiver can drop
    assert len(mail.to(BOB)) == 1
    assert len(set(mail.message_ids())) == restarted.store.counts()["digests"] * 2


# -- two schedulers over one store -----------------------------------------------------


def test_two_schedulers_on_one_store_send_once(mail: Mail,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = mail.pipeline(), mail.pipeline()
    assert first.holder != second.holder
    raced: list[CycleReport] = []
    channel = first.channels["email"]
    send = channel.send

    def send_while_the_other_runs(message: Any) -> None:
        if not raced:  # the second scheduler wakes up while the first is mid-delivery
            raced.append(second.run_cycle())
        send(message)

    monkeypatch.setattr(channel, "send", send_while_the_other_runs)
    report = first.run_cycle()

    [during] = raced
    assert during.skipped and (during.digests, during.delivered) == (0, 0)
    assert not report.skipped and report.delivered == 2
    assert_one_each(mail, first.store)

    mail.clock.advance(timedelta(minutes=15))
    assert second.run_cycle().skipped  # the first still holds the lease
    first.release()
    after = second.run_cycle()

    assert not after.skipped and after.delivered == 0
    assert first.run_cycle().skipped  # now the second holds it
    assert len(mail.server.messages) == 2


# -- opting out ------------------------------------------------------------------------


def test_an_unsubscribed_address_gets_nothing(mail: Mail) -> None:
    mail.cli("unsubscribe", ANN, "--subscription", SUBSCRIPTION)
    pipeline = mail.pipeline()

    pipeline.run_cycle()

    assert mail.to(ANN) == []
    assert len(mail.to(BOB)) == 1 and len(mail.server.messages) == 1
    assert [d.target for d in pipeline.store.deliveries()] == [BOB]
    listing = json.loads(mail.cli("subscriptions", "--format", "json").stdout)
    [row] = [s for s in listing["subscriptions"] if s["name"] == SUBSCRIPTION]
    assert row["opted_out"] == [ANN]
    assert row["to"] == list(RECIPIENTS)


def test_unsubscribing_cancels_a_pending_delivery(mail: Mail) -> None:
    pipeline = mail.pipeline()
    mail.server.stop()
    pipeline.run_cycle()
    assert statuses(pipeline.store) == {ANN: "pending", BOB: "pending"}

    mail.cli("unsubscribe", ANN, "--subscription", SUBSCRIPTION)
    mail.server.start()
    past_backoff(pipeline.store, mail.clock)
    pipeline.run_cycle()

    assert statuses(pipeline.store) == {ANN: "cancelled", BOB: "sent"}
    assert mail.to(ANN) == []
    assert len(mail.to(BOB)) == 1 and len(mail.server.messages) == 1


# -- header injection from the news ----------------------------------------------------

# A title may hold any line break (front matter, JSON, feeds). A sentence cannot:
# ingest reads U+2028 and NEL, which Python's email package takes as line breaks,
# as line breaks too, and the extractor never cites across one it has not joined
# (the email layer's own defence is tested in test_email.py).
INJECTED_TITLE = "US sanctions Russian banks\r\nBcc: eve@example.net"
INJECTED_SENTENCE = ("The US Treasury imposed new sanctions on 22 people\u2028"
                     "X-Injected: yes\x85and 83 entities in Russia on Friday.")


def test_line_breaks_in_the_news_stay_inside_one_subject_line(mail: Mail) -> None:
    news = mail.project / "news"
    for old in news.iterdir():
        old.unlink()
    (news / "wire.jsonl").write_text(json.dumps({
        "id": "wire-1", "title": INJECTED_TITLE, "text": INJECTED_SENTENCE,
        "source": "Northgate Wire", "published": "2023-02-24T09:30:00Z"}) + "\n")
    (mail.project / "templates" / "subject.txt.j2").write_text(
        "[alerter] {{ stories[0].document.title }} / {{ stories[0].summary[0].text }}\n")
    pipeline = mail.pipeline()

    pipeline.run_cycle()

    [event] = pipeline.store.events(pipeline.store.matches()[0].event_ids).values()
    # the injected header starts a line of its own, outside the cited sentence
    assert event.sentence.text == "The US Treasury imposed new sanctions on 22 people"
    assert_one_each(mail, pipeline.store)
    for received in mail.server.messages:
        message = received.message
        [subject] = message.get_all("Subject") or []
        assert not any(c in subject for c in "\r\n\u2028\x85")
        assert subject == ("[alerter] US sanctions Russian banks Bcc: eve@example.net / The US "
                           "Treasury imposed new sanctions on 22 people")
        assert "Bcc" not in message and "X-Injected" not in message
        head = received.raw.split(b"\r\n\r\n", 1)[0]
        assert b"\nBcc:" not in head and b"\nX-Injected:" not in head
        assert received.rcpt_tos in ([ANN], [BOB])


# -- the digest command --------------------------------------------------------------


def test_the_digest_command_sends_over_verified_starttls(mail: Mail) -> None:
    from email.utils import parsedate_to_datetime

    pipeline = mail.pipeline()
    for stage in (pipeline.ingest, pipeline.extract, pipeline.match):
        stage(CycleReport())
    pipeline.store.close()

    result = mail.cli("digest", SUBSCRIPTION)

    assert "1 digest made, 2 delivered" in result.output
    assert len(mail.server.messages) == 2 and len(set(mail.message_ids())) == 2
    for received in mail.server.messages:
        message = received.message
        assert received.tls and received.login == mail.server.username
        assert message.get_content_type() == "multipart/alternative"
        assert {p.get_content_type() for p in message.iter_parts()} == \
            {"text/plain", "text/html"}
        assert message["Message-ID"].endswith("@example.org>")
        assert message["List-Unsubscribe"].startswith("<mailto:alerts@example.org?")
        assert parsedate_to_datetime(message["Date"]) == mail.clock.now()

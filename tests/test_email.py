"""The email channel against a real SMTP server (aiosmtpd, STARTTLS, AUTH) on 127.0.0.1."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from alerter.clock import FixedClock
from alerter.deliver import Outgoing
from alerter.deliver.email import EmailChannel
from alerter.deliver.message import build_message
from alerter.errors import DeliveryError

if TYPE_CHECKING:
    from tests.smtp import SmtpServer, Stage

# the server fixtures; loaded as a plugin so that pytest rewrites its asserts too
pytest_plugins = ["tests.smtp"]

TXT = "Daily summary\n\n1. UK and US Treasury announce new sanctions\n"
HTML = "<h1>Daily summary</h1><ol><li>UK and US Treasury announce new sanctions</li></ol>"


def outgoing(target: str = "analyst@example.com", *, digest_id: str = "d-2023-02-27",
             subject: str = "alerter: 1 new match", **bodies: str) -> Outgoing:
    return Outgoing(digest_id=digest_id, subscription="daily-summary", target=target,
                    period_end=datetime(2023, 2, 27, 8, tzinfo=UTC),
                    bodies=bodies or {"txt": TXT, "html": HTML}, subject=subject)


def alerter_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("alerter")]


def test_digest_is_one_multipart_message_over_verified_starttls_with_login(
        smtp_server: SmtpServer, clock: FixedClock) -> None:
    EmailChannel(smtp_server.config(), clock).send(outgoing())

    [received] = smtp_server.messages
    assert received.tls and received.login == smtp_server.username
    assert smtp_server.handler.logins  # AUTH happened, after STARTTLS (the server requires it)
    assert received.mail_from == "alerts@example.org"
    assert received.rcpt_tos == ["analyst@example.com"]
    mail = received.message
    assert mail.get_content_type() == "multipart/alternative"
    parts = [(p.get_content_type(), p.get_content().replace("\r\n", "\n"))
             for p in mail.iter_parts()]
    assert parts == [("text/plain", TXT), ("text/html", HTML + "\n")]
    assert str(mail["From"]) == "Alerter <alerts@example.org>"
    assert [a.addr_spec for a in mail["To"].addresses] == ["analyst@example.com"]
    assert mail["Subject"] == "alerter: 1 new match"
    date = parsedate_to_datetime(mail["Date"])
    assert date.tzinfo is not None and date == clock.now()
    assert mail["Message-ID"].endswith("@example.org>")
    assert mail["List-Id"] == "<daily-summary.alerter.example.org>"
    assert mail["List-Unsubscribe"] == (
        "<mailto:alerts@example.org?subject=unsubscribe%20daily-summary>")
    assert "List-Unsubscribe-Post" not in mail  # RFC 8058 needs an https URL
    assert mail["Auto-Submitted"] == "auto-generated"


def test_implicit_tls_port(smtps_server: SmtpServer, clock: FixedClock) -> None:
    EmailChannel(smtps_server.config(security="tls"), clock).send(outgoing())

    [received] = smtps_server.messages
    assert received.tls and received.login == smtps_server.username


def test_an_unknown_ca_is_refused_without_ca_file(smtp_server: SmtpServer,
                                                  clock: FixedClock) -> None:
    channel = EmailChannel(smtp_server.config(ca_file=None), clock)

    with pytest.raises(DeliveryError) as caught:
        channel.send(outgoing())

    assert not caught.value.permanent
    assert "certificate" in str(caught.value)
    assert f"127.0.0.1:{smtp_server.port}" in str(caught.value)
    assert smtp_server.messages == []


def test_verify_false_sends_and_warns_once(smtp_server: SmtpServer, clock: FixedClock,
                                           caplog: pytest.LogCaptureFixture) -> None:
    channel = EmailChannel(smtp_server.config(ca_file=None, verify=False), clock)

    with caplog.at_level(logging.WARNING):
        channel.send(outgoing())
        channel.send(outgoing("second@example.com"))

    assert len(smtp_server.messages) == 2
    [warning] = alerter_records(caplog)
    assert warning.levelno == logging.WARNING
    assert "certificate verification is off" in warning.getMessage()
    assert f"127.0.0.1:{smtp_server.port}" in warning.getMessage()


def test_a_subject_cannot_add_headers(smtp_server: SmtpServer, clock: FixedClock) -> None:
    subject = "Sanctions\r\nBcc: x@example.com\nX-Injected: yes\x00\u2028end"

    EmailChannel(smtp_server.config(), clock).send(outgoing(subject=subject))

    [received] = smtp_server.messages
    mail = received.message
    assert mail.get_all("Subject") == ["Sanctions Bcc: x@example.com X-Injected: yes end"]
    assert "Bcc" not in mail and "X-Injected" not in mail
    assert received.rcpt_tos == ["analyst@example.com"]
    assert b"\nBcc:" not in received.raw and b"\nX-Injected:" not in received.raw


def test_a_non_ascii_subject_round_trips(smtp_server: SmtpServer, clock: FixedClock) -> None:
    EmailChannel(smtp_server.config(), clock).send(outgoing(subject="Kyiv – Київ"))

    [received] = smtp_server.messages
    assert received.message["Subject"] == "Kyiv – Київ"
    assert received.raw.isascii()  # encoded as RFC 2047 words, not sent as raw UTF-8 headers


def test_server_down_is_temporary_and_names_the_server(smtp_server: SmtpServer,
                                                       clock: FixedClock) -> None:
    channel = EmailChannel(smtp_server.config(), clock)
    smtp_server.stop()

    with pytest.raises(DeliveryError) as caught:
        channel.send(outgoing())

    assert not caught.value.permanent
    assert f"127.0.0.1:{smtp_server.port}" in str(caught.value)
    assert "connection refused" in str(caught.value)

    smtp_server.start()
    channel.send(outgoing())
    assert len(smtp_server.messages) == 1


@pytest.mark.parametrize(("reply", "stage", "permanent"), [
    ("451 4.3.0 try again later", "DATA", False),
    ("452 4.2.2 mailbox full", "RCPT", False),
    ("550 5.1.1 mailbox unavailable", "RCPT", True),
    ("554 5.6.0 message content rejected", "DATA", True),
])
def test_server_replies_map_onto_permanent_or_not(
        smtp_server: SmtpServer, clock: FixedClock, reply: str, stage: Stage,
        permanent: bool) -> None:
    smtp_server.fail_next(reply, at=stage)

    with pytest.raises(DeliveryError) as caught:
        EmailChannel(smtp_server.config(), clock).send(outgoing())

    assert caught.value.permanent is permanent
    assert reply in str(caught.value)
    assert "analyst@example.com" in str(caught.value)
    assert smtp_server.messages == []


def test_a_refused_sender_is_our_setup_and_stays_pending(smtp_server: SmtpServer,
                                                        clock: FixedClock) -> None:
    smtp_server.fail_next("553 5.7.1 sender not allowed", at="MAIL")

    with pytest.raises(DeliveryError) as caught:
        EmailChannel(smtp_server.config(), clock).send(outgoing())

    assert not caught.value.permanent  # every digest would fail: fix smtp.from, then they go
    assert "smtp.from" in str(caught.value) and "553 5.7.1 sender not allowed" in str(caught.value)


@pytest.mark.parametrize("content", [None, "not a certificate\n"])
def test_an_unusable_ca_file_is_named(smtp_server: SmtpServer, clock: FixedClock,
                                      tmp_path: Path, content: str | None) -> None:
    ca_file = tmp_path / "ca.pem"
    if content is not None:
        ca_file.write_text(content)

    with pytest.raises(DeliveryError) as caught:
        EmailChannel(smtp_server.config(ca_file=str(ca_file)), clock).send(outgoing())

    assert not caught.value.permanent
    assert f"smtp.ca_file {ca_file}" in str(caught.value)


def test_implicit_tls_against_a_starttls_port_says_what_to_check(
        smtp_server: SmtpServer, clock: FixedClock) -> None:
    with pytest.raises(DeliveryError) as caught:
        EmailChannel(smtp_server.config(security="tls"), clock).send(outgoing())

    assert not caught.value.permanent
    assert "smtp.security" in str(caught.value)


def test_a_retry_after_4xx_is_the_same_message(smtp_server: SmtpServer,
                                               clock: FixedClock) -> None:
    channel = EmailChannel(smtp_server.config(), clock)
    smtp_server.fail_next("451 4.3.0 try again later")
    with pytest.raises(DeliveryError):
        channel.send(outgoing())

    channel.send(outgoing())
    channel.send(outgoing())  # as after a reply lost on the way back
    channel.send(outgoing("other@example.com"))
    channel.send(outgoing(digest_id="d-2023-02-28"))

    ids = [r.message["Message-ID"] for r in smtp_server.messages]
    assert ids[0] == ids[1]
    assert len({ids[0], ids[2], ids[3]}) == 3
    for received in smtp_server.messages:
        assert len(received.rcpt_tos) == 1
        assert len(received.message.get_all("To") or []) == 1
        assert len(received.message["To"].addresses) == 1


def test_a_wrong_password_is_never_shown(smtp_server: SmtpServer, clock: FixedClock,
                                         caplog: pytest.LogCaptureFixture) -> None:
    wrong = "not-the-" + smtp_server.password
    channel = EmailChannel(smtp_server.config(password=wrong), clock)

    with caplog.at_level(logging.DEBUG), pytest.raises(DeliveryError) as caught:
        channel.send(outgoing())

    message = str(caught.value)
    assert "535" in message and smtp_server.username in message
    assert wrong not in message and smtp_server.password not in message
    assert not caught.value.permanent  # fix the login and the digest still goes out
    assert all(wrong not in r.getMessage() for r in alerter_records(caplog))
    assert smtp_server.messages == []


def test_a_target_that_is_not_one_address_is_permanent(smtp_server: SmtpServer,
                                                       clock: FixedClock) -> None:
    channel = EmailChannel(smtp_server.config(), clock)
    for target in ("a@example.com, b@example.com", "a@example.com\r\nBcc: b@example.com",
                   "Ann <a@example.com>", "nobody"):
        with pytest.raises(DeliveryError) as caught:
            channel.send(outgoing(target))
        assert caught.value.permanent
        assert "\n" not in str(caught.value)
    assert smtp_server.messages == []


def test_one_click_unsubscribe_only_with_an_https_url() -> None:
    now = datetime(2023, 2, 27, 8, tzinfo=UTC)
    url = "https://alerts.example.org/unsubscribe/{subscription}?token=" + "x" * 80

    mail = build_message(outgoing(), sender="alerts@example.org", now=now, unsubscribe_url=url)

    long_url = url.replace("{subscription}", "daily-summary")
    assert mail["List-Unsubscribe"] == (
        f"<{long_url}>, <mailto:alerts@example.org?subject=unsubscribe%20daily-summary>")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert long_url.encode() in mail.as_bytes()  # a long URL is not RFC 2047-encoded
    plain = build_message(outgoing(), sender="alerts@example.org", now=now,
                          unsubscribe_url="http://alerts.example.org/u", list_id="ops.example")
    assert "List-Unsubscribe-Post" not in plain
    assert plain["List-Id"] == "<ops.example>"
    with pytest.raises(ValueError, match="unsubscribe URL"):
        build_message(outgoing(), sender="alerts@example.org", now=now,
                      unsubscribe_url="https://x.example/a>\r\nBcc: y@example.com")


def test_the_markdown_body_is_the_text_part_when_there_is_no_txt() -> None:
    now = datetime(2023, 2, 27, 8, tzinfo=UTC)

    mail = build_message(outgoing(md="# Daily summary\n"), sender="alerts@example.org", now=now)

    assert mail.get_content_type() == "text/plain"
    assert mail.get_content() == "# Daily summary\n"

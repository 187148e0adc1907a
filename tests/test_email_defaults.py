"""What an email subscription sends when its config leaves `formats` out: HTML with a
plain-text alternative, through the real pipeline to a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import yaml

from alerter.config import SubscriptionConfig

from .test_delivery import RECIPIENTS, Mail, mail

pytest_plugins = ["tests.smtp"]
__all__ = ["mail"]  # the fixture, used by name below


def test_formats_default_by_channel() -> None:
    email = SubscriptionConfig.model_validate(
        {"name": "brief", "channel": "email", "to": ["a@example.org"]})
    assert email.formats == ["html", "txt"]
    assert SubscriptionConfig.model_validate({"name": "daily"}).formats == ["md"]
    chosen = SubscriptionConfig.model_validate(
        {"name": "brief", "channel": "email", "to": ["a@example.org"], "formats": ["txt"]})
    assert chosen.formats == ["txt"]


def test_an_email_subscription_without_formats_sends_html_and_plain_text(mail: Mail) -> None:
    config = yaml.safe_load(mail.config_path.read_text())
    del config["subscriptions"][0]["formats"]
    mail.config_path.write_text(yaml.safe_dump(config, sort_keys=False))

    report = mail.pipeline().run_cycle()

    assert report.digests == 1 and report.delivered == len(RECIPIENTS)
    for received in mail.server.messages:
        message = received.message
        assert message.get_content_type() == "multipart/alternative"
        plain, html = message.iter_parts()
        assert (plain.get_content_type(), html.get_content_type()) == \
            ("text/plain", "text/html")
        # the plain part is the txt digest, not the markdown source
        text = plain.get_content()
        assert "sanction" in text.lower()
        assert not any(line.startswith("#") for line in text.splitlines())
        assert "<html" in html.get_content().lower()

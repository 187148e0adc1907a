"""Every email digest says in its body how to unsubscribe, with the same address as
its List-Unsubscribe header (issue 12, item 9), in every format, through a real SMTP
server."""

from __future__ import annotations

import re

import yaml

from alerter.pipeline import CycleReport

from .test_delivery import ANN, SUBSCRIPTION, Mail, mail  # noqa: F401  (the fixture)

pytest_plugins = ["tests.smtp"]

LINE = (f"To unsubscribe, send an email to alerts@example.org with the subject "
        f"“unsubscribe {SUBSCRIPTION}”.")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_body_shows_the_unsubscribe_address_of_the_header(mail: Mail) -> None:  # noqa: F811
    report = mail.pipeline().run_cycle()
    assert report.delivered == 2
    [received] = mail.to(ANN)
    header = str(received.message["List-Unsubscribe"])
    mailto = re.fullmatch(r"<(mailto:[^>]+)>", header)
    assert mailto is not None, header
    text, html = (part.get_content() for part in received.message.iter_parts())
    assert LINE in flat(text)
    assert f'<a href="{mailto.group(1)}"' in html
    assert LINE in flat(re.sub(r"<[^>]+>", "", html))  # the words a reader sees

    # the markdown body too (a subscription may send md as its text part)
    config = yaml.safe_load(mail.config_path.read_text())
    config["subscriptions"][0]["formats"] = ["md", "html", "txt"]
    mail.config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    pipeline = mail.pipeline()
    subscription = pipeline.config.subscriptions[0]
    preview = pipeline.digest(subscription, CycleReport(), dry_run=True,
                              since=mail.clock.now().replace(year=2000))
    assert preview is not None
    assert LINE in flat(preview["md"]) and LINE in flat(preview["txt"])

"""A project served by `alerter serve` for tests: the app over real HTTP (uvicorn on
127.0.0.1, a free port, in a thread), a real SMTP server (tests/smtp.py), a real
SQLite store, the real spaCy pipeline and a fixed clock. A test marked `@on_both`
runs twice: on SQLite, then on a real PostgreSQL (tests/postgres.py), as `alerter
serve` reads whichever store `alerter run` writes.

The public address (`web.base_url`) is https://alerts.example.org, as behind a TLS
proxy; `Site.local(url)` turns a link from an email into the address the test
server listens on, as the proxy would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
import yaml

from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.extract import Extractor
from alerter.pipeline import Pipeline
from alerter.store import Store
from alerter.web.app import create_app, start_in_thread, stop

if TYPE_CHECKING:
    from tests.smtp import Received, SmtpServer

BASE_URL = "https://alerts.example.org"
SECRET_VAR = "ALERTER_TEST_WEB_SECRET"
SECRET = "test-secret-that-is-long-enough-to-sign-0123456789"
PASSWORD_VAR = "ALERTER_TEST_SMTP_PASSWORD"
SUBSCRIPTION = "morning-brief"
ANN = "ann@example.org"
NEWS = ("2023-02-24-uk-us-sanctions.txt", "2023-02-24-canada-freezes-russian-assets.txt")
BACKENDS = ("sqlite", "postgresql")
on_both = pytest.mark.parametrize("site", BACKENDS, indirect=True)
"""Run the test on a site whose store is SQLite, then PostgreSQL."""


@dataclass
class Site:
    """A project with one email subscription open to sign-up, and its web server."""

    project: Path
    server: SmtpServer
    clock: FixedClock
    extractor: Extractor
    url: str = ""
    stores: list[Store] = field(default_factory=list)
    _running: list[tuple[Any, Any]] = field(default_factory=list)

    @property
    def config_path(self) -> Path:
        return self.project / "config.yaml"

    def open_store(self) -> Store:
        config = load_config(self.config_path)
        store = Store.open(config.store_location())
        self.stores.append(store)
        return store

    def start(self) -> None:
        """Start (or restart) the web server, with a store connection of its own."""
        from tests.smtp import free_port

        self.stop()
        port = free_port()
        app = create_app(load_config(self.config_path), self.open_store(), self.clock)
        self._running.append(start_in_thread(app, "127.0.0.1", port))
        self.url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        while self._running:
            stop(*self._running.pop())

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=10, follow_redirects=False)

    def local(self, public: str) -> str:
        """Give the local address of a public link (what the TLS proxy forwards to)."""
        assert public.startswith(BASE_URL + "/"), public
        return self.url + public[len(BASE_URL):]

    def pipeline(self) -> Pipeline:
        config = load_config(self.config_path)
        return Pipeline(config, self.open_store(), self.clock, extractor=lambda: self.extractor)

    def cycle(self) -> None:
        pipeline = self.pipeline()
        pipeline.run_cycle()
        pipeline.release()

    def add_news(self, name: str) -> None:
        (self.project / "news" / name).write_bytes((self.project / "examples" / name)
                                                   .read_bytes())

    def to(self, address: str) -> list[Received]:
        return [m for m in self.server.messages if m.rcpt_tos == [address]]

    def digests_to(self, address: str) -> list[Received]:
        return [m for m in self.to(address) if "Confirm" not in str(m.message["Subject"])]


def write_config(project: Path, server: SmtpServer, store: dict[str, str] | None = None,
                 **web: Any) -> None:
    config = {
        "sources": [{"path": "news/"}],
        "store": store or {"path": "out/alerter.db"},
        "rules": {"paths": ["rules/"]},
        "templates": {"path": "templates/"},
        "output": {"dir": "out"},
        "smtp": {"host": server.host, "port": server.port, "security": "starttls",
                 "username": server.username, "password": f"${{{PASSWORD_VAR}}}",
                 "from": "Alerter <alerts@example.org>", "ca_file": str(server.ca_file),
                 "timeout": 5},
        "subscriptions": [{"name": SUBSCRIPTION, "channel": "email", "to": [ANN],
                           "schedule": "daily 07:00", "timezone": "Europe/London",
                           "formats": ["html", "txt"]}],
        "web": {"base_url": BASE_URL, "secret": f"${{{SECRET_VAR}}}",
                "subscribe": [SUBSCRIPTION], **web},
    }
    (project / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))


@pytest.fixture
def site(request: pytest.FixtureRequest, project: Path, smtp_server: SmtpServer,
         clock: FixedClock, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
         ) -> Iterator[Site]:
    """The site on SQLite, or on the back-end `@on_both` passes (a new PostgreSQL
    database on the session's server)."""
    monkeypatch.setenv(PASSWORD_VAR, smtp_server.password)
    monkeypatch.setenv(SECRET_VAR, SECRET)
    (project / "news").mkdir()
    backend = getattr(request, "param", "sqlite")
    store = {"url": request.getfixturevalue("pg_url")} if backend == "postgresql" else None
    write_config(project, smtp_server, store)
    made = Site(project, smtp_server, clock, extractor)
    made.start()
    yield made
    made.stop()
    for opened in made.stores:
        opened.close()


def csrf(page: str) -> str:
    """Give the CSRF value of the form in a page."""
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found is not None, page
    return found.group(1)


def sign_up(client: httpx.Client, address: str, **headers: str) -> httpx.Response:
    """Load the subscription page and send its form, as a browser would."""
    page = client.get(f"/s/{SUBSCRIPTION}", headers=headers)
    assert page.status_code == 200
    return client.post(f"/s/{SUBSCRIPTION}/subscribe", headers=headers,
                       data={"email": address, "csrf": csrf(page.text)})


def link_in(message: Received, prefix: str) -> str:
    """Give the first link in the message's text part that starts with `prefix`."""
    text = next(p for p in message.message.walk() if p.get_content_type() == "text/plain")
    found = re.search(re.escape(prefix) + r"\S+", text.get_content())
    assert found is not None, text.get_content()
    return found.group(0)


def unsubscribe_header(message: Received) -> str:
    """Give the https link of the message's List-Unsubscribe header."""
    found = re.match(r"<(https://[^>]+)>, <mailto:", str(message.message["List-Unsubscribe"]))
    assert found is not None, message.message["List-Unsubscribe"]
    return found.group(1)

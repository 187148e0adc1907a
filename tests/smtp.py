"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, with STARTTLS and AUTH.

The certificate is made per test session by a throwaway CA (trustme) for
127.0.0.1 and localhost; the CA is written to a file to use as smtp.ca_file.
The handler records every message and can be scripted to refuse the next ones
(`server.fail_next("451 4.3.0 try again later")`). `server.stop()` and
`server.start()` take the server down and bring it back on the same port.

Load the fixtures with `pytest_plugins = ["tests.smtp"]` in a test module or
the root conftest.py.
"""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from alerter.config import SmtpConfig

USERNAME = "alerter"
PASSWORD = "correct horse battery staple"
SENDER = "Alerter <alerts@example.org>"

Stage = Literal["MAIL", "RCPT", "DATA"]


@dataclass(frozen=True)
class Received:
    """One message as the server accepted it."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    message: EmailMessage
    tls: bool
    login: str | None


class Recorder:
    """The aiosmtpd handler: keeps what arrives, refuses what the test scripts."""

    def __init__(self) -> None:
        self.messages: list[Received] = []
        self.logins: list[str] = []
        self._script: deque[tuple[Stage, str]] = deque()
        self._lock = threading.Lock()

    def fail_next(self, reply: str, count: int = 1, *, at: Stage = "DATA") -> None:
        """Answer the next `count` messages with `reply` (e.g. "550 5.1.1 ...") at `at`."""
        with self._lock:
            self._script.extend([(at, reply)] * count)

    def reset(self) -> None:
        with self._lock:
            self.messages.clear()
            self.logins.clear()
            self._script.clear()

    def _scripted(self, stage: Stage) -> str | None:
        with self._lock:
            if self._script and self._script[0][0] == stage:
                return self._script.popleft()[1]
        return None

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, mail_options: list[str]) -> str:
        refusal = self._scripted("MAIL")
        if refusal is not None:
            return refusal
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        refusal = self._scripted("RCPT")
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        refusal = self._scripted("DATA")
        if refusal is not None:
            return refusal
        raw = envelope.original_content or b""
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        transport = server.transport
        tls = session.ssl is not None or (
            transport is not None and transport.get_extra_info("sslcontext") is not None)
        login = None
        if session.authenticated and isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode()
        with self._lock:
            self.messages.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos),
                                          raw, parsed, tls, login))
        return "250 OK"

    def authenticate(self, server: SMTP, session: Session, envelope: Envelope,
                     mechanism: str, auth_data: Any) -> AuthResult:
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == USERNAME.encode()
              and auth_data.password == PASSWORD.encode())
        if ok:
            with self._lock:
                self.logins.append(mechanism)
        # handled=False: let aiosmtpd send the 235 or 535 reply itself
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


def free_port() -> int:
    # aiosmtpd 1.4.6's Controller(port=0) fails its own readiness check
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass(frozen=True)
class Certificates:
    ca_file: Path
    server: ssl.SSLContext


def make_certificates(folder: Path) -> Certificates:
    """Give a new CA (written to `folder`) and a server context for 127.0.0.1/localhost."""
    ca = trustme.CA()
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return Certificates(ca_file, context)


class SmtpServer:
    """An aiosmtpd server on 127.0.0.1 that can be stopped and restarted on its port.

    `implicit_tls=False`: STARTTLS offered, AUTH only after it (as on port 587).
    `implicit_tls=True`: TLS from the first byte (as on port 465).
    """

    host = "127.0.0.1"
    username = USERNAME
    password = PASSWORD

    def __init__(self, certificates: Certificates, *, implicit_tls: bool = False) -> None:
        self.certificates = certificates
        self.implicit_tls = implicit_tls
        self.handler = Recorder()
        self.port = free_port()
        self._controller: Controller | None = None

    @property
    def ca_file(self) -> Path:
        return self.certificates.ca_file

    @property
    def messages(self) -> list[Received]:
        return self.handler.messages

    def fail_next(self, reply: str, count: int = 1, *, at: Stage = "DATA") -> None:
        self.handler.fail_next(reply, count, at=at)

    def start(self) -> None:
        # aiosmtpd 1.4.6 counts only STARTTLS as TLS for AUTH, so on an implicit-TLS
        # port AUTH must be allowed "without TLS" (the whole connection is TLS there)
        tls: dict[str, Any] = (
            {"ssl_context": self.certificates.server, "auth_require_tls": False,
             "auth_required": False} if self.implicit_tls
            else {"tls_context": self.certificates.server, "auth_require_tls": True,
                  "auth_required": True})
        self._controller = Controller(
            self.handler, hostname=self.host, port=self.port, server_hostname="localhost",
            authenticator=self.handler.authenticate, ready_timeout=5.0, **tls)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def config(self, **changes: Any) -> SmtpConfig:
        """Give an smtp section for this server: verified TLS and the right login."""
        values: dict[str, Any] = {
            "host": self.host, "port": self.port,
            "security": "tls" if self.implicit_tls else "starttls",
            "username": USERNAME, "password": PASSWORD, "from": SENDER,
            "ca_file": str(self.ca_file), "timeout": 5.0,
        }
        values.update(changes)
        return SmtpConfig.model_validate(values)


@pytest.fixture(scope="session")
def smtp_certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("smtp-ca"))


@pytest.fixture
def smtp_server(smtp_certificates: Certificates) -> Iterator[SmtpServer]:
    """A running STARTTLS + AUTH server, fresh for each test."""
    server = SmtpServer(smtp_certificates)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtps_server(smtp_certificates: Certificates) -> Iterator[SmtpServer]:
    """A running implicit-TLS + AUTH server, fresh for each test."""
    server = SmtpServer(smtp_certificates, implicit_tls=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()

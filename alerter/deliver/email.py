"""The email channel: one message per recipient (built in alerter.deliver.message),
sent over SMTP with aiosmtplib.

Server replies are mapped onto DeliveryError: 5xx about the message or the
recipient is permanent; 4xx, network, TLS and login failures are retried.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

import aiosmtplib

from alerter.clock import Clock
from alerter.config import Config, SmtpConfig, secret
from alerter.deliver import Outgoing
from alerter.deliver.message import (
    build_message,
    check_unsubscribe_url,
    header_text,
    recipient_address,
    sender_address,
)
from alerter.errors import DeliveryError

if TYPE_CHECKING:
    from alerter.web.links import UnsubscribeLinks

log = logging.getLogger(__name__)


def email_channel(config: Config, clock: Clock,
                  links: UnsubscribeLinks | None = None) -> EmailChannel | None:
    """Give the email channel of the config's `smtp` section (None without one), its
    `ca_file` resolved against the config file's folder like every other path."""
    if config.smtp is None:
        return None
    smtp = config.smtp
    if smtp.ca_file:
        smtp = smtp.model_copy(update={"ca_file": str(config.resolve(smtp.ca_file))})
    return EmailChannel(smtp, clock, links=links)


class EmailChannel:
    """Sends a digest to one recipient through the configured SMTP server.

    One connection per message; TLS (STARTTLS or implicit) is verified against
    the system CAs, or `smtp.ca_file` when set, unless `smtp.verify` is false.
    `ca_file` should already be resolved against the config file's folder. With
    `links` (config `web`), each recipient's message carries their own one-click
    unsubscribe link, in List-Unsubscribe and in place of the body's stand-in link.
    """

    def __init__(self, smtp: SmtpConfig, clock: Clock, *,
                 unsubscribe_url: str | None = None, list_id: str | None = None,
                 links: UnsubscribeLinks | None = None) -> None:
        self.smtp = smtp
        self.clock = clock
        self.unsubscribe_url = unsubscribe_url
        self.links = links
        self.list_id = list_id
        self._warned = False

    @property
    def where(self) -> str:
        return f"{self.smtp.host}:{self.smtp.port}"

    def send(self, message: Outgoing) -> None:
        sender, tls = self._setup()
        try:
            recipient = recipient_address(message.target).addr_spec
            url = self.unsubscribe_url
            if self.links is not None:
                url = self.links.url(recipient, message.subscription)
                message = replace(message, bodies=self.links.personalise(message.bodies, url))
            mail = build_message(message, sender=self.smtp.from_, now=self.clock.now(),
                                 list_id=self.list_id, unsubscribe_url=url)
        except ValueError as exc:  # about this digest or target: no retry will help
            raise DeliveryError(f"cannot email digest {message.digest_id} to "
                                f"{header_text(message.target)}: {exc}", permanent=True) from None
        try:
            asyncio.run(self._send(mail.as_bytes(), sender, recipient, tls))
        except (aiosmtplib.SMTPException, OSError) as exc:  # OSError covers ssl and timeouts
            raise self._failure(exc, recipient) from None
        log.debug("sent digest %s to %s via %s", message.digest_id, message.target, self.where)

    def _password(self) -> str | None:
        """Give the SMTP password, its `${ENV_VAR}` resolved now: only sending needs it."""
        if not self.smtp.password or not self.smtp.username:
            return None
        try:
            return secret(self.smtp.password, "smtp.password")
        except KeyError as exc:
            raise DeliveryError(f"cannot log in to SMTP server {self.where}: "
                                f"{exc.args[0]}") from None

    def _setup(self) -> tuple[str, ssl.SSLContext | None]:
        """Give the envelope sender and TLS context; setup errors leave the digest pending."""
        self._warn_once()
        self._password()  # a missing secret: the digest stays pending, the error names it
        try:
            sender = sender_address(self.smtp.from_).addr_spec
        except ValueError as exc:
            raise DeliveryError(f"smtp.from: {exc}") from None
        if self.unsubscribe_url is not None:
            try:
                check_unsubscribe_url(self.unsubscribe_url)
            except ValueError as exc:
                raise DeliveryError(f"unsubscribe URL: {exc}") from None
        if self.smtp.security == "none":
            return sender, None
        try:
            context = ssl.create_default_context(cafile=self.smtp.ca_file)
        except OSError as exc:  # ssl.SSLError is one too: a file that holds no PEM CA
            reason = exc.reason if isinstance(exc, ssl.SSLError) else exc.strerror
            raise DeliveryError(f"cannot load smtp.ca_file {self.smtp.ca_file}: "
                                f"{header_text(str(reason or exc))}") from None
        if not self.smtp.verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return sender, context

    async def _send(self, data: bytes, sender: str, recipient: str,
                    tls: ssl.SSLContext | None) -> None:
        smtp = self.smtp
        # bytes, flattened by build_message's policy: aiosmtplib would use its own
        await aiosmtplib.send(
            data, sender=sender, recipients=[recipient],
            hostname=smtp.host, port=smtp.port, timeout=smtp.timeout,
            use_tls=smtp.security == "tls", start_tls=smtp.security == "starttls",
            tls_context=tls,
            username=smtp.username, password=self._password(),
        )

    def _warn_once(self) -> None:
        if self._warned:
            return
        self._warned = True
        if not self.smtp.verify and self.smtp.security != "none":
            log.warning("certificate verification is off for smtp.host %s (smtp.verify: "
                        "false): anyone on the path can read and change the mail", self.where)
        if self.smtp.security == "none" and self.smtp.username:
            log.warning("smtp.security is 'none': the login to %s is sent unencrypted",
                        self.where)

    def _failure(self, exc: BaseException, recipient: str) -> DeliveryError:
        """Give the DeliveryError for a failed send: one line, no password in it."""
        error = _classify(exc, self.where, recipient, self.smtp)
        password = self._password()
        if password and password in str(error):
            error = DeliveryError(str(error).replace(password, "***"), permanent=error.permanent)
        return error


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _reply(exc: aiosmtplib.SMTPResponseException) -> str:
    return header_text(f"{exc.code} {exc.message}")


def _classify(exc: BaseException, where: str, recipient: str,
              smtp: SmtpConfig) -> DeliveryError:
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused) and exc.recipients:
        exc = exc.recipients[0]  # we send to one recipient: its refusal says why
    if isinstance(exc, aiosmtplib.SMTPAuthenticationError):
        # our setup, not this message: keep it pending until the login is fixed
        return DeliveryError(f"SMTP server {where} refused the login as "
                             f"'{smtp.username}': {_reply(exc)}")
    if isinstance(exc, aiosmtplib.SMTPConnectResponseError | aiosmtplib.SMTPHeloError):
        return DeliveryError(f"SMTP server {where} refused the connection: {_reply(exc)}")
    if isinstance(exc, aiosmtplib.SMTPSenderRefused):
        return DeliveryError(f"SMTP server {where} refused the sender {exc.sender} "
                             f"(smtp.from): {_reply(exc)}")
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return DeliveryError(f"SMTP server {where} refused the mail to {recipient}: "
                             f"{_reply(exc)}", permanent=500 <= exc.code < 600)
    for cause in _chain(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return DeliveryError(f"the TLS certificate of SMTP server {where} could not be "
                                 f"verified ({cause.verify_message}); set smtp.ca_file to the "
                                 f"CA that signed it")
        if isinstance(cause, ssl.SSLError):
            return DeliveryError(f"TLS with SMTP server {where} failed: "
                                 f"{header_text(cause.reason or str(cause))}; check "
                                 f"smtp.security ('tls' on ports like 465, 'starttls' on 587)")
        if isinstance(cause, ConnectionRefusedError):
            return DeliveryError(f"cannot connect to SMTP server {where}: connection refused")
        if isinstance(cause, TimeoutError):
            return DeliveryError(f"SMTP server {where} did not answer within "
                                 f"{smtp.timeout:g} s")
    if isinstance(exc, aiosmtplib.SMTPServerDisconnected):
        return DeliveryError(f"SMTP server {where} closed the connection: "
                             f"{header_text(exc.message)}")
    if isinstance(exc, aiosmtplib.SMTPException):
        return DeliveryError(f"SMTP with {where} failed: {header_text(exc.message)}")
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return DeliveryError(f"cannot connect to SMTP server {where}: {header_text(reason)}")

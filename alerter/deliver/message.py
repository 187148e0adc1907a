"""An email message for one digest and one recipient, built with the email package.

Every header that can carry extracted or configured text is made one line here,
whatever the template or the news said, so no subject can add a header. The
Message-ID depends only on (digest, recipient): a retry after a lost reply is the
same message, and a receiving server can drop the duplicate.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime, parseaddr
from typing import Any
from urllib.parse import quote

from alerter.deliver import Outgoing

# Line breaks, other whitespace and control characters (C0, DEL, C1, U+2028/9).
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f<>\"]")
_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
# Headers we build from URLs and labels: fold between entries, never inside one.
_VERBATIM = frozenset({"list-unsubscribe", "list-unsubscribe-post", "list-id"})


class _MailPolicy(EmailPolicy):
    """The SMTP policy, except that URL headers are never RFC 2047-encoded.

    The standard policy encodes a word longer than a line, which turns a long
    unsubscribe URL into `=?utf-8?q?...?=` that no mail client can follow.
    Our values there are plain ASCII we built ourselves, so a longer line
    (legal up to 998 characters) is the right trade.
    """

    def fold(self, name: str, value: Any) -> str:
        policy = self.clone(max_line_length=998) if name.lower() in _VERBATIM else self
        folded: str = EmailPolicy.fold(policy, name, value)
        return folded

    def fold_binary(self, name: str, value: Any) -> bytes:
        policy = self.clone(max_line_length=998) if name.lower() in _VERBATIM else self
        return EmailPolicy.fold_binary(policy, name, value)


# email.policy.SMTP, and 7-bit clean bodies so that any server takes them as they are
POLICY = _MailPolicy(linesep="\r\n", cte_type="7bit")


def header_text(value: str) -> str:
    """Give `value` as one header line: breaks and control characters become one space."""
    return _UNSAFE.sub(" ", value).strip()


def sender_address(sender: str) -> Address:
    """Give the address in `sender` (`alerts@x.org` or `Alerter <alerts@x.org>`)."""
    name, addr = parseaddr(sender)
    if "@" not in addr:
        raise ValueError(f"'{header_text(sender)}' is not an email address")
    return Address(display_name=header_text(name), addr_spec=addr)


def recipient_address(target: str) -> Address:
    """Give `target` as exactly one address, or raise ValueError (a list, a name, a break)."""
    try:
        address = Address(addr_spec=target.strip())
    except (ValueError, IndexError):
        raise ValueError(f"'{header_text(target)}' is not one email address") from None
    if not address.domain:
        raise ValueError(f"'{header_text(target)}' is not one email address")
    return address


def message_id(digest_id: str, recipient: str, domain: str) -> str:
    """Give the Message-ID of one digest sent to one recipient: the same on every retry."""
    digest = hashlib.sha256(f"{digest_id}\n{recipient}".encode()).hexdigest()[:32]
    return f"<{digest}@{domain}>"


def _domain(address: Address) -> str:
    domain = address.domain
    return domain if _DOMAIN.fullmatch(domain) else "alerter.invalid"


def _list_label(given: str | None, subscription: str, domain: str) -> str:
    label = _LABEL_UNSAFE.sub("-", (given or "").strip().strip("<>")).strip(".-")
    if label:
        return label
    name = _LABEL_UNSAFE.sub("-", subscription).strip(".-") or "digest"
    return f"{name}.alerter.{domain}"


def check_unsubscribe_url(url: str) -> str:
    """Give `url` if it can stand in List-Unsubscribe, else raise ValueError."""
    if not url.startswith(("https://", "http://")) or _URL_UNSAFE.search(url):
        raise ValueError(f"'{header_text(url)}' is not an http(s) unsubscribe URL")
    return url


def unsubscribe_mailto(sender: str | Address, subscription: str) -> str:
    """Give the mailto: URL that unsubscribes from a subscription, as List-Unsubscribe
    and the digest's own unsubscribe line give it. Raises ValueError for a bad sender."""
    address = sender if isinstance(sender, Address) else sender_address(sender)
    return f"mailto:{address.addr_spec}?subject={quote(f'unsubscribe {subscription}', safe='')}"


def _unsubscribe(sender: Address, subscription: str, url: str | None) -> list[str]:
    entries = [f"<{unsubscribe_mailto(sender, subscription)}>"]
    if url is not None:
        url = url.replace("{subscription}", quote(subscription, safe=""))
        entries.insert(0, f"<{check_unsubscribe_url(url)}>")
    return entries


def build_message(message: Outgoing, *, sender: str, now: datetime,
                  list_id: str | None = None,
                  unsubscribe_url: str | None = None) -> EmailMessage:
    """Give the email for one digest to one recipient, ready for SMTP.

    The body is multipart/alternative (text/plain from the txt body, or the md
    one, and text/html) when both kinds exist. `unsubscribe_url` may hold
    `{subscription}`; an https one also makes the message one-click
    unsubscribable (RFC 8058). Raises ValueError for an unusable address or URL.
    """
    source = sender_address(sender)
    recipient = recipient_address(message.target)
    domain = _domain(source)
    mail = EmailMessage(policy=POLICY)
    mail["From"] = source
    mail["To"] = recipient
    mail["Subject"] = header_text(message.subject)
    when = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    mail["Date"] = format_datetime(when)
    mail["Message-ID"] = message_id(message.digest_id, recipient.addr_spec, domain)
    mail["List-Id"] = f"<{_list_label(list_id, message.subscription, domain)}>"
    entries = _unsubscribe(source, message.subscription, unsubscribe_url)
    mail["List-Unsubscribe"] = ", ".join(entries)
    if entries[0].startswith("<https://"):
        mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    # RFC 3834: tells vacation responders and the like not to answer a digest
    mail["Auto-Submitted"] = "auto-generated"
    _set_bodies(mail, message.bodies)
    return mail


def _set_bodies(mail: EmailMessage, bodies: dict[str, str]) -> None:
    text = bodies.get("txt", bodies.get("md"))
    html = bodies.get("html")
    if text is None and html is None:
        raise ValueError("the digest has no txt, md or html body")
    if text is not None:
        mail.set_content(text, subtype="plain")
        if html is not None:
            mail.add_alternative(html, subtype="html")
    elif html is not None:
        mail.set_content(html, subtype="html")

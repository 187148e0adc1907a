"""Signed tokens for links and forms, made with itsdangerous (the signing library of
Flask and Starlette's session middleware, kept by Pallets): HMAC-SHA256 with a key
derived from `web.secret` and a salt per kind of token, URL-safe, timestamped where a
link must expire. Using it rather than hand-made hmac code leaves the encoding, the
constant-time comparison and the expiry check to a library with years of review.

Each kind of token has its own salt, so a token of one kind is never valid as another.
An unsubscribe token carries its address and subscription and does not expire (an old
email must still work); a confirmation token expires after CONFIRM_FOR and names the
sign-up it confirms, which is used once. Nothing here logs or returns the secret.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadData, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer

CONFIRM_FOR = 48 * 3600  # seconds a confirmation link stays valid
CSRF_FOR = 4 * 3600  # seconds a form may stay open before it is refused


class BadToken(ValueError):
    """A token that is forged, damaged, expired or of another kind (its message says which)."""


@dataclass(frozen=True)
class Signup:
    """What a confirmation link confirms."""

    id: str
    address: str
    subscription: str


class Tokens:
    """Makes and checks the signed tokens of one server (one `web.secret`)."""

    def __init__(self, secret: str) -> None:
        self._key = hashlib.sha256(f"alerter.client\n{secret}".encode()).digest()
        sha256 = {"digest_method": hashlib.sha256}
        self._unsubscribe = URLSafeSerializer(secret, salt="alerter.unsubscribe",
                                              signer_kwargs=sha256)
        self._confirm = URLSafeTimedSerializer(secret, salt="alerter.confirm",
                                               signer_kwargs=sha256)
        self._csrf = URLSafeTimedSerializer(secret, salt="alerter.csrf", signer_kwargs=sha256)

    def unsubscribe(self, address: str, subscription: str) -> str:
        """Give the token that unsubscribes `address` from `subscription`, and nothing else."""
        return str(self._unsubscribe.dumps([address.strip().lower(), subscription]))

    def read_unsubscribe(self, token: str) -> tuple[str, str]:
        """Give (address, subscription) of a valid unsubscribe token, or raise BadToken."""
        return _pair(_loads(self._unsubscribe, token, None), 2)  # type: ignore[return-value]

    def confirm(self, signup: Signup) -> str:
        return str(self._confirm.dumps([signup.id, signup.address, signup.subscription]))

    def read_confirm(self, token: str) -> Signup:
        """Give the sign-up of a valid confirmation token, or raise BadToken (also when
        it is older than CONFIRM_FOR)."""
        sid, address, subscription = _pair(_loads(self._confirm, token, CONFIRM_FOR), 3)
        return Signup(sid, address, subscription)

    def csrf_field(self, nonce: str) -> str:
        """Give a form's CSRF value: the browser's cookie nonce, signed and timestamped."""
        return str(self._csrf.dumps(nonce))

    def client(self, ip: str) -> str:
        """Give a keyed hash of a client's IP address: the throttle counts clients without
        the store keeping their addresses."""
        return hmac.new(self._key, ip.encode(), hashlib.sha256).hexdigest()[:24]

    def csrf_ok(self, cookie: str | None, field: str | None) -> bool:
        """Give whether a form's token is ours, fresh, and matches the browser's cookie."""
        if not cookie or not field:
            return False
        try:
            nonce = _loads(self._csrf, field, CSRF_FOR)
        except BadToken:
            return False
        return isinstance(nonce, str) and secrets.compare_digest(nonce, cookie)


def new_nonce() -> str:
    """Give a fresh random value for the CSRF cookie."""
    return secrets.token_urlsafe(16)


def _loads(serializer: URLSafeSerializer | URLSafeTimedSerializer, token: str,
           max_age: int | None) -> Any:
    try:
        if isinstance(serializer, URLSafeTimedSerializer):
            return serializer.loads(token, max_age=max_age)
        return serializer.loads(token)
    except SignatureExpired:
        raise BadToken("this link has expired") from None
    except BadData:
        raise BadToken("this link is not valid (damaged, or not one of ours)") from None


def _pair(value: Any, size: int) -> tuple[str, ...]:
    if (not isinstance(value, list) or len(value) != size
            or not all(isinstance(v, str) for v in value)):
        raise BadToken("this link is not valid (damaged, or not one of ours)")
    return tuple(value)

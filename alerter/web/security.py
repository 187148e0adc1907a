"""The headers every response carries: a Content-Security-Policy that allows no script
at all, and the rest of the usual hardening. Digest pages are the email HTML as sent,
which is styled inline (mail clients drop stylesheets): they alone may use inline
style attributes, and they are sandboxed besides."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# no script, no plugin, no framing; styles and images only from this site; forms post here
PAGE_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
               "frame-ancestors 'none'; base-uri 'none'")
DIGEST_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                 "form-action 'none'; frame-ancestors 'none'; base-uri 'none'; "
                 "sandbox allow-popups allow-popups-to-escape-sandbox")
DIGEST_POLICY_HEADER = "x-alerter-digest"  # set by the digest route, swapped for the policy

HEADERS = {
    "x-content-type-options": "nosniff",
    # links hold tokens (/u/..., /confirm/...): never hand them to another site
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


class SecurityHeaders:
    """ASGI middleware: adds HEADERS and the page's Content-Security-Policy."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() != DIGEST_POLICY_HEADER]
                digest = len(headers) != len(message.get("headers", []))
                policy = DIGEST_POLICY if digest else PAGE_POLICY
                headers.append((b"content-security-policy", policy.encode()))
                given = {k.decode("latin-1").lower() for k, _ in headers}
                # a header the endpoint set itself stands (the icon's resource policy)
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()
                            if k not in given]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)

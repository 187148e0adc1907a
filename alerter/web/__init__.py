"""`alerter serve`: the web archive, the event explorer, self-service sign-up with double
opt-in, and RFC 8058 one-click unsubscribe.

    tokens.py     signed links: unsubscribe (per address and subscription), confirmation
                  (expiring, single use), CSRF (double-submit cookie)
    links.py      the links emails carry (List-Unsubscribe, the body's unsubscribe link)
    security.py   response headers: Content-Security-Policy and the rest
    site.py       what the endpoints share; pages rendered with the CSRF cookie
    forms.py      sign-up (throttled), confirmation, unsubscribe
    routes.py     the read-only pages (archive, digest, explorer, /healthz) and the routes
    app.py        the ASGI app and the uvicorn server

Only tokens.py and links.py are imported by the mail side (no Starlette there).
"""

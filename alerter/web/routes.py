"""The pages and forms of `alerter serve`, as Starlette endpoints.

Anonymous visitors can read the archive and the explorer, ask for a subscription (a
confirmation email, double opt-in), confirm it, and unsubscribe with the link of an
email (RFC 8058 one-click). Every form carries a CSRF token (a signed double-submit
cookie) except the unsubscribe one, whose signed link is its authority: a mail
provider's one-click POST has no cookie. The store is used from the event loop only,
one request at a time; sending mail runs in a worker thread.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from alerter.clock import Clock
from alerter.config import _ADDRESS, Config
from alerter.deliver import Channel, Outgoing
from alerter.errors import AlerterError, DeliveryError
from alerter.render import environment, render, web_url
from alerter.store import Store
from alerter.store.browse import EventFilter
from alerter.web.links import UnsubscribeLinks
from alerter.web.security import DIGEST_POLICY_HEADER
from alerter.web.tokens import BadToken, Signup, new_nonce

log = logging.getLogger("alerter.web")
CSRF_COOKIE = "alerter_csrf"
# sign-ups asked for: per address (the mailbox that gets confirmation emails), per client
PER_ADDRESS = (3, timedelta(days=1))
PER_CLIENT = (10, timedelta(hours=1))
EVENTS_SHOWN = 200
FILTERS = ("type", "actor", "target", "modality", "rule", "since", "until")


@dataclass
class Site:
    """What every endpoint shares: the config, the store, the clock, templates, links."""

    config: Config
    store: Store
    clock: Clock
    links: UnsubscribeLinks
    env: Any
    mail: Channel | None  # for confirmation emails

    @classmethod
    def of(cls, request: Request) -> Site:
        site: Site = request.app.state.site
        return site

    def page(self, request: Request, template: str, status: int = 200,
             **values: Any) -> HTMLResponse:
        """Give a page rendered from `web/<template>`, with a CSRF token for its forms."""
        nonce = request.cookies.get(CSRF_COOKIE) or ""
        if not (8 <= len(nonce) <= 64 and nonce.replace("-", "").replace("_", "").isalnum()):
            nonce = new_nonce()
        context = {"site": {"title": "alerter", "base_url": self.links.base_url,
                            "open": self.open_names},
                   "csrf": self.links.tokens.csrf_field(nonce), "request_path": request.url.path,
                   **values}
        response = HTMLResponse(render(self.env, f"web/{template}", context), status_code=status)
        response.set_cookie(CSRF_COOKIE, nonce, httponly=True, samesite="lax", path="/",
                            secure=request.url.scheme == "https")
        return response

    def message(self, request: Request, status: int, title: str, text: str,
                **values: Any) -> HTMLResponse:
        return self.page(request, "message.html.j2", status, title=title, text=text, **values)

    @property
    def open_names(self) -> list[str]:
        return list(self.config.web.subscribe) if self.config.web else []


def _local(created: str, timezone: str) -> datetime:
    return datetime.fromisoformat(created).astimezone(ZoneInfo(timezone))


async def index(request: Request) -> Response:
    site = Site.of(request)
    subscriptions = [{"name": s.name, "channel": s.channel, "schedule": s.schedule,
                      "digests": site.store.digest_count(s.name),
                      "open": s.name in site.open_names} for s in site.config.subscriptions]
    return site.page(request, "index.html.j2", subscriptions=subscriptions)


async def subscription(request: Request) -> Response:
    site = Site.of(request)
    name = request.path_params["name"]
    sub = next((s for s in site.config.subscriptions if s.name == name), None)
    if sub is None:
        return site.message(request, 404, "Not found", f"There is no subscription '{name}'.")
    days: dict[str, list[dict[str, Any]]] = {}
    for digest in site.store.digest_list(name):
        when = _local(digest["created"], sub.timezone)
        days.setdefault(when.strftime("%Y-%m-%d"), []).append(
            {"id": digest["id"], "time": when.strftime("%H:%M"),
             "subject": digest["subject"] or digest["summary"]})
    return site.page(request, "subscription.html.j2", subscription=sub,
                     days=list(days.items()), open=name in site.open_names)


async def digest(request: Request) -> Response:
    site = Site.of(request)
    try:
        found = site.store.digest(request.path_params["digest_id"])
    except IndexError:
        return site.message(request, 404, "Not found", "There is no such digest.")
    page = f"{site.links.base_url}/s/{found['subscription']}"
    html = found["bodies"].get("html")
    if html is None:
        text = found["bodies"].get("md") or found["bodies"].get("txt") or ""
        return site.page(request, "digest_text.html.j2", digest=found, text=text)
    # an email digest's body holds the stand-in link: on the web it leads to the
    # subscription's page (whoever reads the archive has no link of their own)
    html = html.replace(site.links.stand_in, page)
    return HTMLResponse(html, headers={DIGEST_POLICY_HEADER: "1"})


async def events(request: Request) -> Response:
    site = Site.of(request)
    given = {k: (request.query_params.get(k) or "").strip()[:64] or None for k in FILTERS}
    shown = []
    for event, document in site.store.find_events(EventFilter(**given), EVENTS_SHOWN):
        shown.append({"event": event, "document": document,
                      "url": web_url(document["url"]),
                      "actors": ", ".join(p.code or p.text for p in event.actor),
                      "targets": ", ".join(p.code or p.text for p in event.target)})
    return site.page(request, "events.html.j2", events=shown, given=given,
                     choices=site.store.choices(), limit=EVENTS_SHOWN)


async def healthz(request: Request) -> Response:
    site = Site.of(request)
    try:
        data: dict[str, Any] = {"store": "ok", **site.store.health()}
        status = 200
    except AlerterError as exc:
        data, status = {"store": "failed", "error": str(exc)}, 503
    return JSONResponse({"ok": status == 200, **data}, status_code=status,
                        headers={"cache-control": "no-store"})


class TooLarge(Exception):
    """A form body larger than MAX_FORM, or of no stated length."""


MAX_FORM = 16384  # bytes: our forms hold an address and a token


async def _form(request: Request) -> dict[str, str]:
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > MAX_FORM:
        raise TooLarge
    form = await request.form(max_files=0, max_fields=8, max_part_size=4096)
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _csrf_ok(site: Site, request: Request, form: dict[str, str]) -> bool:
    return site.links.tokens.csrf_ok(request.cookies.get(CSRF_COOKIE), form.get("csrf"))


async def sign_up(request: Request) -> Response:
    site = Site.of(request)
    name = request.path_params["name"]
    if name not in site.open_names:
        return site.message(request, 404, "Not found", f"'{name}' takes no sign-ups here.")
    form = await _form(request)
    if not _csrf_ok(site, request, form):
        return site.message(request, 403, "Form expired",
                            "This form was too old or not sent from this site. Go back, "
                            "reload the page and try again.")
    address = form.get("email", "").strip()
    if not _ADDRESS.fullmatch(address) or len(address) > 254:
        return site.message(request, 400, "Not an email address",
                            f"'{address}' is not one email address such as "
                            "analyst@example.org.", back=f"/s/{name}")
    now = site.clock.now()
    client = site.links.tokens.client(request.client.host if request.client else "?")
    if (site.store.signups_since(address=address, since=now - PER_ADDRESS[1]) >= PER_ADDRESS[0]
            or site.store.signups_since(client=client, since=now - PER_CLIENT[1])
            >= PER_CLIENT[0]):
        return site.message(request, 429, "Too many sign-ups",
                            "Too many sign-ups were asked for from here or for this address. "
                            "Please try again later.")
    signup = Signup(secrets.token_urlsafe(12), address.lower(), name)
    site.store.add_signup(signup.id, signup.address, name, client, now)
    link = f"{site.links.base_url}/confirm/{site.links.tokens.confirm(signup)}"
    try:
        await run_in_threadpool(_send_confirmation, site, signup, link)
    except (DeliveryError, AlerterError) as exc:
        log.warning("confirmation email for '%s' not sent: %s", name, exc)
        return site.message(request, 503, "Not sent",
                            "The confirmation email could not be sent just now. Please try "
                            "again later.")
    # the same answer whether or not the address is subscribed already: nothing leaks
    return site.message(request, 200, "Check your inbox",
                        f"If {address} can receive mail, a message with a confirmation link "
                        f"is on its way. The subscription to '{name}' starts once you "
                        "follow it (within 48 hours).")


def _send_confirmation(site: Site, signup: Signup, link: str) -> None:
    if site.mail is None:
        raise DeliveryError("no smtp section in the config")
    values = {"subscription": signup.subscription, "address": signup.address, "link": link,
              "hours": 48}
    text = render(site.env, "web/confirm.txt.j2", values)
    subject = " ".join(render(site.env, "web/confirm_subject.txt.j2", values).split())
    site.mail.send(Outgoing(f"confirm-{signup.id}", signup.subscription, signup.address,
                          site.clock.now(), {"txt": text}, subject))


async def confirm(request: Request) -> Response:
    site = Site.of(request)
    token = request.path_params["token"]
    try:
        signup = site.links.tokens.read_confirm(token)
    except BadToken as exc:
        return site.message(request, 400, "Link not valid", f"{str(exc).capitalize()}. Sign "
                            "up again to get a new one.")
    if request.method == "GET":  # a mail scanner may fetch the link: confirming takes a click
        return site.page(request, "confirm.html.j2", signup=signup)
    form = await _form(request)
    if not _csrf_ok(site, request, form):
        return site.message(request, 403, "Form expired", "This form was too old or not "
                            "sent from this site. Open the link from the email again.")
    if not site.store.confirm_signup(signup.id, signup.address, signup.subscription,
                                     site.clock.now()):
        return site.message(request, 400, "Link used", "This link was used already, or the "
                            "sign-up is too old. Sign up again to get a new one.")
    return site.message(request, 200, "Subscribed",
                        f"{signup.address} gets '{signup.subscription}' from its next digest "
                        "on. Every email has a link to unsubscribe.")


async def unsubscribe(request: Request) -> Response:
    site = Site.of(request)
    try:
        address, name = site.links.tokens.read_unsubscribe(request.path_params["token"])
    except BadToken as exc:
        return site.message(request, 400, "Link not valid", f"{str(exc).capitalize()}.")
    if request.method == "GET":
        response = site.page(request, "unsubscribe.html.j2", address=address, name=name)
    else:
        # RFC 8058: a POST (List-Unsubscribe=One-Click, or our button) unsubscribes at once
        site.store.add_opt_out(address, name, site.clock.now())
        log.info("unsubscribed from '%s' with a one-click link", name)
        response = site.message(request, 200, "Unsubscribed",
                                f"{address} gets no more digests from '{name}'.")
    response.headers["cache-control"] = "no-store"
    return response


async def stylesheet(request: Request) -> Response:
    site = Site.of(request)
    source, _, _ = site.env.loader.get_source(site.env, "web/site.css")
    return Response(source, media_type="text/css",
                    headers={"cache-control": "public, max-age=3600"})


ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
        '<circle cx="8" cy="8" r="7" fill="#c5221f"/></svg>')


async def icon(request: Request) -> Response:
    # digest pages are sandboxed (an origin of their own): their icon request is
    # cross-origin, and a same-origin resource policy would refuse it
    return Response(ICON, media_type="image/svg+xml",
                    headers={"cache-control": "public, max-age=86400",
                             "cross-origin-resource-policy": "cross-origin"})


def make_site(config: Config, store: Store, clock: Clock) -> Site:
    """Give what the endpoints share; the config must have a `web` section."""
    if config.web is None:
        raise ValueError("the config has no 'web' section")
    user_dir = config.resolve(config.templates.path) if config.templates.path else None
    links = UnsubscribeLinks(config.web)
    mail: Channel | None = None
    if config.smtp is not None:
        from alerter.deliver.email import EmailChannel

        smtp = config.smtp
        if smtp.ca_file:
            smtp = smtp.model_copy(update={"ca_file": str(config.resolve(smtp.ca_file))})
        mail = EmailChannel(smtp, clock, links=links)
    return Site(config, store, clock, links, environment(user_dir), mail)


async def too_large(request: Request, exc: Exception) -> Response:
    return Site.of(request).message(request, 413, "Too large", "That form was too large.")


EXCEPTION_HANDLERS = {TooLarge: too_large}
ROUTES = [
    Route("/", index),
    Route("/s/{name}", subscription),
    Route("/s/{name}/subscribe", sign_up, methods=["POST"]),
    Route("/d/{digest_id}", digest),
    Route("/events", events),
    Route("/healthz", healthz),
    Route("/confirm/{token}", confirm, methods=["GET", "POST"]),
    Route("/u/{token}", unsubscribe, methods=["GET", "POST"]),
    Route("/static/site.css", stylesheet),
    Route("/static/icon.svg", icon),
    Route("/favicon.ico", icon),
]


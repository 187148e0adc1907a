"""The pages of `alerter serve` and its routes (the forms are in forms.py).

Anonymous visitors can read the archive and the explorer, ask for a subscription (a
confirmation email, double opt-in), confirm it, and unsubscribe with the link of an
email (RFC 8058 one-click). The store is used from the event loop only, one request
at a time; sending mail runs in a worker thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from alerter.errors import AlerterError
from alerter.render import web_url
from alerter.store.browse import EventFilter
from alerter.web.forms import TooLarge, confirm, sign_up, too_large, unsubscribe
from alerter.web.security import DIGEST_POLICY_HEADER
from alerter.web.site import Site

EVENTS_SHOWN = 200
FILTERS = ("type", "actor", "target", "modality", "rule", "since", "until")


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
    # an email digest's body holds the stand-in link: on the web it leads to the
    # subscription's page (whoever reads the archive has no link of their own)
    page = f"{site.links.base_url}/s/{found['subscription']}#unsubscribe"
    bodies = site.links.personalise(found["bodies"], page)
    if "html" not in bodies:
        text = bodies.get("md") or bodies.get("txt") or ""
        return site.page(request, "digest_text.html.j2", digest=found, text=text)
    return HTMLResponse(bodies["html"], headers={DIGEST_POLICY_HEADER: "1"})


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


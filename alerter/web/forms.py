"""The forms of `alerter serve`: sign-up (a confirmation email; throttled per address
and per client in the store), confirmation (double opt-in) and unsubscribe (RFC 8058
one-click). Sign-up and confirmation carry a CSRF token (a signed double-submit
cookie); the unsubscribe form does not: its signed link is its authority, and a mail
provider's one-click POST has no cookie."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from alerter.config import EMAIL_ADDRESS
from alerter.deliver import Outgoing
from alerter.errors import AlerterError, DeliveryError
from alerter.render import render
from alerter.web.site import CSRF_COOKIE, Site
from alerter.web.tokens import BadToken, Signup

log = logging.getLogger("alerter.web")
# sign-ups asked for: per address (the mailbox that gets confirmation emails), per client
PER_ADDRESS = (3, timedelta(days=1))
PER_CLIENT = (10, timedelta(hours=1))


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
    if not EMAIL_ADDRESS.fullmatch(address) or len(address) > 254:
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
        response = site.page(request, "confirm.html.j2", signup=signup)
        response.headers["cache-control"] = "no-store"
        return response
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



async def too_large(request: Request, exc: Exception) -> Response:
    return Site.of(request).message(request, 413, "Too large", "That form was too large.")

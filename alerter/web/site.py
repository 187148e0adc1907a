"""What every endpoint of `alerter serve` shares (`Site`): the config, the store, the
clock, the templates and the links; and how a page is rendered, with the CSRF cookie
and token its forms need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from alerter.clock import Clock
from alerter.config import Config
from alerter.deliver import Channel
from alerter.render import environment, render
from alerter.store import Store
from alerter.web.links import UnsubscribeLinks
from alerter.web.tokens import new_nonce

CSRF_COOKIE = "alerter_csrf"


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



def make_site(config: Config, store: Store, clock: Clock) -> Site:
    """Give what the endpoints share; the config must have a `web` section."""
    if config.web is None:
        raise ValueError("the config has no 'web' section")
    user_dir = config.resolve(config.templates.path) if config.templates.path else None
    links = UnsubscribeLinks(config.web)
    from alerter.deliver.email import email_channel

    mail: Channel | None = email_channel(config, clock, links)
    return Site(config, store, clock, links, environment(user_dir), mail)

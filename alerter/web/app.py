"""The ASGI app of `alerter serve`, and the uvicorn server that runs it: in the
foreground (`alerter serve`), or in a thread beside the scheduler (`alerter run --serve`)."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from starlette.applications import Starlette

from alerter.clock import Clock
from alerter.config import Config
from alerter.store import Store
from alerter.web.routes import EXCEPTION_HANDLERS, ROUTES
from alerter.web.security import SecurityHeaders
from alerter.web.site import make_site

log = logging.getLogger("alerter.web")


def create_app(config: Config, store: Store, clock: Clock) -> Any:
    """Give the ASGI app over `store` (a connection of its own: the app uses it from its
    event loop only). The config must have a `web` section."""
    app = Starlette(routes=ROUTES, exception_handlers=EXCEPTION_HANDLERS)
    app.state.site = make_site(config, store, clock)
    return SecurityHeaders(app)


def server(app: Any, host: str, port: int) -> Any:
    """Give a uvicorn server for the app. Proxy headers (X-Forwarded-For, -Proto) are
    believed only from 127.0.0.1, where a reverse proxy would run."""
    import uvicorn

    settings = uvicorn.Config(app, host=host, port=port, proxy_headers=True,
                              forwarded_allow_ips="127.0.0.1", server_header=False,
                              access_log=False, log_level="warning", lifespan="off")
    return uvicorn.Server(settings)


def start_in_thread(app: Any, host: str, port: int, timeout: float = 10.0
                    ) -> tuple[Any, threading.Thread]:
    """Start a server in a daemon thread and wait until it listens; give it and the thread.
    Stop it with `stop(server, thread)`."""
    running = server(app, host, port)
    thread = threading.Thread(target=running.run, name="alerter-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not running.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise OSError(f"the web server did not start on {host}:{port}")
        time.sleep(0.02)
    return running, thread


def stop(running: Any, thread: threading.Thread) -> None:
    running.should_exit = True
    thread.join(timeout=10)

"""`alerter serve`: the web archive, sign-up and one-click unsubscribe (alerter.web)."""

from __future__ import annotations

import logging
import signal
from typing import TYPE_CHECKING

import click

from alerter.clock import default_clock
from alerter.config import Config, load_config
from alerter.errors import ConfigError, Problem
from alerter.store import Store

if TYPE_CHECKING:
    from starlette.applications import Starlette

log = logging.getLogger("alerter")


def web_config(config_path: str) -> Config:
    """Give the config, or raise ConfigError when it has no `web` section."""
    config = load_config(config_path)
    if config.web is None:
        raise ConfigError([Problem(config_path, None, "web", "alerter serve needs a 'web' "
                                   "section (base_url, secret): see docs/web.md")])
    return config


def open_site(config_path: str, host: str) -> tuple[Config, Store, Starlette]:
    """Give the config, a store connection of the web server's own and the web app for
    `alerter serve` and `alerter run --serve`; warn when it listens beyond this machine."""
    from alerter.web.app import create_app

    config = web_config(config_path)
    store = Store.open(config.store_location())
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("listening on %s: anyone who reaches this machine reaches the server; "
                    "docs/web.md says how to put it behind a TLS proxy", host)
    return config, store, create_app(config, store, default_clock())


def serve_command(config_path: str, host: str, port: int) -> int:
    from alerter.commands.common import setup_logging
    from alerter.web.app import server

    setup_logging()  # the same timestamped lines as `alerter run`
    config, store, app = open_site(config_path, host)
    public = config.web.base_url if config.web else ""
    click.echo(f"alerter serve: http://{host}:{port}/ (public address {public}); Ctrl-C "
               "stops it", err=True)
    # uvicorn stops on SIGTERM or Ctrl-C, then raises the signal again for the handler it
    # found: make that one a no-op, so that a stop is a clean exit (0), not a kill
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGTERM,
                                                                      signal.SIGINT)}
    try:
        server(app, host, port).run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        store.close()
    log.info("alerter serve stopped")
    return 0

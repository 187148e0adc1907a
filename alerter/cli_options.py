"""What the command line's commands share: the one-line error wrapper and the options
that several of them take."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])
CONFIG_HELP = "Configuration file."
OPTIONAL_CONFIG_HELP = ("Configuration file (default: ./config.yaml if there is one, else "
                        "the built-in defaults).")


def friendly(func: F) -> F:
    """Turn alerter's own errors into one-line messages and an exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import sqlite3

        from alerter.errors import AlerterError, StoreError

        try:
            return func(*args, **kwargs)
        except AlerterError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                click.echo(f"error: {line}", err=True)
            sys.exit(exc.exit_code)
        except sqlite3.DatabaseError as exc:  # one the store did not word: still one line
            click.echo(f"error: the store failed: {exc}", err=True)
            sys.exit(StoreError.exit_code)

    return wrapper  # type: ignore[return-value]


text_or_json = click.option("--format", "fmt", type=click.Choice(["text", "json"]),
                            default="text", show_default=True, help="json: for scripts.")
config_option = click.option("--config", "config_path", default="config.yaml",
                             show_default=True, type=click.Path(dir_okay=False),
                             help=CONFIG_HELP)


host_option = click.option("--host", default="127.0.0.1", show_default=True,
                           help="Address the web server listens on.")
port_option = click.option("--port", default=8080, show_default=True, type=click.IntRange(
    0, 65535), help="Port the web server listens on.")

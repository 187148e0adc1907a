"""`alerter init DIR`: a new project folder with a config, the default rules and
templates, and the sample articles, ready for `alerter run --once`."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from alerter.errors import AlerterError

SOURCE = Path(__file__).resolve().parent.parent.parent  # the alerter source tree
PARTS = ("config.yaml", "rules", "templates", "examples")


def init_command(directory: str) -> int:
    target = Path(directory)
    missing = [p for p in PARTS if not (SOURCE / p).exists()]
    if missing:
        raise AlerterError(f"cannot find {', '.join(missing)} under {SOURCE}: init copies "
                           "them from the alerter source tree (pip install -e)")
    taken = [p for p in PARTS if (target / p).exists()]
    if taken:
        raise AlerterError(f"{target} already has {', '.join(taken)}; choose an empty "
                           "folder (nothing was changed)")
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        if (SOURCE / part).is_dir():
            shutil.copytree(SOURCE / part, target / part)
        else:
            shutil.copy2(SOURCE / part, target / part)
    click.echo(f"made {target}: config.yaml, rules/, templates/, examples/\n"
               f"next: cd {target} && alerter run --once")
    return 0

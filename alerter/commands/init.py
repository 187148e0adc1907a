"""`alerter init DIR`: a new project folder with a config, the default rules and
templates, the guides (docs/), and the sample articles, ready for `alerter run --once`.

Everything comes from the installed package (`alerter/project/`, package data), so
init works from a wheel with no source tree. In the repository the entries of
`alerter/project/` are links to the top-level files, the one copy that `make run`
and the tests use.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click

from alerter.errors import AlerterError

PROJECT = Path(__file__).resolve().parent.parent / "project"
PARTS = ("config.yaml", "rules", "templates", "examples", "docs", "rule.schema.json")
SCHEMA_FILE = "rule.schema.json"
# The editor modeline on a rule file's first line; in a project it names the
# schema file that init writes beside config.yaml.
_MODELINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)\S+", re.MULTILINE)


def init_command(directory: str) -> int:
    target = Path(directory)
    missing = [p for p in PARTS if p != SCHEMA_FILE and not (PROJECT / p).exists()]
    if missing:
        raise AlerterError(f"this alerter installation lacks {', '.join(missing)} under "
                           f"{PROJECT}; reinstall alerter")
    taken = [p for p in PARTS if (target / p).exists()]
    if taken:
        raise AlerterError(f"{target} already has {', '.join(taken)}; choose an empty "
                           "folder (nothing was changed)")
    make_project(target)
    click.echo(f"made {target}: config.yaml, rules/, templates/, examples/, docs/, "
               f"{SCHEMA_FILE}\nnext: cd {target} && alerter run --once")
    return 0


def make_project(target: Path) -> None:
    """Copy the packaged project into `target`, with rule files that point editors
    at the schema written beside them."""
    from alerter.rules.schema import schema_text

    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        if part == SCHEMA_FILE:
            (target / part).write_text(schema_text(), encoding="utf-8")
        elif (PROJECT / part).is_dir():
            shutil.copytree(PROJECT / part, target / part)
        else:
            shutil.copyfile(PROJECT / part, target / part)
    for rule_file in sorted((target / "rules").glob("*.yaml")):
        text = rule_file.read_text(encoding="utf-8")
        pointed = _MODELINE.sub(rf"\g<1>../{SCHEMA_FILE}", text, count=1)
        if pointed != text:
            rule_file.write_text(pointed, encoding="utf-8")

"""`alerter init`: a project folder from the package alone, that runs as it is.

The wheel install of the same sequence (init, then `run --once`) is .ci/wheel_smoke.sh.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from alerter.cli import main
from alerter.commands.init import PROJECT
from alerter.rules.schema import schema_text

from .conftest import ROOT

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
LINK = re.compile(r"\]\(([^)#:]+)\)")  # relative markdown links
CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)  # examples, not links


@pytest.fixture
def made(tmp_path: Path) -> Path:
    target = tmp_path / "newsroom"
    result = CliRunner().invoke(main, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert f"next: cd {target} && alerter run --once" in result.output
    return target


def test_init_makes_a_project_folder_with_valid_rules(made: Path) -> None:
    assert {p.name for p in made.iterdir()} == {"config.yaml", "rules", "templates",
                                               "examples", "docs", "rule.schema.json"}
    checked = CliRunner().invoke(main, ["rules", "check", "--config",
                                        str(made / "config.yaml")])
    assert checked.exit_code == 0 and checked.output.startswith("ok: ")
    again = CliRunner().invoke(main, ["init", str(made)])
    assert again.exit_code == 1 and "already has config.yaml" in again.output


def test_every_rule_file_points_at_a_schema_that_is_there(made: Path) -> None:
    rule_files = sorted((made / "rules").glob("*.yaml"))
    assert rule_files
    for rule_file in rule_files:
        pointed = MODELINE.findall(rule_file.read_text(encoding="utf-8"))
        assert pointed == ["../rule.schema.json"], rule_file.name
        schema = (rule_file.parent / pointed[0]).resolve()
        assert json.loads(schema.read_text()) == json.loads(schema_text())
        # only the modeline differs from the packaged rule file
        packaged = (PROJECT / "rules" / rule_file.name).read_text(encoding="utf-8")
        assert MODELINE.sub("", packaged) == MODELINE.sub("", rule_file.read_text())


def test_the_guides_a_project_links_to_are_in_it(made: Path) -> None:
    for page in [*made.glob("*/*.md"), made / "config.yaml"]:
        for link in LINK.findall(CODE.sub("", page.read_text(encoding="utf-8"))):
            assert (page.parent / link).exists(), f"{page.relative_to(made)} → {link}"
    assert "docs/templates.md" in (made / "templates" / "README.md").read_text()


def test_every_guide_that_config_or_messages_name_is_in_a_new_project(made: Path) -> None:
    # config.yaml's comments and alerter's own messages send the user to docs/NAME.md
    # ("see docs/web.md", "restore the last backup (docs/reliability.md: ...)"): in a
    # project made by init, that page must be there to read.
    texts = [(made / "config.yaml").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "alerter").rglob("*.py")]
    named = {name for text in texts for name in re.findall(r"\bdocs/(\w+\.md)\b", text)}
    assert named  # the check reads something
    assert {n for n in named if not (made / "docs" / n).exists()} == set()


def test_the_packaged_project_is_the_top_level_one() -> None:
    # alerter/project/ holds links to the top-level files: one copy, not two.
    for part in ("config.yaml", "rules", "templates", "examples",
                 *(f"docs/{p.name}" for p in (PROJECT / "docs").iterdir())):
        assert (PROJECT / part).is_symlink(), part
        assert (PROJECT / part).resolve() == (ROOT / part).resolve(), part


def test_run_without_a_config_says_how_to_make_a_project(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run", "--once"])
    assert result.exit_code == 2
    assert result.output == ("error: no config.yaml here: create a project with "
                             "`alerter init DIR`\n")
    named = CliRunner().invoke(main, ["run", "--once", "--config", "elsewhere.yaml"])
    assert named.exit_code == 2
    assert named.output.startswith("error: elsewhere.yaml: no such file (`alerter init DIR`")


def test_a_users_first_run_in_a_new_project(tmp_path: Path) -> None:
    """init, run --once, then the commands a new user tries next, as the README has
    them: each answers plainly, and times in the status say their zone."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "ALERTER_NOW": "2023-02-27T08:00:00Z"}

    def alerter(*args: str, cwd: Path = tmp_path / "proj") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "alerter", *args], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=300)

    assert "alerter init DIR" in alerter("--help", cwd=tmp_path).stdout  # where to start
    assert alerter("init", "proj", cwd=tmp_path).returncode == 0
    ran = alerter("run", "--once")
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "proj" / "out" / "digests" / "daily-summary" / "2023-02-27.md").exists()
    status = alerter("status")
    assert status.returncode == 0, status.stderr
    assert re.search(r"^last cycle: started 2023-02-27 08:00:00 UTC, finished 2023-02-27 "
                     r"08:00:00 UTC: ", status.stdout, flags=re.MULTILINE), status.stdout
    checked = alerter("store", "check")
    assert checked.returncode == 0 and ": ok (schema version" in checked.stdout
    # the run sent every match: a dry run says so, and how to see them anyway
    dry = alerter("digest", "daily-summary", "--dry-run")
    assert dry.returncode == 0 and dry.stdout == ""
    assert dry.stderr == ("nothing to send: daily-summary has no matches that are not in a "
                          "digest already (--since DATE previews every match since DATE)\n")
    since = alerter("digest", "daily-summary", "--dry-run", "--since", "2023-02-01")
    assert since.returncode == 0 and since.stdout.startswith("# daily-summary")
    assert alerter("rules", "check").stdout.startswith("ok: ")
    delivered = alerter("deliver", "--now")
    assert delivered.returncode == 0 and delivered.stdout == "0 delivered, 0 failed\n"
    for command in ("serve", "backfill"):
        shown = alerter(command, "--help")
        assert shown.returncode == 0 and "--config FILE" in shown.stdout
    # the guide that `alerter serve` without a web section names is there to read
    serve = alerter("serve")
    assert serve.returncode == 2 and "see docs/web.md" in serve.stderr
    assert (tmp_path / "proj" / "docs" / "web.md").exists()

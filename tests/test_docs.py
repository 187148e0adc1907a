"""The documentation keeps up with the code: every rule key, field and operator."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alerter.rules.conditions import FIELDS, GROUPS, OPERATORS
from alerter.rules.model import NewSpec, Rule, SpikeSpec, ThresholdSpec

ROOT = Path(__file__).resolve().parent.parent
RULES_DOC = ROOT / "docs" / "rules.md"


def mentioned(text: str) -> set[str]:
    """Give every word written as code (`word`) in the text, and each in `{a: b}`;
    the examples in fenced blocks do not count."""
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    found = set()
    for code in re.findall(r"`([^`]+)`", text):
        found.add(code)
        found.update(re.findall(r"[\w.]+", code))
    return found


KEYS = sorted({*Rule.model_fields, *NewSpec.model_fields, *ThresholdSpec.model_fields,
               *SpikeSpec.model_fields, *FIELDS, *OPERATORS, *GROUPS})


@pytest.mark.parametrize("key", KEYS)
def test_the_rules_doc_mentions_every_key(key: str) -> None:
    assert key in mentioned(RULES_DOC.read_text(encoding="utf-8"))


def test_the_readme_points_to_the_rules_doc() -> None:
    assert "docs/rules.md" in (ROOT / "README.md").read_text(encoding="utf-8")


TEMPLATES_DOC = ROOT / "docs" / "templates.md"
# loop variables in the default templates, and what they are in the docs' terms
ALIASES = {"story": "story", "group": "group", "source": "citation", "part": "summary",
           "period": "period", "counts": "counts", "subscription": "subscription",
           "escalation": "escalation", "earlier": "citation", "now": "citation",
           "citation": "citation"}


def template_names() -> list[str]:
    from alerter.render import DEFAULT_TEMPLATES

    return sorted(p.name for p in DEFAULT_TEMPLATES.glob("*.j2"))


@pytest.mark.parametrize("name", template_names())
def test_the_templates_doc_lists_every_variable_a_default_template_uses(name: str) -> None:
    from jinja2 import meta

    from alerter.render import DEFAULT_TEMPLATES, environment

    source = (DEFAULT_TEMPLATES / name).read_text(encoding="utf-8")
    documented = mentioned(TEMPLATES_DOC.read_text(encoding="utf-8"))
    used = meta.find_undeclared_variables(environment().parse(source))
    assert used - documented == set()
    attributes = set(re.findall(r"\b([a-z_]+)\.([a-z_]+)\b", source))
    missing = {f"{owner}.{attr}" for owner, attr in attributes
               if owner in ALIASES and attr not in documented and attr != "strftime"}
    assert missing == set()


EXTRACTION_DOC = ROOT / "docs" / "extraction.md"


def taxonomy_keys() -> list[str]:
    from alerter.extract.taxonomy import Requirement, Taxonomy, Trigger

    return sorted({*Taxonomy.model_fields, *Trigger.model_fields, *Requirement.model_fields})


@pytest.mark.parametrize("key", taxonomy_keys())
def test_the_extraction_doc_mentions_every_taxonomy_key(key: str) -> None:
    pages = [EXTRACTION_DOC, *sorted((EXTRACTION_DOC.parent / "extraction").glob("*.md"))]
    assert key in mentioned("\n".join(p.read_text(encoding="utf-8") for p in pages))


def test_the_extraction_pages_link_each_other() -> None:
    index = EXTRACTION_DOC.read_text(encoding="utf-8")
    pages = sorted((EXTRACTION_DOC.parent / "extraction").glob("*.md"))
    assert pages
    for page in pages:
        assert f"(extraction/{page.name})" in index
        assert "(../extraction.md)" in page.read_text(encoding="utf-8")


def _commands() -> list[str]:
    """Every command a user can type: `run`, `rules check`, `store backup`, ..."""
    import click

    from alerter.cli import main

    found = []
    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            found += [f"{name} {sub}" for sub in command.commands]
        else:
            found.append(name)
    return sorted(found)


def _readme_command_list() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    fenced: list[str] = re.findall(r"^```\w*\n(.*?)^```", readme, flags=re.DOTALL | re.MULTILINE)
    blocks = [b for b in fenced if b.lstrip().startswith("alerter run")]
    assert len(blocks) == 1, "the README's command list is the block starting `alerter run`"
    return blocks[0]


@pytest.mark.parametrize("command", _commands())
def test_the_readme_command_list_has_every_command(command: str) -> None:
    listed = _readme_command_list()
    first, _, rest = command.partition(" ")
    # `alerter store check | backup PATH` lists two subcommands on one line
    lines = [ln for ln in listed.splitlines()
             if re.search(rf"^alerter {first}\b|\| {first}\b", ln)]
    assert any(not rest or re.search(rf"\b{rest}\b", ln) for ln in lines), f"alerter {command}"


@pytest.mark.parametrize("command", _commands())
def test_every_option_of_a_command_is_in_the_readme_command_list(command: str) -> None:
    import click

    from alerter.cli import main

    cmd: click.Command = main
    for part in command.split():
        assert isinstance(cmd, click.Group)
        cmd = cmd.commands[part]
    listed = _readme_command_list()
    options = {opt for param in cmd.params if isinstance(param, click.Option)
               for opt in param.opts if opt.startswith("--") and opt != "--config"}
    assert {opt for opt in options if opt not in listed} == set()


def _config_keys(model: type, prefix: str = "") -> list[str]:
    """Every key path of the config model: `http.timeout`, `subscriptions.formats`..."""
    from typing import get_args

    from pydantic import BaseModel

    keys = []
    for name, field in model.model_fields.items():  # type: ignore[attr-defined]
        if field.exclude:
            continue
        key = f"{prefix}{field.alias or name}"
        keys.append(key)
        inner = [field.annotation, *get_args(field.annotation)]
        inner += [a for t in inner for a in get_args(t)]
        for sub in inner:
            if isinstance(sub, type) and issubclass(sub, BaseModel):
                keys += _config_keys(sub, key + ".")
                break
    return keys


def _config_key_list() -> list[str]:
    from alerter.config import Config

    return _config_keys(Config)


@pytest.mark.parametrize("key", _config_key_list())
def test_config_yaml_shows_every_key(key: str) -> None:
    """Each key appears in config.yaml, set or in a comment, within its section."""
    from alerter.config import Config

    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    top = "|".join(Config.model_fields)
    first, *inner = key.split(".")
    # the section runs from its line (`store:`, or `# smtp:` when commented out) to the
    # next top-level section's line
    start = re.search(rf"^#? ?{first}:", text, flags=re.MULTILINE)
    assert start, f"no section {first}"
    end = re.search(rf"^#? ?(?:{top}):", text[start.end():], flags=re.MULTILINE)
    section = text[start.end():start.end() + end.start()] if end else text[start.end():]
    for name in inner:
        found = re.search(rf"^[#\s-]*{name}:", section, flags=re.MULTILINE)
        assert found, key
        section = section[found.end():]


@pytest.mark.parametrize("command", _commands())
def test_no_option_states_its_default_twice_in_help(command: str) -> None:
    """An option's help says its default in words or click shows it, not both
    ("Configuration file (default: ./config.yaml). [default: config.yaml]")."""
    import click

    from alerter.cli import main

    cmd: click.Command = main
    for part in command.split():
        assert isinstance(cmd, click.Group)
        cmd = cmd.commands[part]
    twice = [p.name for p in cmd.params if isinstance(p, click.Option)
             and p.show_default and "default" in (p.help or "").lower()]
    assert twice == []


DOCS = [ROOT / "README.md", ROOT / "config.yaml", ROOT / "templates" / "README.md",
        *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_every_file_and_test_the_docs_cite_exists(page: Path) -> None:
    """Paths such as `alerter/deliver/email.py` and tests such as
    `test_a_full_disk_under_the_store_is_one_line_and_exit_4` move with the code."""
    text = page.read_text(encoding="utf-8")
    paths = re.findall(r"\b((?:alerter|tests|bench)/[A-Za-z_][\w/.-]*\w)", text)
    missing = [p for p in paths if not (ROOT / p).exists()]
    tests = set(re.findall(r"\b(test_\w+)\b", text))
    defined = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    missing += [t for t in tests if not (ROOT / "tests" / f"{t}.py").exists()
                and not re.search(rf"def {t}\b", defined)]
    assert missing == []


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_every_config_key_the_docs_name_exists(page: Path) -> None:
    """`compute.in_flight`, `smtp.max_attempts`, ...: a key the docs name is a real one."""
    sections = ("sources", "http", "nlp", "compute", "store", "rules", "templates", "output",
                "schedule", "smtp", "subscriptions", "web")
    keys = set(_config_key_list())
    text = page.read_text(encoding="utf-8")
    named = re.findall(rf"`((?:{'|'.join(sections)})\.[a-z_.]+)", text)
    spacy = {"nlp.pipe", "nlp.max_length"}  # spaCy's Language object, not our settings
    assert [k for k in named if k not in keys | spacy] == []


@pytest.mark.parametrize("guide", sorted(p.name for p in (ROOT / "docs").glob("*.md")))
def test_the_readme_links_every_guide(guide: str) -> None:
    assert f"(docs/{guide})" in (ROOT / "README.md").read_text(encoding="utf-8")

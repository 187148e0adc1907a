"""Digest rendering with Jinja2.

Templates are looked up in the user's folder (config `templates.path`) first,
then in our defaults; `default:NAME` always names our default, so a user's
template can `{% extends "default:digest.md.j2" %}` and override one block.
Missing variables are errors (StrictUndefined), with a "did you mean" for a
misspelt name; a block that overrides nothing in the parent template is an error
too. Every template runs in our limited sandbox (`alerter.sandbox`); HTML is
autoescaped, and in markdown templates every `{{ … }}` is escaped as markdown
text (`alerter.md`). Errors are `TemplateError`s naming the template file and line.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from alerter import md
from alerter.errors import TemplateError
from alerter.sandbox import LimitedSandbox, TemplateLimitError, render_limited
from alerter.validation import suggest

DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_FOR_FORMAT = {"md": "digest.md.j2", "html": "digest.html.j2", "txt": "digest.txt.j2"}
SUBJECT_TEMPLATE = "subject.txt.j2"
# Limits of the sandbox: a digest may be long, a rule's one-line summary not.
DIGEST_MAX_CHARS = 20_000_000
SUMMARY_MAX_CHARS = 10_000
MAX_RANGE = 100_000


def environment(user_dir: Path | None = None) -> Any:
    """Give the Jinja2 environment: user folder, then defaults, with `default:` prefix."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, pass_context

    from alerter.wording import counted, load_wording

    @pass_context
    def finalize(context: Any, value: object) -> object:
        return md.finalize_for(context.name, value)

    defaults = FileSystemLoader(str(DEFAULT_TEMPLATES))
    loaders: list[Any] = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(f"templates.path: no such folder: {user_dir}")
        loaders.append(FileSystemLoader(str(user_dir)))
    loaders += [PrefixLoader({"default": defaults}, delimiter=":"), defaults]
    env = LimitedSandbox(
        max_chars=DIGEST_MAX_CHARS, max_range=MAX_RANGE,
        loader=ChoiceLoader(loaders), undefined=StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True,
        autoescape=lambda name: bool(name) and str(name).endswith((".html.j2", ".html")),
        finalize=finalize,
    )
    wording = load_wording(user_dir if user_dir is not None and user_dir.is_dir() else None)
    env.filters["quote"] = lambda text: md.MdSafe("> " + md.escape(text))
    env.filters["cite"] = cite
    env.filters["md"] = lambda text: md.MdSafe(md.escape(text))
    env.filters["link"] = md.link
    env.filters["named"] = wording.name
    env.filters["happening"] = lambda event: wording.happening(
        event.type, event.subtype, event.modality)
    env.filters["mode"] = wording.mode
    env.filters["counted"] = counted
    return env


web_url = md.web_url  # kept here too: the archive and user code import it from render


def cite(source: dict[str, Any], style: str = "md") -> str:
    """Give a citation of a source (a story's `sources` item): its title, linked in
    markdown (`style="md"`, escaped) or followed by the URL (`style="text"`), and its
    outlet."""
    title = " ".join(str(source["title"]).split())
    outlet = " ".join(str(source.get("source") or "").split())
    url = web_url(source.get("url"))
    if style == "text":
        where = f", {outlet}" if outlet and outlet != title else ""
        return f"{title}{where}" + (f" <{md.encode_url(url)}>" if url else "")
    where = f", {md.escape(outlet)}" if outlet and outlet != title else ""
    return md.MdSafe(f"{md.link(title, url)}{where}")


def render(env: Any, template: str, context: dict[str, Any]) -> str:
    """Give the rendered template, or raise TemplateError naming its file and line."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError

    try:
        compiled = env.get_template(template)
        check_blocks(env, compiled)
        return render_limited(compiled, context)
    except TemplateNotFound as exc:
        raise TemplateError(f"{template}: template not found: {exc.name}") from None
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except UndefinedError as exc:
        raise TemplateError(f"{_where(exc, template)}: {exc}"
                            f"{_undefined_hint(str(exc), context)}") from None
    except (JinjaError, TypeError, AttributeError, ValueError, KeyError) as exc:
        # A template's own mistake (a filter given a wrong value); name the file and line.
        raise TemplateError(f"{_where(exc, template)}: {exc}") from None


def _where(exc: BaseException, template: str) -> str:
    """Give `file:line` of the template frame the error came from (Jinja2 rewrites the
    traceback so that its frames are the templates' own lines)."""
    tb = exc.__traceback__
    where = template
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            where = f"{name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _names(value: Any, depth: int = 3) -> set[str]:
    """Give the keys reachable in a context (dicts, and the dicts in lists), a few levels
    down: the names a template could have meant."""
    found: set[str] = set()
    if depth == 0:
        return found
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(str(key))
            found |= _names(item, depth - 1)
    elif isinstance(value, list | tuple):
        for item in value[:20]:
            found |= _names(item, depth)
    return found


def _undefined_hint(message: str, context: dict[str, Any]) -> str:
    top = re.fullmatch(r"'([^']+)' is undefined", message)
    if top:
        return suggest(top.group(1), context)
    attribute = re.search(r"has no attribute '([^']+)'", message)
    return suggest(attribute.group(1), _names(context)) if attribute else ""


def check_blocks(env: Any, template: Any) -> None:
    """Raise TemplateError when a template that extends another defines a block the
    parent (or its parents) does not have: it would silently never be shown."""
    from jinja2 import nodes

    source, filename, _ = env.loader.get_source(env, template.name)
    tree = env.parse(source, template.name, filename)
    extends = next(tree.find_all(nodes.Extends), None)
    if extends is None or not isinstance(extends.template, nodes.Const):
        return
    parent_name = str(extends.template.value)
    known: set[str] = set()
    seen: set[str] = set()
    current: str | None = parent_name
    while current is not None and current not in seen:  # up the chain of parents
        seen.add(current)
        known |= set(env.get_template(current).blocks)
        grand = next(env.parse(env.loader.get_source(env, current)[0]).find_all(nodes.Extends),
                     None)
        current = str(grand.template.value) if grand is not None and \
            isinstance(grand.template, nodes.Const) else None
    for block in tree.body:
        if isinstance(block, nodes.Block) and block.name not in known:
            raise TemplateError(f"{filename}:{block.lineno}: block '{block.name}' is not a "
                                f"block of {parent_name}{suggest(block.name, known)}; "
                                "it would never be shown")


@cache
def summary_template(source: str) -> SummaryTemplate:
    """Give a rule's one-line `summary` compiled in the limited sandbox; raise ValueError
    with Jinja2's message if it does not parse, or if it goes past the sandbox's limits
    even without data (`{{ "x" * 100000000 }}`)."""
    from jinja2 import TemplateSyntaxError

    env = LimitedSandbox(max_chars=SUMMARY_MAX_CHARS, max_range=MAX_RANGE, autoescape=False)
    try:
        summary = SummaryTemplate(env.from_string(source))
    except TemplateSyntaxError as exc:
        raise ValueError(f"not a Jinja2 template: {exc.message}") from None
    try:
        summary.render()
    except TemplateLimitError as exc:
        raise ValueError(f"summary template: {exc}") from None
    except Exception:  # without data most templates fail; only the limits count here
        pass
    return summary


class SummaryTemplate:
    """A rule's summary template, rendered within the sandbox's limits."""

    def __init__(self, template: Any) -> None:
        self.template = template

    def render(self, **context: Any) -> str:
        """Give the rendered summary; TemplateLimitError past the limits."""
        return render_limited(self.template, context)

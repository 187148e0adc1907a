"""Digest rendering with Jinja2.

Templates are looked up in the user's folder (config `templates.path`) first,
then in our defaults; `default:NAME` always names our default, so a user's
template can `{% extends "default:digest.md.j2" %}` and override one block.
Missing variables are errors (StrictUndefined); user templates run in the
sandbox; HTML is autoescaped, and in markdown templates every `{{ … }}` is
escaped as markdown text (`alerter.md`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from alerter import md
from alerter.errors import TemplateError

DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_FOR_FORMAT = {"md": "digest.md.j2", "html": "digest.html.j2", "txt": "digest.txt.j2"}
SUBJECT_TEMPLATE = "subject.txt.j2"


def environment(user_dir: Path | None = None) -> Any:
    """Give the Jinja2 environment: user folder, then defaults, with `default:` prefix."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, pass_context
    from jinja2.sandbox import SandboxedEnvironment

    from alerter.wording import counted, load_wording

    @pass_context
    def finalize(context: Any, value: object) -> object:
        return md.finalize_for(context.name, value)

    defaults = FileSystemLoader(str(DEFAULT_TEMPLATES))
    loaders: list[Any] = []
    if user_dir is not None and user_dir.is_dir():
        loaders.append(FileSystemLoader(str(user_dir)))
    loaders += [PrefixLoader({"default": defaults}, delimiter=":"), defaults]
    env = SandboxedEnvironment(
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
    """Give the rendered template, or raise TemplateError naming it and the line."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    try:
        return str(env.get_template(template).render(**context))
    except TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}") from None
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except (JinjaError, TypeError, AttributeError, ValueError, KeyError) as exc:
        # A template's own mistake ("'x' is undefined"); name the template and line.
        line = _template_line(exc)
        raise TemplateError(f"{template}{line}: {exc}") from None


def _template_line(exc: BaseException) -> str:
    tb = exc.__traceback__
    line = ""
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = f":{tb.tb_lineno}"
        tb = tb.tb_next
    return line


@cache
def summary_template(source: str) -> Any:
    """Give a rule's one-line `summary` compiled in the Jinja2 sandbox; raise ValueError
    with Jinja2's message if it does not parse."""
    from jinja2 import TemplateSyntaxError
    from jinja2.sandbox import SandboxedEnvironment

    try:
        return SandboxedEnvironment(autoescape=False).from_string(source)
    except TemplateSyntaxError as exc:
        raise ValueError(f"not a Jinja2 template: {exc.message}") from None

"""The Jinja2 sandbox our templates run in, with limits on what a template can make.

Jinja2's own sandbox stops templates from reaching Python internals, but not from
building a 100 MB string (`{{ "x" * 100000000 }}`) or looping for hours. Here every
value a template makes with `*`, `+`, `~`, `%` or `**`, every filter and method result,
every `range()` and the rendered output are held under `max_chars`; loops over
`range()` share one budget per render. What goes over raises `TemplateLimitError`.

Not bounded: a loop over a long list the template was given, doing nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.nodes import Concat
from jinja2.sandbox import SandboxedEnvironment

# a width or precision in a format string ("%999999999s", "{:>999999999}")
_BIG_WIDTH = re.compile(r"\d{7,}")
# a width taken from the arguments: "%*s", "{:>{}}"
_ARGUMENT_WIDTH = re.compile(r"%[-+ #0]*\*|\{[^{}]*:[^{}]*\{")
_SIZED = (str, list, tuple)
# filters and str methods whose number arguments are widths or counts of what they make
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "batch", "slice"})
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_budget: ContextVar[list[int] | None] = ContextVar("alerter_range_budget", default=None)


class TemplateLimitError(SecurityError):
    """A template went past the sandbox's limits on size or loops."""


class _LimitedCodeGenerator(CodeGenerator):
    """Jinja2's code generator, with `a ~ b` checked like the other operators (Jinja2
    does not route it through the sandbox)."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedSandbox(SandboxedEnvironment):
    """A sandboxed environment whose templates cannot make values or output longer than
    `max_chars`, nor loop over more than `max_range` numbers in one render."""

    intercepted_binops = frozenset({"*", "+", "%", "**"})
    code_generator_class = _LimitedCodeGenerator

    def __init__(self, *, max_chars: int, max_range: int, **options: Any) -> None:
        super().__init__(**options)
        self.max_chars = max_chars
        self.max_range = max_range
        self.globals["range"] = self._range
        self.filters = {name: self._limited_filter(name, f) for name, f in self.filters.items()}

    def _too_long(self, what: str) -> TemplateLimitError:
        return TemplateLimitError(f"{what} longer than {self.max_chars:,} characters; refused")

    def _check_size(self, value: Any) -> Any:
        if isinstance(value, _SIZED) and len(value) > self.max_chars:
            raise self._too_long("a value")
        return value

    def _check_ints(self, values: Any) -> None:
        for value in values:
            if isinstance(value, int) and not isinstance(value, bool) and \
                    abs(value) > self.max_chars:
                raise self._too_long("a width or count")

    def _check_format(self, text: Any, args: Any) -> None:
        """Refuse a format string with a huge width, or one taking its width from the
        arguments (`%*s`, `{:>{}}`) when an argument is huge."""
        if not isinstance(text, str):
            return
        if _BIG_WIDTH.search(text):
            raise self._too_long("a formatted value")
        if _ARGUMENT_WIDTH.search(text):
            self._check_ints(args if isinstance(args, tuple) else (args,))

    def checked_concat(self, value: str) -> str:
        """Give a `~` result, refused when it is too long."""
        if len(value) > self.max_chars:
            raise self._too_long("a joined value")
        return value

    def _range(self, *args: int) -> range:
        try:
            values = range(*args)
            size = len(values)
        except OverflowError:
            size = self.max_range + 1
        budget = _budget.get()
        left = (budget[0] if budget is not None else self.max_range) - size
        if left < 0:
            raise TemplateLimitError(f"loops over more than {self.max_range:,} numbers in "
                                     "one template; refused")
        if budget is not None:
            budget[0] = left
        return values

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, _SIZED) and isinstance(times, int) and \
                        len(seq) * times > self.max_chars:
                    raise self._too_long("a repeated value")
        elif operator == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
            if len(left) + len(right) > self.max_chars:
                raise self._too_long("a joined value")
        elif operator == "%":
            self._check_format(left, right)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and \
                right > 0 and abs(left) > 1 and abs(left).bit_length() * right > 4 * self.max_chars:
            raise self._too_long("a number")
        return self._check_size(super().call_binop(context, operator, left, right))

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(__obj, "__name__", "")
        if name in _WIDTH_METHODS:
            self._check_ints((*args, *kwargs.values()))
        elif name in ("format", "format_map"):
            # Jinja2 wraps str.format at attribute access; the string is the wrapped's self
            method = getattr(__obj, "__wrapped__", __obj)
            self._check_format(getattr(method, "__self__", None), (*args, *kwargs.values()))
        return self._check_size(super().call(__context, __obj, *args, **kwargs))

    def _limited_filter(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        # filters that take the context or environment first get one more leading argument
        skip = 2 if getattr(function, "jinja_pass_arg", None) else 1

        @functools.wraps(function)
        def limited(*args: Any, **kwargs: Any) -> Any:
            value = args[skip - 1] if len(args) >= skip else None
            if name in _WIDTH_FILTERS:
                self._check_ints((*args[skip:], *kwargs.values()))
            elif name == "format":
                self._check_format(value, (*args[skip:], *kwargs.values()))
            elif name == "replace" and isinstance(value, str) and len(args) > skip + 1:
                old, new = str(args[skip]), str(args[skip + 1])
                times = value.count(old) if old else len(value) + 1
                if len(value) + times * len(new) > self.max_chars:
                    raise self._too_long("a replaced value")
            return self._check_size(function(*args, **kwargs))

        return limited


@contextmanager
def _loop_budget(env: Any) -> Iterator[None]:
    token = _budget.set([env.max_range] if isinstance(env, LimitedSandbox) else None)
    try:
        yield
    finally:
        _budget.reset(token)


def render_limited(template: Any, context: dict[str, Any]) -> str:
    """Give the rendered template, streamed so that output past the environment's
    `max_chars` stops it with TemplateLimitError instead of filling memory."""
    env = template.environment
    limit = env.max_chars if isinstance(env, LimitedSandbox) else None
    parts: list[str] = []
    size = 0
    with _loop_budget(env):
        for part in template.generate(**context):
            size += len(part)
            if limit is not None and size > limit:
                raise TemplateLimitError(f"output longer than {limit:,} characters; refused")
            parts.append(part)
    return "".join(parts)

"""Fuzzing the parsers that take user or outside input, with Hypothesis.

For each: the config loader, the rule loader, the YAML loader (as taxonomy and
gazetteer files read it), front matter and .txt/.md files, JSON and JSONL files,
feed bytes and HTML pages. The property is the same: only our own errors
(alerter/errors.py) come out, every message is one printable line, every document
read is text that UTF-8 can hold, and each example finishes within the deadline
without taking memory. Inputs mix random text with fragments chosen to hurt: anchors and aliases,
tags, impossible dates, long numbers, deep nesting, lone surrogates, entities.

The budget (max_examples per target) keeps the file within about a minute on a
busy 2-core machine; `pytest tests/test_fuzz.py --hypothesis-show-statistics`
prints how many examples each target ran.
"""

from __future__ import annotations

import json
import resource
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from itertools import count
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alerter import sources
from alerter.config import load_config
from alerter.errors import ConfigError, Problem, RuleError
from alerter.rules.conditions import FIELDS, GROUPS, OPERATORS
from alerter.rules.loader import load_rules
from alerter.rules.model import Rule
from alerter.sources.feeds import parse_feed
from alerter.yamlfile import read_mapping_file

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")

settings.register_profile(
    "alerter", deadline=timedelta(seconds=5), derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("alerter")

MEMORY_MB = 400  # more than this above the peak before a target counts as a blow-up
CODES = frozenset({"USA", "RUS", "GBR", "EU", "CHN"})
_names = count()


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@pytest.fixture(autouse=True)
def bounded_memory() -> Iterator[None]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown < MEMORY_MB, f"peak memory grew by {grown:.0f} MB"


def write(folder: Path, suffix: str, data: str | bytes) -> Path:
    path = folder / f"f{next(_names)}{suffix}"
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8", "surrogatepass"))
    else:
        path.write_bytes(data)
    return path


def one_line(problem: Problem | str) -> None:
    text = str(problem)
    assert "\n" not in text.strip(), text
    text.encode("utf-8")  # printable: no lone surrogate in a message


# -- inputs ------------------------------------------------------------------------

YAML_BITS = [
    "\n", "  ", "- ", ": ", "a", "id", "when", "type", "key", ", ", "[", "]", "{", "}",
    "&a ", "*a", "&b ", "*b", "<<: *a", "? ", "---\n", "...\n", "%YAML 1.1\n", "!!binary ",
    "!!timestamp ", "!!int ", "!!float ", "!!set ", "!!omap ", "!!python/object:os.system ",
    "!custom ", "2023-02-30", "2023-02-24T25:61:00", "0x" + "f" * 120, "1" * 5000, "1e9999",
    ".nan", "~", "null", "yes", '"\\udc00"', '"\\x00"', "'", '"', "|\n  ", ">\n  ", "#",
    "\t", "\ufeff", "\u202e", "${SMTP_PASSWORD}", "${NO_SUCH_VARIABLE}", "[" * 60, "]" * 60,
    "SANCTION", "asserted", "actor.code", "USA", "10s", "30d", "every dya",
]
yaml_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=4)), max_size=60)
    .map("".join),
)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=30), st.sampled_from(["SANCTION", "asserted", "USA", "30d", "6h",
                                           "daily 07:00", "md", "file", "email", "x@y.z"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False)


CONFIG_KEYS = ["sources", "http", "nlp", "store", "rules", "templates", "output", "schedule",
               "smtp", "subscriptions", "sorces", "path", "url", "name", "channel", "to",
               "formats", "schedule", "timezone", "timeout", "max_bytes", "follow_redirects",
               "host", "port", "from", "password"]
config_data = st.dictionaries(st.sampled_from(CONFIG_KEYS), st.one_of(
    values, st.lists(st.dictionaries(st.sampled_from(CONFIG_KEYS), values, max_size=5),
                     max_size=3),
    st.dictionaries(st.sampled_from(CONFIG_KEYS), values, max_size=5)), max_size=8)

RULE_KEYS = [*Rule.model_fields, "wen", "serverity"]
WHEN_KEYS = [*FIELDS, *GROUPS, *OPERATORS, "tipe"]
conditions = st.recursive(
    st.dictionaries(st.sampled_from(WHEN_KEYS), values, max_size=4),
    lambda inner: st.one_of(st.dictionaries(st.sampled_from(WHEN_KEYS), inner, max_size=3),
                            st.dictionaries(st.sampled_from(list(GROUPS)),
                                            st.lists(inner, max_size=3), max_size=2)),
    max_leaves=12)
rule_data = st.one_of(
    st.dictionaries(st.sampled_from(RULE_KEYS), values, max_size=8),
    st.fixed_dictionaries({"id": st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
                           "name": st.text(max_size=20), "when": conditions},
                          optional={"summary": st.sampled_from(
                              ["{{ event.type }}", "{{ 'x' * 99999999 }}", "{{ x",
                               "{% for i in range(99999999) %}{% endfor %}",
                               "{{ ''.__class__ }}"]),
                              "threshold": values, "new": values, "throttle": values,
                              "severity": values}),
)

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text(max_size=40)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=15)
records = st.fixed_dictionaries(
    {}, optional={"id": json_values, "text": st.one_of(st.text(max_size=200), json_values),
                  "title": json_values, "url": json_values, "published": json_values,
                  "source": json_values, "extra": json_values})
JSON_BITS = ['"\\udc00"', '"\\ud800\\udc00"', "[" * 3000, "{" * 50, "1" * 5000, "NaN",
             "Infinity", '{"text": ', "}", "]", ",", "\n", '"id"', ": ", "null", "\\"]
json_text = st.one_of(
    st.lists(records, max_size=4).map(lambda rs: "\n".join(json.dumps(r) for r in rs)),
    st.lists(records, max_size=4).map(json.dumps),
    st.lists(st.one_of(st.sampled_from(JSON_BITS), st.text(max_size=6)), max_size=30)
    .map("".join),
)

markup = st.text(max_size=80)
FEED_BITS = ["<", ">", "&", "&amp;", "&#0;", "&#xdc00;", "&#x202e;", "&lol;", "<![CDATA[",
             "]]>", "<!DOCTYPE r [<!ENTITY lol \"lol\">]>", "<script>x</script>",
             "<a href='javascript:x'>", "\x00", "\x01", "\udc00", "<item>", "</item>",
             "<entry>", "</entry>", "<title>", "</title>", "<p>", "</div>"]
feed_field = st.one_of(markup, st.lists(st.one_of(st.sampled_from(FEED_BITS), markup),
                                        max_size=8).map("".join))


@st.composite
def feed_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["rss", "atom", "raw"]))
    if kind == "raw":
        return draw(st.binary(max_size=400))
    title, text, link, date = (draw(feed_field) for _ in range(4))
    if kind == "rss":
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
                f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
                f"<description>{text}</description></item></channel></rss>")
    else:
        body = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/'
                f'Atom"><title>{title}</title><entry><id>{link}</id><title>{title}</title>'
                f'<updated>{date}</updated><content type="html">{text}</content></entry>'
                "</feed>")
    return body.encode("utf-8", draw(st.sampled_from(["surrogatepass", "replace"])))


def check_documents(location: Path | str, data: Any = None) -> None:
    """Read a location through the sources, as the pipeline does; check the property."""
    problems: list[Problem] = []
    for document in sources.read([str(location)], on_problem=problems.append):
        for value in (document.text, document.title, document.source, document.url,
                      document.id):
            if value is not None:
                value.encode("utf-8")
    for problem in problems:
        one_line(problem)


# -- targets -----------------------------------------------------------------------

@settings(max_examples=400)
@given(text=st.one_of(yaml_text, config_data.map(dump)))
@example(text="\x1f")  # found: a character YAML refuses gave a two-line message, no line
@example(text="a: &a [*a]\n")
def test_config_loader(folder: Path, text: str) -> None:
    path = write(folder, ".yaml", text)
    try:
        load_config(path)
    except ConfigError as exc:
        for problem in exc.problems:
            one_line(problem)


@settings(max_examples=400)
@given(text=st.one_of(yaml_text, st.lists(rule_data, min_size=1, max_size=3)
                      .map(lambda rules: "---\n".join(dump(r) for r in rules))))
@example(text="0:\nwhen:\n  0:\n  actor.code:\n  - []")  # found: TypeError (unhashable)
@example(text="0:\n? '\n\n'")  # found: an unknown key with a line break in the message
def test_rule_loader(folder: Path, text: str) -> None:
    path = write(folder, ".yaml", text)
    try:
        load_rules([path], CODES)
    except RuleError as exc:
        for problem in exc.problems:
            one_line(problem)


@settings(max_examples=700)
@given(text=yaml_text)
@example(text="!!int")  # found: IndexError from PyYAML's constructor
@example(text="a: 2023-02-30")  # ValueError from PyYAML's constructor
def test_yaml_loader(folder: Path, text: str) -> None:
    path = write(folder, ".yaml", text)
    try:
        read_mapping_file(path, ConfigError)
    except ConfigError as exc:
        for problem in exc.problems:
            one_line(problem)


@settings(max_examples=600)
@given(front=st.one_of(yaml_text, values.map(dump)), body=st.text(max_size=200),
       suffix=st.sampled_from([".md", ".txt"]))
def test_front_matter_and_text_files(folder: Path, front: str, body: str,
                                     suffix: str) -> None:
    check_documents(write(folder, suffix, f"---\n{front}\n---\n{body}"))


@settings(max_examples=300)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".md", ".txt"]))
def test_text_file_bytes(folder: Path, data: bytes, suffix: str) -> None:
    check_documents(write(folder, suffix, data))


@settings(max_examples=400)
@given(text=json_text, suffix=st.sampled_from([".json", ".jsonl"]))
def test_json_and_jsonl_files(folder: Path, text: str, suffix: str) -> None:
    check_documents(write(folder, suffix, text))


RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><item>%s</item></channel></rss>'
ATOM = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<entry>%s</entry></feed>")


@settings(max_examples=400, deadline=timedelta(seconds=10))
@given(data=feed_bytes())
# found: feedparser raised UnicodeEncodeError on a surrogate character reference,
@example(data=RSS % b"<title>a</title><pubDate>&#XD800;</pubDate>")
# KeyError on a broken end tag in a link,
@example(data=RSS % b"<title>a</title><link></ITEM</link><description>b</description>")
# and we raised TypeError on an entry whose content feedparser left as None
@example(data=ATOM % b"<id>x</id><title>a</title><updated><TITLE</updated>"
         b'<content type="html"></content>')
def test_feed_bytes(folder: Path, data: bytes) -> None:
    problems: list[Problem] = []
    for raw in parse_feed(data, "feed.xml", problems.append):
        for value in (raw.text, raw.title, raw.source, raw.url, raw.id):
            if value is not None:
                str(value).encode("utf-8")
    for problem in problems:
        one_line(problem)
    check_documents(write(folder, ".xml", data))



@settings(max_examples=100, deadline=timedelta(seconds=10))
@given(head=feed_field, body=st.lists(feed_field, max_size=6))
def test_html_files(folder: Path, head: str, body: list[str]) -> None:
    page = (f"<html><head><title>{head}</title></head><body><article>"
            + "".join(f"<p>{part}</p>" for part in body) + "</article></body></html>")
    check_documents(write(folder, ".html", page))

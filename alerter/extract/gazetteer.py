"""Participant names mapped to codes: ISO 3166-1 alpha-3 for countries and what
belongs to them, an acronym for international organisations.

Country names and codes come from pycountry; our `data/gazetteer.yaml` adds
short names, demonyms, capitals, metonyms and agencies; a user's file of the
same shape (`nlp.gazetteer`) adds more.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
from pydantic import BaseModel, ConfigDict

from alerter.errors import RuleError
from alerter.validation import validate
from alerter.yamlfile import read_mapping_file

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.yaml"


@dataclass(frozen=True)
class Entry:
    code: str
    kind: str  # "country" or "organisation"
    lowercase: bool = False  # written in lower case: match regardless of case


def _add(table: dict[str, Entry], name: str, entry: Entry) -> None:
    if name.strip() == name.strip().lower():
        entry = Entry(entry.code, entry.kind, lowercase=True)
    key = name.strip().lower()
    if key.startswith("the "):
        table.setdefault(key[4:], entry)
    table.setdefault(key, entry)


class GazetteerFile(BaseModel):
    """The shape of a gazetteer file: code → names, for countries and organisations."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    countries: dict[str, list[str]] = {}
    organisations: dict[str, list[str]] = {}


def _read(path: Path, table: dict[str, Entry]) -> None:
    doc = read_mapping_file(path, RuleError)
    data, problems = validate(GazetteerFile, doc)
    if problems or data is None:
        raise RuleError(problems)
    for code, names in data.countries.items():
        for name in names:
            _add(table, name, Entry(code, "country"))
    for code, names in data.organisations.items():
        for name in names:
            _add(table, name, Entry(code, "organisation"))


@cache
def load_gazetteer(extra: str | None = None) -> dict[str, Entry]:
    """Give lower-cased name → Entry, our file and the user's taking precedence over pycountry."""
    table: dict[str, Entry] = {}
    if extra is not None:
        _read(Path(extra), table)
    _read(DEFAULT_PATH, table)
    for country in pycountry.countries:
        entry = Entry(country.alpha_3, "country")
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                _add(table, value, entry)
    return table

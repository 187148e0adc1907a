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
import yaml

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


def _read(path: Path, table: dict[str, Entry]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for code, names in (data.get("countries") or {}).items():
        for name in names:
            _add(table, str(name), Entry(str(code), "country"))
    for code, names in (data.get("organisations") or {}).items():
        for name in names:
            _add(table, str(name), Entry(str(code), "organisation"))


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

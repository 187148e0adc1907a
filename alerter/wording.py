"""Codes into words for digest readers: "ESP → MAR: CONSULT" becomes
"Spain → Morocco: talks held".

The words are data (`data/wording.yaml`): names for participant codes (beside
pycountry's country names), the modalities in words, and a phrase per event
type × modality, with a more exact noun per subtype ("arms pledged", "export
controls announced"). A `wording.yaml` in the user's templates folder overrides
any entry. Templates get the same words as filters (`named`, `happening`,
`mode`), registered in `alerter.render`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from alerter.errors import ConfigError
from alerter.models import Event, Participant
from alerter.validation import validate
from alerter.yamlfile import read_mapping_file

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "wording.yaml"
FILE_NAME = "wording.yaml"  # the user's overrides, in their templates folder


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypeWords(_Strict):
    what: str | None = None
    toward: str | None = None
    subtypes: dict[str, str] = {}
    asserted: str | None = None
    planned: str | None = None
    discussed: str | None = None
    negated: str | None = None
    hypothetical: str | None = None


class WordingFile(_Strict):
    """The shape of a wording file; every section optional, so an override can be small."""

    names: dict[str, str] = {}
    modalities: dict[str, str] = {}
    phrases: dict[str, str] = {}
    types: dict[str, TypeWords] = {}


def _read(path: Path) -> WordingFile:
    data, problems = validate(WordingFile, read_mapping_file(path, ConfigError))
    if problems or data is None:
        raise ConfigError(problems)
    return data


def _merge(base: WordingFile, over: WordingFile) -> WordingFile:
    types = dict(base.types)
    for code, words in over.types.items():
        old = types.get(code, TypeWords())
        given = words.model_dump(exclude_unset=True)
        subtypes = {**old.subtypes, **given.pop("subtypes", {})}
        types[code] = old.model_copy(update={**given, "subtypes": subtypes})
    return WordingFile(names={**base.names, **over.names},
                       modalities={**base.modalities, **over.modalities},
                       phrases={**base.phrases, **over.phrases}, types=types)


@dataclass(frozen=True)
class Wording:
    """The words a digest uses for codes, types and modalities."""

    table: WordingFile

    def name(self, code: str) -> str:
        """Give the name readers know for a participant code; the code if none is known."""
        if code in self.table.names:
            return self.table.names[code]
        return _country_name(code) or code

    def participants(self, participants: Iterable[Participant]) -> str:
        """Give the participants by name ("Russia and China"), each once; a participant
        with no code by its own words."""
        names: list[str] = []
        for participant in participants:
            name = self.name(participant.code) if participant.code else \
                " ".join(participant.text.split())
            if name and name not in names:
                names.append(name)
        return join_names(names)

    def noun(self, type_: str, subtype: str | None = None) -> str:
        """Give what an event of the type is, in words: "arms" for AID/military."""
        words = self.table.types.get(type_)
        if words is None:
            return type_ + (f"/{subtype}" if subtype else "")
        if subtype and subtype in words.subtypes:
            return words.subtypes[subtype]
        return words.what or type_.lower()

    def happening(self, type_: str, subtype: str | None, modality: str) -> str:
        """Give the type and modality in words: "arms pledged", "sanctions announced"."""
        words = self.table.types.get(type_, TypeWords())
        pattern = getattr(words, modality, None) if modality in _MODALITIES else None
        pattern = pattern or self.table.phrases.get(modality) or "{what}"
        return pattern.replace("{what}", self.noun(type_, subtype))

    def mode(self, modality: str, hedged: bool = False) -> str:
        """Give how far along and how sure an event is: "planned or promised, unconfirmed"."""
        said = self.table.modalities.get(modality, modality)
        return f"{said}, unconfirmed" if hedged else said

    def toward(self, type_: str) -> str:
        words = self.table.types.get(type_)
        return (words.toward if words is not None else None) or "→"

    def headline(self, event: Event) -> str:
        """Give a story's headline from its event: "Spain → Morocco: talks held",
        "Sanctions announced on Belarus" when no actor is named."""
        what = self.happening(event.type, event.subtype, event.modality)
        actors, targets = self.participants(event.actor), self.participants(event.target)
        if actors and targets:
            line = f"{actors} → {targets}: {what}"
        elif actors:
            line = f"{actors}: {what}"
        elif targets:
            line = f"{what} {self.toward(event.type)} {targets}"
        else:
            line = what
        return line[:1].upper() + line[1:]


_MODALITIES = ("asserted", "planned", "discussed", "negated", "hypothetical")


def counted(number: int, one: str, many: str | None = None) -> str:
    """Give a count with its noun in the right number: "1 story", "2 stories"."""
    return f"{number} {one if number == 1 else (many or one + 's')}"


def join_names(names: list[str]) -> str:
    """Give names joined as in a sentence: "a", "a and b", "a, b and c"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@cache
def _country_name(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None:
        return None
    name = str(getattr(country, "common_name", None) or country.name)
    # "Korea, Republic of" and "Bolivia (Plurinational State of)" read badly: use the code
    return None if "," in name or "(" in name else name


@cache
def _load(user_file: Path | None, _mtime: int = 0) -> Wording:
    table = _read(DEFAULT_PATH)
    if user_file is not None:
        table = _merge(table, _read(user_file))
    return Wording(table)


def load_wording(templates_dir: Path | None = None) -> Wording:
    """Give our wording, with the entries of `<templates_dir>/wording.yaml` over it."""
    user_file = templates_dir / FILE_NAME if templates_dir is not None else None
    if user_file is None or not user_file.is_file():
        return _load(None)
    return _load(user_file, user_file.stat().st_mtime_ns)  # an edited file is read again

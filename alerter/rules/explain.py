"""Conditions and rule state explained in plain words, for digests and `--why-not`.

A match says why it fired in words a reader who never saw the rule understands:
"it is an aid event; its kind is military; it is done or announced; the sentence
says 'delivered'". Codes become names ("the target is Russia"), durations
words ("365 days"). A regular expression is never shown for a condition that
held: the words it matched are. A failed one (for rule authors, in `--why-not`)
shows the pattern, shortened.
"""

from __future__ import annotations

from typing import Any

from alerter.wording import Wording, join_names, load_wording

# what each field is, as the subject of a sentence
SUBJECTS: dict[str, str] = {
    "type": "it", "subtype": "its kind", "modality": "it",
    "hedged": "the reporting", "actor.code": "the actor", "actor.text": "the actor's name",
    "actor.kind": "the actor", "target.code": "the target", "target.text": "the target's name",
    "target.kind": "the target", "items": "the items", "items.quantity": "the quantity",
    "attribution": "the attribution", "confidence": "the confidence", "date": "the date",
    "location": "the place", "text": "the sentence", "trigger": "the trigger word",
    "source": "the source", "url": "the URL", "title": "the title",
}
PATTERN_SHOWN = 40  # characters of a failed pattern shown in --why-not
_UNITS = {"s": "second", "m": "minute", "h": "hour", "d": "day", "w": "week"}


def _words() -> Wording:
    return load_wording()


def subject(path: str) -> str:
    return SUBJECTS.get(path, path)


def value(path: str, item: Any) -> str:
    """Give one value of a field in words: a code by its name, a modality as a phrase."""
    words = _words()
    text = str(item)
    if path in ("actor.code", "target.code"):
        return words.name(text)
    if path == "type":
        noun = words.noun(text)
        return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun} event"
    if path == "modality":
        return words.mode(text)
    if path == "subtype":
        return text.replace("_", " ")
    if path in ("actor.kind", "target.kind"):
        return f"{'an' if text[:1] in 'aeiou' else 'a'} {text}"
    if path in ("text", "trigger", "items", "actor.text", "target.text", "title",
                "attribution", "source", "location"):
        return f"'{text}'"
    return text


def values(path: str, items: list[Any], conjunction: str = "or") -> str:
    shown = [value(path, i) for i in items]
    if path == "modality" and len(shown) > 1:  # phrases with "or" of their own
        shown = [f"“{s}”" for s in shown]
    if len(shown) <= 1:
        return "".join(shown) or "none"
    return f"{', '.join(shown[:-1])} {conjunction} {shown[-1]}"


def equals(path: str, found: list[Any], hit: list[Any], wanted: list[Any]) -> str:
    """Give the words for `path: wanted` against the values found."""
    if path == "hedged":
        shown = hit[0] if hit else (found[0] if found else None)
        said = ("the reporting is unknown" if shown is None else
                "the reporting is hedged (reportedly, allegedly)" if shown else
                "the reporting is not hedged")
        return said if hit else f"{said}, not {'hedged' if wanted[0] else 'unhedged'}"
    verb = "are" if path == "items" else "is"
    if hit:
        return f"{subject(path)} {verb} {value(path, hit[0])}"
    if not found:
        return f"{subject(path)} {verb} not known, not {values(path, wanted)}"
    return f"{subject(path)} {verb} {values(path, found, 'and')}, not {values(path, wanted)}"


def mentions(found: list[str], words: list[Any], op: str, held: bool) -> str:
    """Give the words for `text: {any|all: words}` or `text: word`."""
    listed = join_names([str(w) for w in words])
    if held:
        if op == "all" and len(words) > 1:
            return f"the sentence mentions {listed}"
        return f"the sentence mentions '{found[0]}'"
    if op == "all":
        return f"the sentence does not mention all of {listed}"
    return f"the sentence mentions none of {listed.replace(' and ', ' or ')}"


def exists(path: str, found: list[Any]) -> str:
    verb = "are" if path == "items" else "is"
    if found:
        return f"{subject(path)} {verb} named: {values(path, found, 'and')}"
    return f"{subject(path)} {verb} not named"


def contains(path: str, hit: list[Any], needle: Any) -> str:
    return f"{subject(path)} {'contains' if hit else 'does not contain'} '{needle}'"


def matches(path: str, found: list[Any], hit: list[Any], pattern: str) -> str:
    """Give the words for a `matches` condition: what it matched, or (failed) the
    pattern, shortened."""
    if hit:
        if path in ("trigger", "text"):
            return f"the sentence says '{hit[0]}'"
        return f"{subject(path)} {value(path, hit[0])} is one the rule looks for"
    short = pattern if len(pattern) <= PATTERN_SHOWN else pattern[:PATTERN_SHOWN - 1] + "…"
    shown = values(path, found, "and") if found else "(none)"
    return f"{subject(path)} {shown} does not match the pattern /{short}/"


def compare(path: str, numbers: list[Any], bound: Any, at_least: bool, held: bool) -> str:
    shown = values(path, numbers, "and") if numbers else "not known"
    if held:
        return f"{subject(path)} {shown} is {'at least' if at_least else 'at most'} {bound}"
    return f"{subject(path)} {shown} is {'below' if at_least else 'above'} {bound}"


def excluded(inner: list[str]) -> str:
    return f"but {'; '.join(inner)} (excluded by the rule)"


def none_of(failed: list[str]) -> str:
    return f"none of these holds: {'; '.join(failed)}"


def duration(spec: str, one: str | None = None) -> str:
    """Give a duration in words: "365d" → "365 days", "1d" → "a day" (or `one` + "day":
    "the last day")."""
    text = spec.strip()
    number, unit = text[:-1].strip(), _UNITS.get(text[-1:], "")
    if not unit:
        return text
    if number in ("1", "1.0"):
        return f"{('an ' if unit == 'hour' else 'a ') if one is None else one}{unit}"
    return f"{number} {unit}s"


def key(group_key: str) -> str:
    """Give a rule's group key ("actor.code=IRN; target.code=RUS") in words: "actor
    Iran, target Russia"."""
    if group_key == "all":
        return "all events"
    parts = []
    for part in group_key.split("; "):
        field, _, raw = part.partition("=")
        codes = [c for c in raw.split(",") if c and c != "-"]
        name = {"actor.code": "actor", "target.code": "target", "subtype": "kind"
                }.get(field, field)
        if not codes:
            parts.append(f"no {name}")
        elif field == "type":
            parts.append(join_names([_words().noun(c) for c in codes]))
        else:
            parts.append(f"{name} {join_names([value(field, c) for c in codes])}")
    return ", ".join(parts)


def sentence(because: list[str]) -> str:
    """Give the reasons as one line, starting with a capital."""
    text = "; ".join(because)
    return text[:1].upper() + text[1:]

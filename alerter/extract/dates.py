"""Dates in news text normalised to ISO 8601 against the publication date.

"on February 23" in a text published 2023-02-24 → "2023-02-23"; "by April" →
"2023-04"; "last week" → "2023-W07"; "on Friday" → the last Friday on or
before publication, "by Friday" → the next. Reduced precision is kept, not invented.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}{_YEAR}\b", re.I)
_MONTH_ONLY = re.compile(rf"\b{_MONTH}{_YEAR}\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|"
                      r"saturday|sunday)\b", re.I)


def _year_for(month: int, day: int, published: date) -> int:
    # A date without a year is the nearest one: within the past ten months, or soon after.
    candidate = date(published.year, month, min(day, 28))
    if (candidate - published).days > 60:
        return published.year - 1
    if (published - candidate).days > 300:
        return published.year + 1
    return published.year


def _safe(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_date(text: str, published: date, future: bool = False) -> str | None:
    """Give the ISO 8601 form of a date expression, or None when it is not one we know.

    A weekday is the last one on or before publication, or with `future` ("by Friday",
    "next Friday") the first one on or after it.
    """
    lowered = text.lower().strip()
    if match := _ISO.search(lowered):
        return _safe(int(match[1]), int(match[2]), int(match[3]))
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if match := pattern.search(lowered):
            month = MONTHS[match["month"].lower()]
            day = int(match["day"])
            year = int(match["year"]) if match["year"] else _year_for(month, day, published)
            return _safe(year, month, day)
    if lowered in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return published.isoformat()
    if lowered in ("yesterday", "last night"):
        return (published - timedelta(days=1)).isoformat()
    if lowered == "tomorrow":
        return (published + timedelta(days=1)).isoformat()
    if match := _WEEKDAY.search(lowered):
        if future or lowered.startswith("next "):
            ahead = (WEEKDAYS[match["wd"].lower()] - published.weekday()) % 7
            return (published + timedelta(days=ahead)).isoformat()
        back = (published.weekday() - WEEKDAYS[match["wd"].lower()]) % 7
        if match["last"] and back == 0:
            back = 7
        return (published - timedelta(days=back)).isoformat()
    if "last week" in lowered or "previous week" in lowered:
        year, week, _ = (published - timedelta(days=7)).isocalendar()
        return f"{year}-W{week:02d}"
    if "this week" in lowered:
        year, week, _ = published.isocalendar()
        return f"{year}-W{week:02d}"
    if "next week" in lowered:
        year, week, _ = (published + timedelta(days=7)).isocalendar()
        return f"{year}-W{week:02d}"
    if "last month" in lowered:
        first = published.replace(day=1) - timedelta(days=1)
        return f"{first.year}-{first.month:02d}"
    if "last year" in lowered:
        return str(published.year - 1)
    if match := _MONTH_ONLY.search(lowered):
        if match["month"].lower() == "may" and not match["year"]:
            return None  # the verb "may"; spaCy tags DATE rarely wrongly, but be safe
        month = MONTHS[match["month"].lower()]
        if match["year"]:
            year = int(match["year"])
        else:
            year = published.year if month >= published.month - 6 else published.year + 1
        return f"{year}-{month:02d}"
    if match := re.fullmatch(r"(?:in\s+)?(\d{4})", lowered):
        return match[1]
    return None

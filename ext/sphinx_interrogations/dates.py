"""Dates as users write them: ISO dates are checked, other text is kept as written."""

from __future__ import annotations

import datetime
import re

#: what looks like an ISO date (year, year-month or year-month-day), with ASCII digits only
ISO_LIKE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")


def date_problem(text: str) -> str | None:
    """Why ``text``, written like an ISO date, is not a real one (None if it is fine).

    Text that does not look like an ISO date ("October 10", "Fall 2013") is not judged.
    """
    match = ISO_LIKE.match(text.strip())
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        datetime.date(year or 1, month or 1, day or 1)
    except ValueError as error:
        return f"{text.strip()!r} is not a date ({error}): write YYYY-MM-DD"
    return None


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
#: "October 10", "Oct. 10, 2013", "10 October", "10 October 2013"
MONTH_DAY = re.compile(r"^([A-Za-z]+)\.?\s+([0-9]{1,2})(?:,?\s+([0-9]{4}))?$")
DAY_MONTH = re.compile(r"^([0-9]{1,2})\.?\s+([A-Za-z]+)\.?,?(?:\s+([0-9]{4}))?$")


def _parts(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) a date as written states, any of them unknown; None: no date."""
    text = text.strip()
    if match := ISO_LIKE.match(text):
        year, month, day = (int(part) if part else None for part in match.groups())
        return year, month, day
    if match := MONTH_DAY.match(text):
        month_name, day, year = match.groups()
    elif match := DAY_MONTH.match(text):
        day, month_name, year = match.groups()
    else:
        return None
    month = MONTHS.get(month_name.casefold())
    if month is None:
        return None
    return (int(year) if year else None), month, int(day)


def written_year(text: str) -> int | None:
    """The year a date as written states itself ("2013-10-10", "October 10, 2013"), if any."""
    parts = _parts(text)
    return parts[0] if parts else None


def term_years(year: int | None, start: str = "") -> tuple[int, ...]:
    """The years a term's weeks may fall in: its year, and the next when it has a start date
    (a term starting in autumn may run into January)."""
    if year is None:
        return ()
    return (year, year + 1) if start else (year,)


def full_date(text: str, year: int | None = None, start: str = "") -> str:
    """The ISO date (``2013-10-10``, ``2013-10`` or ``2013``) of a date as written, its year
    taken from its term when it states none; "" when the year is unknown (never invented).

    With the term's ``start`` (ISO), a month and day before the start's fall in the next year.
    """
    parts = _parts(text)
    if parts is None:
        return ""
    stated, month, day = parts
    if stated is None and year is not None and month is not None:
        begins = _parts(start) if start else None
        later = begins is not None and (month, day or 1) < (begins[1] or 1, begins[2] or 1)
        stated = year + 1 if later else year
    if stated is None:
        return ""
    try:
        datetime.date(stated, month or 1, day or 1)
    except ValueError:
        return ""
    return "-".join(
        [f"{stated:04d}", *(f"{part:02d}" for part in (month, day) if part is not None)]
    )


def year_problem(text: str, year: int | None, start: str = "") -> str | None:
    """Why a week's date contradicts its term's year (None if it does not)."""
    stated = written_year(text)
    allowed = term_years(year, start)
    if stated is None or not allowed or stated in allowed:
        return None
    return f"the date {text.strip()!r} is in {stated}, but its term is in {year}"


def with_year(text: str, issued: str) -> str:
    """A date as written, with its year added when it states none ("October 10, 2013")."""
    if not issued or written_year(text) is not None or _parts(text) is None:
        return text
    return f"{text.strip()}, {issued[:4]}"

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

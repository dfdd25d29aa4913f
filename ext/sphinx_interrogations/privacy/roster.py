"""The roster of students: loading and checking it."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path
from typing import Any

from sphinx.errors import ConfigError

from ..identity import clean_name, name_key
from .students import CONSENTS, Student

MAX_NUMBER = 999
ROSTER_COLUMNS = frozenset({"name", "aliases", "consent", "number"})


def load_roster(path: Path) -> list[Student]:
    """Read and check a roster: ``.csv`` (header row) or ``.toml`` (``[[student]]`` tables)."""
    if path.suffix.lower() == ".toml":
        with path.open("rb") as file:
            rows = tomllib.load(file).get("student", [])
        start = 1
    else:
        with path.open(newline="", encoding="utf-8-sig") as file:
            rows = list(csv.DictReader(file))
        start = 2  # the header is row 1
    students = [_student(path, row, start + index) for index, row in enumerate(rows)]
    _check_unique(path, students)
    return students


def _student(path: Path, row: dict[str, Any], number: int) -> Student:
    where = f"{path}, entry {number}"
    unknown = set(row) - ROSTER_COLUMNS
    if unknown:
        raise ConfigError(f"{where}: unknown roster column(s) {sorted(unknown)}")
    name = clean_name(str(row.get("name") or ""))
    if not name_key(name):
        raise ConfigError(f"{where}: a roster entry needs a name")
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = aliases.split(";")
    consent = clean_name(str(row.get("consent") or "pseudonym")).lower()
    if consent not in CONSENTS:
        raise ConfigError(f"{where}: consent must be one of {', '.join(CONSENTS)}")
    fixed = row.get("number")
    digits = str(fixed).strip()
    if fixed in (None, ""):
        fixed = None
    elif not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) <= MAX_NUMBER:
        raise ConfigError(f"{where}: number must be a whole number from 1 to {MAX_NUMBER}")
    return Student(
        name=name,
        aliases=tuple(alias for alias in map(clean_name, aliases) if name_key(alias)),
        consent=consent,
        number=None if fixed is None else int(fixed),
        row=number,
    )


def _check_unique(path: Path, students: list[Student]) -> None:
    spelled: dict[str, Student] = {}
    numbered: dict[int, Student] = {}
    for student in students:
        for spelling in student.spellings:
            other = spelled.setdefault(name_key(spelling), student)
            if other is not student:
                raise ConfigError(
                    f"{path}: entries {other.row} and {student.row} share a name or alias"
                )
        if student.number is not None:
            other = numbered.setdefault(student.number, student)
            if other is not student:
                raise ConfigError(f"{path}: entries {other.row} and {student.row} share a number")

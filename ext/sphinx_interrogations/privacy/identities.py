"""Public identities: the pseudonym key, keyed pseudonym codes, and each student's pseudonym."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path
from typing import NamedTuple

from sphinx.errors import ConfigError

from ..identity import name_key
from .students import Student

PSEUDONYM_LABEL = "Student"
#: Digits and consonants only: codes never spell a word or a name.
CODE_ALPHABET = "23456789BCDFGHJKLMNPQRSTVWXZ"
CODE_LENGTH = 4
MIN_KEY_BYTES = 16
HMAC_CONTEXT = b"sphinx-interrogations/pseudonym/v1\0"


class Identity(NamedTuple):
    """Who a student is in the output: display name and family name (for sorting, citing)."""

    name: str
    family_name: str


def read_key(env_name: str, key_file: str) -> bytes | None:
    """The pseudonym key from the environment variable, else the key file (None if neither)."""
    if os.environ.get(env_name):
        key = os.environ[env_name].encode()
        origin = f"environment variable {env_name}"
    elif key_file:
        key = Path(key_file).read_bytes().strip()
        origin = key_file
    else:
        return None
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"the pseudonym key in {origin} is shorter than {MIN_KEY_BYTES} bytes")
    return key


def pseudonym_code(key: bytes, name: str) -> str:
    """Four-character code for a student, from a keyed HMAC of the name's slug."""
    digest = hmac.new(key, HMAC_CONTEXT + name_key(name).encode(), hashlib.sha256).digest()
    value = int.from_bytes(digest[:8], "big")
    code = []
    for _ in range(CODE_LENGTH):
        value, index = divmod(value, len(CODE_ALPHABET))
        code.append(CODE_ALPHABET[index])
    return "".join(code)


def pseudonyms(students: list[Student], key: bytes | None) -> dict[int, str]:
    """Display pseudonym by roster row: fixed numbers as "Student 07", else keyed codes.

    Students without a number are left out when there is no key; a clash of two codes is an
    error (naming rows only: the log must not pair names with pseudonyms).
    """
    chosen: dict[int, str] = {}
    for student in students:
        if student.number is not None:
            chosen[student.row] = f"{PSEUDONYM_LABEL} {student.number:02d}"
        elif key is not None:
            chosen[student.row] = f"{PSEUDONYM_LABEL} {pseudonym_code(key, student.name)}"
    owners: dict[str, int] = {}
    for row, pseudonym in chosen.items():
        owner = owners.setdefault(pseudonym, row)
        if owner != row:
            raise ConfigError(
                f"roster entries {owner} and {row} get the same pseudonym: give one of them a "
                "fixed number"
            )
    return chosen

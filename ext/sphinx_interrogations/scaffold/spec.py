"""What a new archive is made of, checked: course, first term, responder, language, address."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

#: A term key: lowercase ASCII words and numbers joined by single hyphens (``2015-fall``).
TERM_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM_KEY_MAX = 40
YEAR = re.compile(r"^[0-9]{4}$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
DEFAULT_RESPONDER = "Instructor"
DEFAULT_LANGUAGE = "en"


class InputError(ValueError):
    """A value given for the new archive cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class ArchiveSpec:
    """Everything a new archive is written from, each value already checked."""

    path: Path
    course: str
    term: str
    term_title: str
    year: str
    responder: str
    language: str
    baseurl: str


@dataclass(frozen=True, slots=True)
class TermSpec:
    """What a term's page is written from (the fields of :class:`ArchiveSpec` it uses)."""

    term: str
    term_title: str
    year: str
    course: str


def new_term(key: str, course: str = "") -> TermSpec:
    """A term known by its key alone: the title and year the key suggests."""
    return TermSpec(check_term(key), term_title(key), key_year(key), course)


def term_title(key: str) -> str:
    """The title a term key suggests: ``2015-fall`` -> "Fall 2015" (years go last)."""
    parts = key.split("-")
    years = [part for part in parts if YEAR.match(part)]
    words = [part.capitalize() for part in parts if not YEAR.match(part)]
    return " ".join([*words, *years])


def key_year(key: str) -> str:
    """The year a term key names (``2015-fall`` -> "2015"), or ''."""
    return next((part for part in key.split("-") if YEAR.match(part)), "")


def check_text(what: str, value: str, *, required: bool) -> str:
    """One line of text, spaces collapsed, with no control characters."""
    text = " ".join(unicodedata.normalize("NFC", value).split())
    if required and not text:
        raise InputError(f"{what} must not be empty")
    if any(unicodedata.category(char).startswith("C") for char in text):
        raise InputError(f"{what} contains control characters: {value!r}")
    return text


def check_term(key: str) -> str:
    """A safe term key: it names the term's folder, and later its anchors and packages."""
    if not TERM_KEY.match(key) or len(key) > TERM_KEY_MAX:
        raise InputError(
            f"invalid term key {key!r}: use lowercase ASCII letters, digits and single hyphens, "
            f"at most {TERM_KEY_MAX} characters (e.g. 2015-fall)"
        )
    return key


def check_year(year: str, key: str) -> str:
    """A four-digit year (default: the key's), agreeing with the year the key names."""
    year = year.strip() or key_year(key)
    if year and not YEAR.match(year):
        raise InputError(f"invalid year {year!r}: write it with four digits (e.g. 2015)")
    named = key_year(key)
    if named and year != named:
        raise InputError(f"the year {year} contradicts the term key {key!r}, which says {named}")
    return year


def check_language(tag: str) -> str:
    """A language tag that Sphinx's HTML and its LaTeX (babel) both know, e.g. ``en``, ``pt_BR``.

    Returned in Sphinx's form, subtags after an underscore (``pt-BR`` -> ``pt_BR``).
    """
    from docutils.utils import normalize_language_tag
    from docutils.writers.latex2e import Babel

    tag = tag.strip()
    known = LANGUAGE_TAG.match(tag) and any(
        candidate in Babel.language_codes for candidate in normalize_language_tag(tag)
    )
    if not known:
        raise InputError(
            f"invalid language {tag!r}: give a language tag the PDF can typeset, "
            "e.g. en, en_GB, de, fr, es, pt_BR"
        )
    return tag.replace("-", "_")


def check_baseurl(url: str) -> str:
    """Where the archive will be published: an http(s) address, or '' for not yet."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise InputError(
            f"invalid base URL {url!r}: give an http:// or https:// address, or leave it empty"
        )
    return url


def check_path(path: Path, *, force: bool) -> Path:
    """The folder to write into: new, empty, or (with ``force``) one to write over."""
    if path.exists() and not path.is_dir():
        raise InputError(f"{path} exists and is not a folder")
    if path.is_dir() and any(path.iterdir()) and not force:
        raise InputError(
            f"{path} exists and is not empty: choose a new folder, or pass --force to write "
            "the archive's files into it (files of the same name are replaced)"
        )
    return path

"""A loaded roster with its pseudonyms: who is published how, and scrubbing names from text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sphinx.util import logging

from ..i18n import _
from ..identity import name_key, slug
from .identities import Identity, pseudonyms
from .matching import has_line_end_hyphen, is_word_char, match_form
from .mentions import Scrubbed, mentions_pattern, terms_of
from .students import Student, stricter

logger = logging.getLogger(__name__)

#: What replaces a mention of a student who is left out of public builds.
WITHHELD = _("[name withheld]")
WITHHELD_SLUG = "withheld"
#: In an address, a spelling this long is looked for inside any word ("~kmorgul", "jnatani2"),
#: a shorter one (of four letters or more) also after one initial ("eubert"), not in "papers".
ANYWHERE_LETTERS = 6
INITIAL_LETTERS = 4


class Privacy:
    """A loaded roster with its pseudonyms: who is published how, and name scrubbing."""

    def __init__(self, roster: Path, students: list[Student], key: bytes | None) -> None:
        self.roster = roster
        self.students = students
        self.pseudonyms = pseudonyms(students, key)
        self._by_slug = {name_key(s): student for student in students for s in student.spellings}
        self._terms = terms_of(students)
        self._pattern = mentions_pattern(self._terms)
        sure = {"".join(term.runs) for term in self._terms if term.action == "replace"}
        self._loose = sorted(s for s in sure if s.isascii() and len(s) >= INITIAL_LETTERS)

    def missing_pseudonyms(self) -> list[Student]:
        """Students published under a pseudonym who have neither a number nor a key-made code."""
        return [
            student
            for student in self.students
            if student.consent == "pseudonym" and student.row not in self.pseudonyms
        ]

    def identity(
        self, name: str, family_name: str, consent: str | None, location: object
    ) -> Identity | None:
        """The student's public identity, or None when the interrogation is left out."""
        if consent == "exclude":
            return None
        student = self._by_slug.get(name_key(name))
        if student is None:
            logger.error(
                "the student of this interrogation is not in the roster %s: left out of this "
                "public build (add them to the roster)",
                self.roster,
                location=location,
                type="seminar",
                subtype="privacy",
            )
            return None
        chosen = stricter(student.consent, consent)
        if chosen == "named":
            return Identity(name, family_name)
        if chosen == "exclude":
            return None
        pseudonym = self.pseudonyms.get(student.row)
        if pseudonym is None:
            logger.error(
                "no pseudonym for the student of this interrogation: give them a number in the "
                "roster or set the pseudonym key; left out of this public build",
                location=location,
                type="seminar",
                subtype="privacy",
            )
            return None
        return Identity(pseudonym, pseudonym)

    def scrub(self, text: str, *, identifier: bool = False) -> Scrubbed:
        """Replace every sure mention of a student in ``text`` by their public name.

        ``identifier`` gives slugs ("student-07") for anchors and labels instead of display
        names. Unsure mentions are left as written and returned, for a located warning.
        """
        scrubbed = self._scrub(text, identifier, join=True)
        if not has_line_end_hyphen(text):
            return scrubbed
        again = self._scrub(scrubbed.text, identifier, join=False)
        more = tuple(mention for mention in again.unsure if mention not in scrubbed.unsure)
        return Scrubbed(again.text, scrubbed.unsure + more)

    def _scrub(self, text: str, identifier: bool, *, join: bool) -> Scrubbed:
        form, origin = match_form(text, join=join)
        pieces: list[str] = []
        unsure: list[tuple[str, str]] = []
        done = 0
        for match in self._pattern.finditer(form):
            group = match.lastgroup or ""
            term = self._terms[int(group[1:])]
            start = origin[match.start(group)]
            end = origin[match.end(group) - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            if term.action == "keep":
                continue
            if term.action == "unsure":
                unsure.append((text[start:end], term.why))
                continue
            replacement = self._public_name(term.student, identifier)
            separator = "-" if identifier else " "
            if start > 0 and is_word_char(text[start - 1]):
                replacement = separator + replacement
            if end < len(text) and is_word_char(text[end]):
                replacement += separator
            pieces += [text[done:start], replacement]
            done = end
        if not pieces:
            return Scrubbed(text, tuple(unsure))
        return Scrubbed("".join([*pieces, text[done:]]), tuple(unsure))

    def responder_name(self, name: str) -> str | None:
        """The public name of a response's author, from the same identity as an
        interrogation's student: a roster student's pseudonym (None: left out of the build),
        anyone else (staff) as written."""
        student = self._by_slug.get(name_key(name))
        if student is None or student.consent == "named":
            return name
        if student.consent == "exclude" or student.row not in self.pseudonyms:
            return None
        return self.pseudonyms[student.row]

    def names_in_address(self, address: str) -> list[str]:
        """Spellings of students found in a URL or e-mail address (percent-decoded): at word
        boundaries, or inside a word as :data:`ANYWHERE_LETTERS` says."""
        form = match_form(unquote(address))[0]
        found = [
            match[0]
            for match in self._pattern.finditer(form)
            if self._terms[int((match.lastgroup or "")[1:])].action == "replace"
        ]
        if found:
            return list(dict.fromkeys(found))
        words = re.findall(r"[a-z]+", form)
        loose = [
            spelling
            for spelling in self._loose
            if any(_inside(spelling, word) for word in [*words, "".join(words)])
        ]
        return [s for s in loose if not any(s in other for other in loose if other != s)]

    def names_withheld(self, text: str) -> bool:
        """Whether ``text`` (already scrubbed) names a student left out of the build."""
        return bool(re.search(rf"(?<![^\W_]){WITHHELD_SLUG}(?![^\W_])", text))

    def _public_name(self, student: Student, identifier: bool) -> str:
        if student.consent == "exclude" or student.row not in self.pseudonyms:
            return WITHHELD_SLUG if identifier else str(WITHHELD)
        pseudonym = self.pseudonyms[student.row]
        return slug(pseudonym) if identifier else pseudonym


def _inside(spelling: str, word: str) -> bool:
    """Whether ``spelling`` is in ``word`` the way an address writes a name in a word."""
    if len(spelling) >= ANYWHERE_LETTERS:
        return spelling in word
    return word.endswith(spelling) and len(word) - len(spelling) <= 1


def scrub_value(privacy: Privacy, value: Any, *, identifier: bool = False) -> Any:
    """Scrub a string, or every string in a list or tuple; anything else is returned as is."""
    if isinstance(value, str):
        return privacy.scrub(value, identifier=identifier).text
    if isinstance(value, list | tuple):
        return type(value)(scrub_value(privacy, item, identifier=identifier) for item in value)
    return value

"""Finding a student's name in text: every spelling to look for, and what to do where found."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..identity import fold
from .matching import after, before, letter_runs
from .students import Student

COMMON_WORD = "also a common English word"
SHARED_NAME = "a name shared by several students"

#: First or family names that are also everyday English words: a capitalised one in running
#: text may or may not be the student, so it is reported rather than replaced.
_COMMON_WORDS = """
amber angel april archer art august baker banks barber bell best bill bird bishop black
brook brown bush butler cardinal carpenter chase church cook dawn daisy dean don duke earl
early easter english faith field fields fisher ford fox frank free french friday frost glass
gold golden good grace gray green grey hall hardy heather hill holly hope house hunt hunter
iris iron ivy jack joy judge june king knight lane lily little long lord love major mark
marsh mason may miller noble north page park parker pat pearl piper porter potter price rain
ray reed rice rich river rivers rose ruby sawyer sharp shepherd short silver singer sky small
snow south steel sterling stone storm strong summer sunday swan turner violet walker ward
waters weaver west white will wise wolf wood woods young
"""
COMMON_WORDS = frozenset(_COMMON_WORDS.split())

Action = Literal["replace", "keep", "unsure"]

#: Between two letter runs of a name: nothing, or up to three separators ("O'Brien", "O Brien",
#: "obrien", "zoe-o-brien", "Núñez,  José").
SEPARATOR = r"[\W_]{0,3}"


@dataclass(frozen=True, slots=True)
class Term:
    """One way a student's name may be written, and what to do where it is found."""

    runs: tuple[str, ...]
    student: Student
    action: Action
    why: str = ""

    @property
    def before(self) -> str:
        """What must precede the spelling in its script (see :mod:`.matching`)."""
        return before(self.runs[0][0])

    def pattern(self, group: str) -> str:
        """The regular expression of this spelling after :attr:`before`, the name itself in
        ``group``, with the boundary its script needs after it."""
        body = SEPARATOR.join(map(re.escape, self.runs))
        return f"(?P<{group}>{body}){after(self.runs[-1][-1])}"


def mentions_pattern(terms: list[Term]) -> re.Pattern[str]:
    """One expression finding every term (group ``t<index>``): the terms that need the same
    boundary before them share it, so a position inside a word is given up once."""
    by_before: dict[str, list[str]] = {}
    for index, term in enumerate(terms):
        by_before.setdefault(term.before, []).append(term.pattern(f"t{index}"))
    alternatives = [f"{lead}(?:{'|'.join(bodies)})" for lead, bodies in by_before.items()]
    return re.compile("|".join(alternatives) or "(?!)")


def spelled(text: str) -> list[tuple[str, ...]]:
    """The runs of ``text`` as matched, and transliterated when that differs ("李娜": 李娜 and
    li na), so that slugs made from the name ("w01-li-na") are found too."""
    forms = [tuple(letter_runs(text)), tuple(re.findall(r"[^\W_]+", fold(text)))]
    return [form for form in dict.fromkeys(forms) if form]


def terms_of(students: list[Student]) -> list[Term]:
    """Every spelling to look for, longest first (a full name wins over its first name)."""
    parts_of = {student.row: _parts(student) for student in students}
    owners = Counter(part for parts in parts_of.values() for part in set(parts))
    terms: dict[tuple[str, ...], Term] = {}
    for student in students:
        action: Action = "keep" if student.consent == "named" else "replace"
        for spelling in _full_spellings(student):
            terms.setdefault(spelling, Term(spelling, student, action))
        if student.consent == "named":
            continue
        for part in parts_of[student.row]:
            joined = "".join(part)
            if joined in COMMON_WORDS:
                term = Term(part, student, "unsure", COMMON_WORD)
            elif owners[part] > 1:
                term = Term(part, student, "unsure", SHARED_NAME)
            elif len(joined) < 2:
                continue
            else:
                term = Term(part, student, "replace")
            terms.setdefault(part, term)
    return sorted(terms.values(), key=lambda term: -len("".join(term.runs)))


def _full_spellings(student: Student) -> Iterator[tuple[str, ...]]:
    """The name and multi-word aliases, each also family name first ("O'Brien, Zoë")."""
    for spelling in student.spellings:
        words = spelling.split()
        if len(words) < 2:
            continue
        yield from spelled(spelling)
        yield from spelled(" ".join([words[-1], *words[:-1]]))


def _parts(student: Student) -> list[tuple[str, ...]]:
    """Each word of the name and aliases on its own, and each piece of a hyphenated word
    ("Anne-Marie", "Anne", "Marie", "Ng")."""
    words = [word for spelling in student.spellings for word in spelling.split()]
    pieces = [piece for word in words for piece in (word, *word.split("-"))]
    return list(dict.fromkeys(form for piece in pieces for form in spelled(piece)))


class Scrubbed(NamedTuple):
    """Text with names replaced, and the mentions left as written because unsure."""

    text: str
    unsure: tuple[tuple[str, str], ...]

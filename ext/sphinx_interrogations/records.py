"""The catalogue's records: plain typed values for terms, weeks, interrogations and responses.

No Sphinx here. The ``seminar`` domain builds them while reading (:mod:`.reading`, :mod:`.terms`)
and :class:`.catalogue.Catalogue` answers queries over them. Numbers, people and dates are
fields: nothing re-parses a display number or a label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from .identity import name_key

Kind = Literal["week", "interrogation", "response"]


def display_number(week: int, *ordinals: int) -> str:
    """The number shown for an item: "6.1" (week 6, first item), "6.1.2" (its 2nd response)."""
    return ".".join(str(part) for part in (week, *ordinals))


@dataclass(frozen=True, slots=True)
class Person:
    """A person as written (``full``) and their family name; ``literal`` when the name does
    not split into given and family parts (it is then cited and sorted whole)."""

    full: str
    given: str = ""
    family: str = ""
    literal: bool = False

    @classmethod
    def named(cls, full: str, family: str) -> Person:
        """Split ``full`` at its ``family`` name; a name that does not end with it stays whole."""
        given = full.removesuffix(family)
        if family and given != full and (not given or given.endswith(" ")):
            return cls(full, given=given.strip(), family=family)
        return cls(full, family=family, literal=True)

    @classmethod
    def whole(cls, full: str) -> Person:
        """A name never split (an organisation, a mononym, "EOW")."""
        return cls(full, literal=True)

    @property
    def sort_form(self) -> str:
        """ "Khutkyy, Dmytro" (a literal name as written): for indices and citations."""
        if self.literal:
            return self.full
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def short(self) -> str:
        """The family name (else the name whole): "Khutkyy" in "Khutkyy, Week 6"."""
        return self.family or self.full

    @property
    def key(self) -> str:
        """Fold key: two spellings of one person share it (see :func:`.identity.fold`)."""
        return name_key(self.full)


@dataclass(frozen=True, slots=True)
class Term:
    """One offering of a course, declared on its term page (``<key>/index``). Weeks in no
    term's folder belong to the implicit term "" (no page, no title)."""

    key: str
    title: str
    course: str
    year: int | None = None
    #: ISO date of its first session ("" when not given)
    start: str = ""
    #: what starts the anchors of its objects ("" for the term keeping unprefixed anchors)
    prefix: str = ""
    docname: str = ""
    lineno: int = 0

    @property
    def order(self) -> tuple[int, str, str]:
        """Chronological sort key: year, start date, key (the implicit term first)."""
        return (self.year or 0, self.start, self.key)


@dataclass(frozen=True, slots=True, kw_only=True)
class Placed:
    """Where a record is declared: its anchor, document and line, and its term's key."""

    anchor: str
    docname: str
    lineno: int
    term: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Week(Placed):
    """One week (session) of a term; one per document."""

    kind: ClassVar[Kind] = "week"

    number: int
    topic: str
    #: the date as written in the source ("October 10", "2013-10-10")
    date: str
    course: str
    #: the ISO date (full when the term gives the year; "" when the year is unknown)
    issued: str = ""

    @property
    def year(self) -> int | None:
        """The week's year, if known."""
        return int(self.issued[:4]) if self.issued else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry(Placed):
    """What an interrogation and a response share."""

    week: int
    #: an interrogation: its place among the week's interrogations (left-out ones keep
    #: theirs); a response: its place among the responses to its interrogation (1-based)
    ordinal: int
    #: the student who asked (for a response: whose question it answers)
    student: Person
    #: the question's title
    title: str
    aliases: tuple[str, ...] = ()
    #: short hash of the object's text, to notice edits
    digest: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Interrogation(Entry):
    """A student's question in a week."""

    kind: ClassVar[Kind] = "interrogation"

    #: the question's first words, for titles of untitled items
    opening: str = ""
    tags: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()

    @property
    def number(self) -> str:
        """Display number: "6.1"."""
        return display_number(self.week, self.ordinal)

    @property
    def parent(self) -> str:
        """The interrogation it answers: none."""
        return ""

    @property
    def page_anchor(self) -> str:
        """The item that opens the object's page in a page-per-item layout: itself."""
        return self.anchor


@dataclass(frozen=True, slots=True, kw_only=True)
class Response(Entry):
    """An instructor's response to an interrogation."""

    kind: ClassVar[Kind] = "response"
    tags: ClassVar[tuple[str, ...]] = ()
    readings: ClassVar[tuple[str, ...]] = ()

    #: the ordinal of the interrogation answered
    question_ordinal: int
    responder: Person
    #: anchor of the interrogation answered
    parent: str

    @property
    def number(self) -> str:
        """Display number: "6.1.2"."""
        return display_number(self.week, self.question_ordinal, self.ordinal)

    @property
    def page_anchor(self) -> str:
        """A response lives on its question's page."""
        return self.parent


Item = Interrogation | Response
Record = Week | Interrogation | Response


@dataclass(frozen=True, slots=True)
class Target:
    """Where an anchor or alias points: its document, the object's kind and main anchor."""

    docname: str
    kind: Kind
    anchor: str


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """A week with how many interrogations and responses it holds (landing page, navigation)."""

    week: Week
    interrogations: int
    responses: int


IMPLICIT_TERM = Term("", "", "")

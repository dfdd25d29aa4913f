"""The catalogue: plain typed records of the archive, and the query object every output reads.

No Sphinx here. The ``seminar`` domain stores the records per document and merges parallel
reads (:mod:`.store`); indices, registry, citations, meta tags, LaTeX, the public build and the
exporters ask a :class:`Catalogue`. Numbers, people and dates are fields: nothing re-parses a
display number or a label.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
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


class Catalogue:
    """Queries over the records the domain holds (a view: nothing is copied)."""

    def __init__(
        self,
        weeks: Mapping[str, Week],
        items: Mapping[str, Sequence[Item]],
        targets: Mapping[str, Target],
        terms: Mapping[str, Term] | None = None,
        ids: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        self._weeks = weeks
        self._items = items
        self._targets = targets
        self._terms = {term.key: term for term in (terms or {}).values()}
        self._ids = ids or {}

    def terms(self) -> list[Term]:
        """Every term, newest first; the implicit term "" (last) only when it holds weeks."""
        terms = sorted(self._terms.values(), key=lambda term: term.order, reverse=True)
        if any(week.term == "" for week in self._weeks.values()):
            terms.append(IMPLICIT_TERM)
        return terms

    def term(self, key: str) -> Term:
        """The term with ``key`` (the implicit term for "" or a key with no term page)."""
        return self._terms.get(key, IMPLICIT_TERM if not key else Term(key, key, ""))

    def of_term(self, key: str) -> Catalogue:
        """The catalogue of one term only (an LMS course, a PDF book): its weeks and items,
        and the targets they define."""
        weeks = {d: week for d, week in self._weeks.items() if week.term == key}
        items = {d: listed for d, listed in self._items.items() if d in weeks}
        targets = {name: t for name, t in self._targets.items() if t.docname in weeks}
        terms = {term.docname: term for term in self._terms.values() if term.key == key}
        ids = {d: owners for d, owners in self._ids.items() if d in weeks}
        return Catalogue(weeks, items, targets, terms, ids)

    def weeks(self) -> list[Week]:
        """Every week, by term (oldest first) then week number."""
        return sorted(self._weeks.values(), key=self._week_key)

    def weeks_of(self, term: str) -> list[WeekSummary]:
        """The weeks of a term in order, each with its counts of interrogations and responses."""
        summaries = []
        for week in self.weeks():
            if week.term != term:
                continue
            items = self._items.get(week.docname, ())
            asked = sum(isinstance(item, Interrogation) for item in items)
            summaries.append(WeekSummary(week, asked, len(items) - asked))
        return summaries

    def student_terms(self, key: str) -> list[tuple[Term, list[Interrogation]]]:
        """A student's interrogations (by fold key), grouped by term, oldest term first."""
        grouped: dict[str, list[Interrogation]] = {}
        for item in self.interrogations():
            if item.student.key == key:
                grouped.setdefault(item.term, []).append(item)
        return [(self.term(term), items) for term, items in grouped.items()]

    def items(self) -> list[Item]:
        """Every interrogation and response, by week then document order."""
        documents = sorted(self._items, key=self._week_order)
        return [item for docname in documents for item in self._items[docname]]

    def interrogations(self) -> list[Interrogation]:
        """Every interrogation, by week then document order."""
        return [item for item in self.items() if isinstance(item, Interrogation)]

    def items_of(self, docname: str) -> list[Item]:
        """The interrogations and responses of one document, in document order."""
        return list(self._items.get(docname, ()))

    def interrogations_of(self, docname: str) -> list[Interrogation]:
        """The interrogations of one document, in document order."""
        return [item for item in self.items_of(docname) if isinstance(item, Interrogation)]

    def week_of(self, docname: str) -> Week | None:
        """The week a document holds, if any."""
        return self._weeks.get(docname)

    def ids_of(self, docname: str) -> Mapping[str, str]:
        """Every id on a week's page -> the anchor of the interrogation holding it ("" for the
        week's own text): what the packages need to know which page holds a link's target."""
        return self._ids.get(docname, {})

    def target(self, name: str) -> Target | None:
        """Where an anchor or alias points, if anywhere."""
        return self._targets.get(name)

    def lookup(self, name: str) -> Record | None:
        """The week or item an anchor or alias names."""
        found = self._targets.get(name)
        if found is None:
            return None
        if found.kind == "week":
            return self._weeks.get(found.docname)
        return self.item(found.anchor, found.docname)

    def item(self, anchor: str, docname: str | None = None) -> Item | None:
        """The interrogation or response with this anchor or alias."""
        if docname is None:
            found = self._targets.get(anchor)
            if found is None or found.kind == "week":
                return None
            anchor, docname = found.anchor, found.docname
        return next((i for i in self._items.get(docname, ()) if i.anchor == anchor), None)

    def responses_of(self, interrogation: Interrogation) -> list[Response]:
        """The responses to an interrogation, in order."""
        return [
            item
            for item in self._items.get(interrogation.docname, ())
            if isinstance(item, Response) and item.parent == interrogation.anchor
        ]

    def students(self) -> list[tuple[Person, list[Interrogation]]]:
        """Each student (grouped by fold key across weeks) with their interrogations, by sort
        form."""
        grouped: dict[str, list[Interrogation]] = {}
        for item in self.interrogations():
            grouped.setdefault(item.student.key, []).append(item)
        people = [(items[0].student, items) for items in grouped.values()]
        return sorted(people, key=lambda pair: pair[0].sort_form.casefold())

    def neighbours(self, week: Week) -> tuple[Week | None, Week | None]:
        """The weeks before and after ``week`` in its term."""
        same = [w for w in self.weeks() if w.term == week.term]
        index = same.index(week)
        before = same[index - 1] if index > 0 else None
        after = same[index + 1] if index + 1 < len(same) else None
        return before, after

    def anchors(self) -> Iterator[tuple[str, str]]:
        """Every anchor and alias defined now, with its document."""
        for week in self._weeks.values():
            yield week.anchor, week.docname
        for docname, items in self._items.items():
            for item in items:
                for name in (item.anchor, *item.aliases):
                    yield name, docname

    def _week_key(self, week: Week) -> tuple[tuple[int, str, str], int, str]:
        return (self.term(week.term).order, week.number, week.docname)

    def _week_order(self, docname: str) -> tuple[tuple[int, str, str], int, str]:
        week = self._weeks.get(docname)
        return self._week_key(week) if week else (IMPLICIT_TERM.order, 0, docname)

"""The catalogue: the query object every output reads, over the records of :mod:`.records`.

No Sphinx here. The ``seminar`` domain stores the records per document and merges parallel
reads (:mod:`.store`); indices, registry, citations, meta tags, LaTeX, the public build and the
exporters ask a :class:`Catalogue`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from .records import (
    IMPLICIT_TERM,
    Interrogation,
    Item,
    Person,
    Record,
    Response,
    Target,
    Term,
    Week,
    WeekSummary,
)


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

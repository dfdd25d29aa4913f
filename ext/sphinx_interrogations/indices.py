"""Generated indices of the ``seminar`` domain: by student across weeks and terms, and by week
(grouped by term, newest first, once the archive has terms)."""

from __future__ import annotations

from collections import defaultdict

from sphinx.domains import Index, IndexEntry

from .catalogue import Catalogue
from .i18n import _
from .labels import student_entry, week_index_entry, week_label, week_topic_label
from .store import catalogue_of


class StudentIndex(Index):
    """Every student, with their interrogations in all weeks."""

    name = "students"
    localname = _("Index of students")
    shortname = _("students")

    def generate(
        self, docnames: list[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """The index entries, grouped under their headings."""
        catalogue = catalogue_of(self.domain.env)
        letters: dict[str, list[IndexEntry]] = defaultdict(list)
        for person, items in catalogue.students():
            shown = [item for item in items if docnames is None or item.docname in docnames]
            if not shown:
                continue
            entry = student_entry(person)
            letter = entry[0].upper()
            letters[letter].append(IndexEntry(entry, 1, "", "", "", "", ""))
            for item in shown:
                week = catalogue.week_of(item.docname)
                text = week_topic_label(item.week, week.topic if week else "")
                term = catalogue.term(item.term).title  # shown as "Fall 2013: <title>"
                letters[letter].append(
                    IndexEntry(text, 2, item.docname, item.anchor, item.number, term, item.title)
                )
        return sorted(letters.items()), False


class WeekIndex(Index):
    """Every week, with its interrogations in order."""

    name = "weeks"
    localname = _("Index of weeks")
    shortname = _("weeks")

    def generate(
        self, docnames: list[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """The index entries, grouped under their headings."""
        catalogue = catalogue_of(self.domain.env)
        terms = catalogue.terms()
        if all(not term.key for term in terms):
            content = [
                (week_label(summary.week), self.entries(catalogue, summary.week.docname, 0))
                for summary in catalogue.weeks_of("")
                if docnames is None or summary.week.docname in docnames
            ]
            return content, False
        grouped: list[tuple[str, list[IndexEntry]]] = []
        for term in terms:
            entries: list[IndexEntry] = []
            for summary in catalogue.weeks_of(term.key):
                if docnames is None or summary.week.docname in docnames:
                    entries.append(IndexEntry(week_label(summary.week), 1, "", "", "", "", ""))
                    entries += self.entries(catalogue, summary.week.docname, 2)
            if entries:
                grouped.append((term.title or str(_("Weeks outside any term")), entries))
        return grouped, True

    @staticmethod
    def entries(catalogue: Catalogue, docname: str, subtype: int) -> list[IndexEntry]:
        """The interrogations of one week: "6.1 Khutkyy, Dmytro"."""
        return [
            IndexEntry(
                week_index_entry(item), subtype, item.docname, item.anchor, "", "", item.title
            )
            for item in catalogue.interrogations_of(docname)
        ]

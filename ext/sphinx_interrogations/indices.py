"""Generated indices of the ``seminar`` domain: by student across weeks, and by week."""

from __future__ import annotations

from collections import defaultdict

from sphinx.domains import Index, IndexEntry

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
                letters[letter].append(
                    IndexEntry(text, 2, item.docname, item.anchor, item.number, "", item.title)
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
        content: list[tuple[str, list[IndexEntry]]] = []
        for week in catalogue.weeks():
            if docnames is not None and week.docname not in docnames:
                continue
            entries = [
                IndexEntry(week_index_entry(item), 0, item.docname, item.anchor, "", "", item.title)
                for item in catalogue.interrogations_of(week.docname)
            ]
            content.append((week_label(week), entries))
        return content, False

"""Generated indices of the ``seminar`` domain: by student across weeks, and by week."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sphinx.domains import Index, IndexEntry

from .i18n import _

if TYPE_CHECKING:
    from .domain import SeminarDomain
    from .records import CitableRecord


def sort_name(record: CitableRecord) -> str:
    """ "Khutkyy, Dmytro": family name first, for alphabetical indices."""
    given = record.student.removesuffix(record.family_name).strip()
    return f"{record.family_name}, {given}" if given else record.family_name


class StudentIndex(Index):
    """Every student, with their interrogations in all weeks."""

    name = "students"
    localname = _("Index of students")
    shortname = _("students")

    def generate(
        self, docnames: list[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain: SeminarDomain = self.domain  # type: ignore[assignment]
        by_student: dict[str, list[CitableRecord]] = defaultdict(list)
        for record in domain.interrogations():
            if docnames is None or record.docname in docnames:
                by_student[record.student_slug].append(record)
        letters: dict[str, list[IndexEntry]] = defaultdict(list)
        for records in sorted(by_student.values(), key=lambda rs: sort_name(rs[0]).casefold()):
            first = records[0]
            letter = sort_name(first)[0].upper()
            letters[letter].append(IndexEntry(sort_name(first), 1, "", "", "", "", ""))
            for record in records:
                week = domain.week_of(record.docname)
                topic = week.topic if week else ""
                text = _("Week %(week)d: %(topic)s") % {"week": record.week, "topic": topic}
                letters[letter].append(
                    IndexEntry(
                        text, 2, record.docname, record.anchor, record.number, "", record.title
                    )
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
        domain: SeminarDomain = self.domain  # type: ignore[assignment]
        content: list[tuple[str, list[IndexEntry]]] = []
        for week in domain.weeks():
            if docnames is not None and week.docname not in docnames:
                continue
            heading = _("Week %(week)d: %(topic)s") % {"week": week.number, "topic": week.topic}
            entries = [
                IndexEntry(
                    f"{record.number} {sort_name(record)}",
                    0,
                    record.docname,
                    record.anchor,
                    "",
                    "",
                    record.title,
                )
                for record in domain.citables_in(week.docname)
                if record.kind == "interrogation"
            ]
            content.append((heading, entries))
        return content, False

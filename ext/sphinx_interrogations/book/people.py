"""The book's index of students: every student, their interrogations and page numbers.

Appended to the end of the book's doctree (LaTeX's ``doctree-resolved`` holds the whole book);
Sphinx's own LaTeX rendering of the domain's index drops the names, so the book has its own.
"""

from __future__ import annotations

from collections import defaultdict

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ..i18n import _
from ..indices import sort_name
from ..navigation.catalogue import WeekEntry
from ..records import CitableRecord


class student_index(nodes.General, nodes.Element):
    """The index of students; ``people``: (name, [(text, docname, anchor)]) sorted by name."""


def index_node(entries: list[WeekEntry]) -> student_index:
    """The index of the students of ``entries`` (alphabetical by family name)."""
    by_student: dict[str, list[tuple[WeekEntry, CitableRecord]]] = defaultdict(list)
    for entry in entries:
        for record in entry.interrogations:
            by_student[record.student_slug].append((entry, record))
    people = []
    for items in sorted(by_student.values(), key=lambda i: sort_name(i[0][1]).casefold()):
        lines = [
            (
                f"{record.number} "
                + _("Week %(week)d: %(topic)s")
                % {"week": entry.week.number, "topic": entry.week.topic},
                record.docname,
                record.anchor,
            )
            for entry, record in items
        ]
        people.append((sort_name(items[0][1]), lines))
    return student_index(people=people)


def visit_student_index(self: LaTeXTranslator, node: student_index) -> None:
    """A chapter "Index of students": letters, names, then each item with its page."""
    title = self.encode(str(_("Index of students")))
    self.body.append(f"\n\\sphinxseminarstudentindex{{{title}}}\n")
    letter = ""
    for name, lines in node["people"]:
        if name[:1].upper() != letter:
            letter = name[:1].upper()
            self.body.append(f"\\sphinxseminarletter{{{self.encode(letter)}}}\n")
        self.body.append(f"\\sphinxseminarperson{{{self.encode(name)}}}\n")
        for text, docname, anchor in lines:
            page = f"\\sphinxstyleindexpageref{{{docname}:{self.idescape(anchor)}}}"
            self.body.append(f"\\sphinxseminarpersonitem{{{self.encode(text)}}}{{{page}}}\n")
    self.body.append("\\sphinxseminarendstudentindex\n")
    raise nodes.SkipNode

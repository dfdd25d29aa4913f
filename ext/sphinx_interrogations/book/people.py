"""The book's index of students: every student, their interrogations and page numbers.

Appended to the end of the book's doctree (LaTeX's ``doctree-resolved`` holds the whole book);
Sphinx's own LaTeX rendering of the domain's index drops the names, so the book has its own.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ..catalogue import Catalogue
from ..i18n import _
from ..labels import week_label


class student_index(nodes.General, nodes.Element):
    """The index of students; ``people``: (name, [(text, docname, anchor)]) sorted by name."""


def index_node(catalogue: Catalogue) -> student_index:
    """The index of the catalogue's students (alphabetical by family name)."""
    people = []
    for person, items in catalogue.students():
        lines = []
        for item in items:
            week = catalogue.week_of(item.docname)
            label = week_label(week) if week else ""
            lines.append((f"{item.number} {label}".strip(), item.docname, item.anchor))
        people.append((person.sort_form, lines))
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

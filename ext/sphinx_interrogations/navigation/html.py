"""HTML of the navigation: landmarks, the page's table of contents, the page of students."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from ..address import on_page
from ..catalogue import Catalogue
from ..i18n import _
from ..labels import week_label
from ..records import Interrogation, Person
from ..store import catalogue_of
from .catalogue import WeekEntry, caption, entry_of, week_entries

#: the page Sphinx writes for the domain's index of students
STUDENT_INDEX_PAGE = "seminar-students"


def visit_landmark(self: HTML5Translator, node: nodes.Element) -> None:
    """``<nav aria-label="…">`` around the node's children (rendered as usual)."""
    self.body.append(self.starttag(node, "nav", **{"aria-label": node["label"]}))


def depart_landmark(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</nav>\n")


def add_week_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> str | None:
    """``html-page-context``: the header's course and term, the week's students in the page's
    table of contents, and the index of students as a list of people."""
    entries = week_entries(app.env)
    context["seminar_course"] = app.config.interrogations_course or app.config.project
    position = entry_of(entries, pagename)
    context["seminar_term"] = entries[position].term if position is not None else ""
    context["seminar_term_title"] = entries[position].term_title if position is not None else ""
    if position is not None and doctree is not None and context.get("toc"):
        context["toc"] = with_students(context["toc"], entries[position])
        if "furo_hide_toc" in context:  # furo hides a table of contents of one heading
            context["furo_hide_toc"] = False
    template = None
    if pagename == STUDENT_INDEX_PAGE and "content" in context:
        context["body"] = people_page(app, pagename, catalogue_of(app.env))
        template = "page.html"
    for key, value in list(context.items()):
        if isinstance(value, str) and UNLEVELLED_HEADING in value:
            context[key] = with_heading_levels(value)
    return template


#: what Sphinx writes for a toctree's caption: a heading role without the level ARIA requires
UNLEVELLED_HEADING = 'role="heading">'


def with_heading_levels(html: str) -> str:
    """Toctree captions (in the page and the theme's sidebar) with ``aria-level="2"``."""
    return html.replace(UNLEVELLED_HEADING, 'role="heading" aria-level="2">')


def landmark_names() -> dict[str, str]:
    """Names of the unnamed landmarks of themes (furo's two ``<aside>``), by CSS selector."""
    return {
        "aside.sidebar-drawer": str(_("Site navigation")),
        "aside.toc-drawer": str(_("On this page")),
    }


def with_students(toc: str, entry: WeekEntry) -> str:
    """Sphinx's local table of contents with the week's students under the page's heading."""
    head, closing, tail = toc.rpartition("</li>")
    if not closing:
        return toc
    lines = "".join(
        f'<li><a class="reference internal" href="#{escape(record.anchor)}">'
        f"{escape(record.number)} {escape(record.student.full)}</a></li>\n"
        for record in entry.interrogations
    )
    return f'{head}<ul class="seminar-toc-students">\n{lines}</ul>\n{closing}{tail}'


def people_page(app: Sphinx, pagename: str, catalogue: Catalogue) -> str:
    """The index of students: a heading per letter, a name per student, their items below."""
    letters: dict[str, list[tuple[Person, list[Interrogation]]]] = defaultdict(list)
    for person, items in catalogue.students():
        letters[person.sort_form[:1].upper()].append((person, items))
    jump = " ".join(
        f'<a href="#letter-{number}">{escape(letter)}</a>'
        for number, letter in enumerate(letters, start=1)
    )
    heading = escape(str(_("Index of students")))
    letters_label = escape(str(_("Letters")))  # outside f-strings: every Python extracts it
    parts = [
        '<section class="seminar-people">',
        f"<h1>{heading}</h1>",
        f'<nav class="seminar-people-letters" aria-label="{letters_label}">{jump}</nav>',
    ]
    for number, (letter, group) in enumerate(letters.items(), start=1):
        parts.append(f'<section><h2 id="letter-{number}">{escape(letter)}</h2>')
        parts.append('<ul class="seminar-people-list">')
        parts.extend(person_entry(app, pagename, catalogue, *student) for student in group)
        parts.append("</ul></section>")
    parts.append("</section>")
    return "\n".join(parts)


def person_entry(
    app: Sphinx,
    pagename: str,
    catalogue: Catalogue,
    person: Person,
    items: list[Interrogation],
) -> str:
    """One student: the name, then a line per interrogation (week, number, title)."""
    lines = []
    for item in items:
        page = app.builder.get_relative_uri(pagename, item.docname)
        week = catalogue.week_of(item.docname)
        label = week_label(week) if week else ""
        if item.term:
            label = f"{label} ({catalogue.term(item.term).title})"
        text = caption(item)
        lines.append(
            f'<li><a href="{escape(on_page(page, item.anchor))}">{escape(label)}</a> '
            f'<span class="seminar-person-number">{escape(item.number)}</span>'
            + (f' <span class="seminar-person-caption">{escape(text)}</span>' if text else "")
            + "</li>"
        )
    return (
        f'<li class="seminar-person"><h3 class="seminar-person-name">'
        f"{escape(person.sort_form)}</h3>"
        f'<ul class="seminar-person-items">{"".join(lines)}</ul></li>'
    )

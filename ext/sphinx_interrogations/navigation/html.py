"""HTML of the navigation: landmarks, the page's table of contents, the page of students."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from ..i18n import _
from ..indices import sort_name
from ..records import CitableRecord
from .catalogue import WeekEntry, caption, entry_of, excerpts, week_entries

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
    if position is not None and doctree is not None and context.get("toc"):
        context["toc"] = with_students(context["toc"], entries[position], excerpts(doctree))
        if "furo_hide_toc" in context:  # furo hides a table of contents of one heading
            context["furo_hide_toc"] = False
    template = None
    if pagename == STUDENT_INDEX_PAGE and "content" in context:
        context["body"] = people_page(app, pagename, entries)
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


def with_students(toc: str, entry: WeekEntry, found: dict[str, str]) -> str:
    """Sphinx's local table of contents with the week's students under the page's heading."""
    head, closing, tail = toc.rpartition("</li>")
    if not closing:
        return toc
    lines = "".join(
        f'<li><a class="reference internal" href="#{escape(record.anchor)}">'
        f"{escape(record.number)} {escape(record.student)}</a></li>\n"
        for record in entry.interrogations
    )
    return f'{head}<ul class="seminar-toc-students">\n{lines}</ul>\n{closing}{tail}'


def people_page(app: Sphinx, pagename: str, entries: list[WeekEntry]) -> str:
    """The index of students: a heading per letter, a name per student, their items below."""
    by_student: dict[str, list[tuple[WeekEntry, CitableRecord]]] = defaultdict(list)
    for entry in entries:
        for record in entry.interrogations:
            by_student[record.student_slug].append((entry, record))
    people = sorted(by_student.values(), key=lambda items: sort_name(items[0][1]).casefold())
    letters: dict[str, list[list[tuple[WeekEntry, CitableRecord]]]] = defaultdict(list)
    for items in people:
        letters[sort_name(items[0][1])[:1].upper()].append(items)
    captions: dict[str, str] = {}
    for entry in entries:
        if any(r.title == "" for r in entry.interrogations):
            captions.update(excerpts(app.env.get_doctree(entry.week.docname)))
    jump = " ".join(
        f'<a href="#letter-{number}">{escape(letter)}</a>'
        for number, letter in enumerate(letters, start=1)
    )
    parts = [
        '<section class="seminar-people">',
        f"<h1>{escape(str(_('Index of students')))}</h1>",
        f'<nav class="seminar-people-letters" aria-label="{escape(str(_("Letters")))}">'
        f"{jump}</nav>",
    ]
    for number, (letter, group) in enumerate(letters.items(), start=1):
        parts.append(f'<section><h2 id="letter-{number}">{escape(letter)}</h2>')
        parts.append('<ul class="seminar-people-list">')
        for items in group:
            parts.append(person(app, pagename, items, captions))
        parts.append("</ul></section>")
    parts.append("</section>")
    return "\n".join(parts)


def person(
    app: Sphinx,
    pagename: str,
    items: list[tuple[WeekEntry, CitableRecord]],
    captions: dict[str, str],
) -> str:
    """One student: the name, then a line per interrogation (week, number, title)."""
    name = escape(sort_name(items[0][1]))
    lines = []
    for entry, record in items:
        page = app.builder.get_relative_uri(pagename, record.docname)
        numbers = {"week": entry.week.number, "topic": entry.week.topic}
        week = _("Week %(week)d: %(topic)s") % numbers
        text = caption(record, captions)
        lines.append(
            f'<li><a href="{escape(page)}#{escape(record.anchor)}">{escape(week)}</a> '
            f'<span class="seminar-person-number">{escape(record.number)}</span>'
            + (f' <span class="seminar-person-caption">{escape(text)}</span>' if text else "")
            + "</li>"
        )
    return (
        f'<li class="seminar-person"><h3 class="seminar-person-name">{name}</h3>'
        f'<ul class="seminar-person-items">{"".join(lines)}</ul></li>'
    )

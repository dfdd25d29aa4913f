"""Navigation put into the doctrees once every document is read (``doctree-resolved``).

Week pages of the web archive get their list of students and the links to the weeks around
them; every builder gets the table of the ``week-overview`` directive.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.nodes import make_refnode

from ..address import PUBLISHING_BUILDERS
from ..i18n import _
from ..labels import week_label
from ..nodes import week
from .catalogue import WeekEntry, caption, entry_of, week_entries
from .nodes import week_navigation, week_overview, week_pager


def add_navigation(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: fill ``week-overview`` tables; on the web archive, the week's lists."""
    overviews = list(doctree.findall(week_overview))
    web = app.builder.name in PUBLISHING_BUILDERS
    if not overviews and not web:
        return
    entries = week_entries(app.env)
    for placeholder in overviews:
        placeholder.replace_self(overview(app.builder, docname, entries))
    position = entry_of(entries, docname)
    heading = next(doctree.findall(week), None)
    if not web or position is None or heading is None:
        return
    index = heading.parent.index(heading)
    heading.parent.insert(index + 1, students_list(entries[position]))
    links = pager(app.builder, docname, entries, position)
    if links.children:
        heading.parent.insert(index + 1, links)


def counts(entry: WeekEntry) -> str:
    """ "Interrogations: 12 · Responses: 12"."""
    return _("Interrogations: %(asked)d · Responses: %(answered)d") % {
        "asked": len(entry.interrogations),
        "answered": entry.response_count,
    }


def students_list(entry: WeekEntry) -> week_navigation:
    """The counts and one line per student: number, name, title or first words."""
    navigation = week_navigation(label=_("Students this week"), classes=["seminar-week-nav"])
    navigation += nodes.paragraph(text=counts(entry), classes=["seminar-week-counts"])
    listing = nodes.bullet_list(classes=["seminar-week-students"])
    for record in entry.interrogations:
        link = nodes.reference("", "", refid=record.anchor, internal=True)
        link += nodes.inline(text=record.number, classes=["seminar-nav-number"])
        link += nodes.Text(" ")
        link += nodes.inline(text=record.student.full, classes=["seminar-nav-student"])
        line = nodes.paragraph("", "", link)
        text = caption(record)
        if text:
            line += nodes.Text(" ")
            line += nodes.inline(text=text, classes=["seminar-nav-caption"])
        listing += nodes.list_item("", line)
    navigation += listing
    return navigation


def week_link(builder: Builder, fromdoc: str, entry: WeekEntry, text: str) -> nodes.reference:
    """A link to the week's page (its heading)."""
    return make_refnode(
        builder, fromdoc, entry.week.docname, entry.week.anchor, nodes.Text(text), text
    )


def pager(builder: Builder, docname: str, entries: list[WeekEntry], position: int) -> week_pager:
    """ "← Week 5: …" and "Week 7: … →" (either left out at the ends)."""
    links = week_pager(label=_("Weeks"), classes=["seminar-week-pager"])
    listing = nodes.bullet_list()
    neighbours = [
        (position - 1, "seminar-week-previous", _("Previous week")),
        (position + 1, "seminar-week-next", _("Next week")),
    ]
    for other, css, label in neighbours:
        if 0 <= other < len(entries):
            line = nodes.paragraph()
            line += nodes.inline(text=label, classes=["seminar-week-pager-label"])
            line += nodes.Text(" ")
            line += week_link(builder, docname, entries[other], week_label(entries[other].week))
            listing += nodes.list_item("", line, classes=[css])
    if listing.children:
        links += listing
    return links


def overview(builder: Builder, docname: str, entries: list[WeekEntry]) -> nodes.Element:
    """The weeks at a glance: one table per term, newest first, under the term's title (a
    single table while weeks have no term)."""
    container = nodes.container(classes=["seminar-overview"])
    titles = {entry.term: entry.term_title for entry in entries}  # entries: oldest term first
    for term in reversed(titles):
        if term:
            container += nodes.rubric(text=titles[term])
        chosen = [entry for entry in entries if entry.term == term]
        container += overview_table(builder, docname, chosen)
    return container


def overview_table(builder: Builder, docname: str, entries: list[WeekEntry]) -> nodes.table:
    """One table of weeks: number, topic (linked), date, counts."""
    headings = [_("Week"), _("Topic"), _("Date"), _("Interrogations"), _("Responses")]
    table = nodes.table(classes=["seminar-overview-table"], ids=["seminar-weeks-at-a-glance"])
    table += nodes.title(text=_("Weeks at a glance"))
    group = nodes.tgroup(cols=len(headings))
    table += group
    for width in (1, 5, 2, 2, 2):
        group += nodes.colspec(colwidth=width)
    group += nodes.thead("", row([nodes.Text(text) for text in headings]))
    body = nodes.tbody()
    for entry in entries:
        cells: list[nodes.Node] = [
            nodes.Text(str(entry.week.number)),
            week_link(builder, docname, entry, entry.week.topic or week_label(entry.week)),
            nodes.Text(entry.week.date),
            nodes.Text(str(len(entry.interrogations))),
            nodes.Text(str(entry.response_count)),
        ]
        body += row(cells)
    group += body
    return table


def row(cells: list[nodes.Node]) -> nodes.row:
    """A table row of ``cells``."""
    line = nodes.row()
    for cell in cells:
        line += nodes.entry("", nodes.paragraph("", "", cell))
    return line

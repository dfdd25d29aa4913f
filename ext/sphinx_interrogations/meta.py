"""Citation meta tags on week pages (Highwire ``citation_*`` and Dublin Core).

Reference managers such as Zotero read them to save a week page as one item.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .address import Site
from .citation import ISO_DATE
from .labels import week_label
from .store import catalogue_of

DUBLIN_CORE_SCHEMA = '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">\n'


def week_meta(app: Sphinx, docname: str) -> list[tuple[str, str]]:
    """(name, content) pairs describing the week on page ``docname`` ([] if it holds none)."""
    catalogue = catalogue_of(app.env)
    week = catalogue.week_of(docname)
    if week is None:
        return []
    items = catalogue.items_of(docname)
    students = [item.student.full for item in catalogue.interrogations_of(docname)]
    responders = [item.responder.full for item in items if item.kind == "response"]
    authors = list(dict.fromkeys([*students, *responders]))
    title = week_label(week)
    date = week.issued or week.date
    url = Site.of(app.config, app.builder.name).absolute(docname)
    language = app.config.language or ""
    pairs = [("citation_title", title)]
    pairs += [("citation_author", author) for author in authors]
    pairs += [
        ("citation_date", date.replace("-", "/") if ISO_DATE.match(date) else date),
        ("citation_publisher", week.course),
        ("citation_language", language),
        ("citation_fulltext_html_url", url or ""),
        ("DC.title", title),
    ]
    pairs += [("DC.creator", author) for author in authors]
    pairs += [
        ("DC.date", date),
        ("DC.publisher", week.course),
        ("DC.type", "Text"),
        ("DC.language", language),
        ("DC.identifier", url or ""),
    ]
    return [(name, content) for name, content in pairs if content]


def add_citation_meta(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: append the week's citation tags to the page's ``metatags``."""
    pairs = week_meta(app, pagename) if doctree is not None else []
    if not pairs:
        return
    tags = "".join(
        f'<meta name="{escape(name)}" content="{escape(content)}">\n' for name, content in pairs
    )
    context["metatags"] = context.get("metatags", "") + DUBLIN_CORE_SCHEMA + tags

"""The HTML "Cite" control beside each permalink: the permalink and three citation formats.

A ``<details>`` disclosure holds the texts themselves, so they can be read and selected without
JavaScript; ``static/seminar_cite.js`` reveals a copy button beside each (hidden until then).
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from .address import Site, on_page
from .citation import bibtex, citation_for, csl_json, plain_text
from .i18n import _
from .store import catalogue_of

SCRIPT = "seminar_cite.js"
STYLESHEET = "seminar_cite.css"


def cite_control(translator: HTML5Translator, item: nodes.Element) -> str:
    """The control for ``item`` (an interrogation or response), or "" where there are no
    permalinks (e.g. in LMS packages, which link back to the archive instead)."""
    builder = translator.builder
    if not (translator.config.html_permalinks and builder.add_permalinks):
        return ""
    catalogue = catalogue_of(builder.env)
    record = catalogue.item(item["ids"][0])
    if record is None:
        return ""
    link = Site.of(builder.config, builder.name).permalink(record.docname, record.anchor)
    term = catalogue.term(record.term)
    citation = citation_for(record, catalogue.week_of(record.docname), link, term)
    formats = [
        (str(_("Permalink")), f'<a href="{escape(on_page("", record.anchor))}">{escape(link)}</a>'),
        (str(_("Plain text")), escape(plain_text(citation))),
        ("BibTeX", escape(bibtex(citation).rstrip("\n"))),
        ("CSL-JSON", escape(csl_json(citation))),
    ]
    blocks = "".join(format_block(label, text) for label, text in formats)
    summary = escape(str(_("Cite")))
    return (
        '<details class="seminar-cite">'
        f'<summary class="seminar-cite-summary">{summary}</summary>\n'
        f'<div class="seminar-cite-formats">\n{blocks}</div></details>\n'
    )


def format_block(label: str, text: str) -> str:
    """One labelled citation text with its (initially hidden) copy button."""
    copy = escape(str(_("Copy")))
    names = {
        "aria-label": str(_("Copy %s") % label),
        "data-copied": str(_("Copied")),
        "data-failed": str(_("Press Ctrl+C to copy")),
    }
    attributes = " ".join(f'{name}="{escape(value)}"' for name, value in names.items())
    return (
        '<div class="seminar-cite-format">'
        f'<span class="seminar-cite-label">{escape(label)}</span> '
        f'<button type="button" class="seminar-copy" hidden {attributes}>{copy}</button>\n'
        # tabindex: a long citation scrolls, and a keyboard must reach it (WCAG 2.1.1)
        f'<pre class="seminar-cite-text" tabindex="0">{text}</pre></div>\n'
    )

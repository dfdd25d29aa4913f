"""HTML visitors: sphinx-design cards, with distinct (optionally collapsible) responses.

Headings are real ``<h2>``/``<h3>`` elements one level below the enclosing section, so the page
outline stays in order, and each carries Sphinx's permalink (¶).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from .cite import cite_control
from .i18n import _
from .nodes import interrogation, item_heading, item_meta, question, response, week

CARD = "sd-card sd-sphinx-override sd-mb-3 sd-shadow-sm"


def heading_level(translator: HTML5Translator, node: nodes.Element) -> int:
    """``<hN>`` level for an item heading: below the section, responses one deeper."""
    depth = 2 if isinstance(node, response) else 1
    return min(translator.section_level + depth, 6)


def collapsible(translator: HTML5Translator, node: nodes.Element) -> bool:
    """Whether ``node`` is a response shown as a collapsible block."""
    return isinstance(node, response) and translator.config.interrogations_collapsible_responses


def visit_week(self: HTML5Translator, node: week) -> None:
    """Open a week's heading block."""
    self.body.append(self.starttag(node, "div", CLASS="seminar-week"))


def visit_interrogation(self: HTML5Translator, node: interrogation) -> None:
    """Open an interrogation's card."""
    self.body.append(self.starttag(node, "section", CLASS=f"{CARD} seminar-interrogation"))


def depart_section(self: HTML5Translator, node: nodes.Element) -> None:
    """Close a ``<section>``."""
    self.body.append("</section>\n")


def visit_response(self: HTML5Translator, node: response) -> None:
    """Open a response's card (a ``<details>`` when collapsible)."""
    if collapsible(self, node):
        self.body.append(
            self.starttag(node, "details", CLASS=f"{CARD} sd-dropdown seminar-response")
        )
    else:
        self.body.append(self.starttag(node, "section", CLASS=f"{CARD} seminar-response"))


def depart_response(self: HTML5Translator, node: response) -> None:
    """Close a response's card."""
    self.body.append("</div></details>\n" if collapsible(self, node) else "</div></section>\n")


def visit_item_heading(self: HTML5Translator, node: item_heading) -> None:
    """Open an item's card header and heading."""
    item = node.parent
    tag = f"h{heading_level(self, item)}"
    if collapsible(self, item):
        self.body.append('<summary class="sd-summary-title sd-card-header">')
    else:
        self.body.append('<div class="sd-card-header">')
    self.body.append(self.starttag(node, tag, "", CLASS="seminar-heading-text"))


def depart_item_heading(self: HTML5Translator, node: item_heading) -> None:
    """Close the heading with its permalink and Cite control."""
    item = node.parent
    title = (
        _("Permalink to this response")
        if isinstance(item, response)
        else _("Permalink to this interrogation")
    )
    self.add_permalink_ref(item, title)
    self.body.append(f"</h{heading_level(self, item)}>")
    cite = cite_control(self, item)  # inside <summary> it would toggle the response
    if collapsible(self, item):
        self.body.append('</summary>\n<div class="sd-summary-content sd-card-body">\n' + cite)
    elif isinstance(item, response):
        self.body.append(cite + '</div>\n<div class="sd-card-body">\n')
    else:
        self.body.append(cite + "</div>\n")


def visit_item_meta(self: HTML5Translator, node: item_meta) -> None:
    """Open the readings and tags line."""
    self.body.append(self.starttag(node, "p", CLASS="sd-card-text"))


def depart_item_meta(self: HTML5Translator, node: item_meta) -> None:
    """Close the readings and tags line."""
    self.body.append("</p>\n")


def visit_question(self: HTML5Translator, node: question) -> None:
    """Open the card body of a question."""
    self.body.append(self.starttag(node, "div", CLASS="sd-card-body"))


def depart_div(self: HTML5Translator, node: nodes.Element) -> None:
    """Close a ``<div>``."""
    self.body.append("</div>\n")


HANDLERS = {
    week: (visit_week, depart_div),
    interrogation: (visit_interrogation, depart_section),
    question: (visit_question, depart_div),
    response: (visit_response, depart_response),
    item_heading: (visit_item_heading, depart_item_heading),
    item_meta: (visit_item_meta, depart_item_meta),
}

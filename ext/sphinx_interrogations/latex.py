"""LaTeX visitors: framed, page-breaking boxes for questions and responses, PDF bookmarks.

The environments are defined in ``static/sphinxseminar.sty`` (tcolorbox, breakable).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from .address import Site
from .identity import pdf_destination
from .labels import bookmark as bookmark_text
from .nodes import interrogation, item_heading, item_meta, question, response, week
from .store import catalogue_of


def bookmark(self: LaTeXTranslator, node: nodes.Element, level: int, text: str) -> None:
    """A PDF bookmark at hyperref ``level`` (chapter = 0) named ``text``, and the node's targets."""
    # Keep the bookmark on the page where the item starts (not at the foot of the one before).
    self.body.append("\n\\needspace{5\\baselineskip}\\phantomsection")
    self.body.append(f"\\sphinxseminarbookmark{{{level}}}{{{self.encode(text)}}}")
    self.body.append(f"{{{pdf_destination(node['ids'][0])}}}\n")
    for anchor in node["ids"]:
        self.body.append(self.hypertarget(anchor, anchor=False))
    self.body.append("\n")


def visit_week(self: LaTeXTranslator, node: week) -> None:
    """Targets of the week, then open its box."""
    self.body.append("\n")
    for anchor in node["ids"]:
        self.body.append(self.hypertarget(anchor, anchor=False))
    self.body.append("\\begin{sphinxseminarweek}\n")


def depart_week(self: LaTeXTranslator, node: week) -> None:
    """Close the week's box."""
    self.body.append("\n\\end{sphinxseminarweek}\n")


def item_bookmark(self: LaTeXTranslator, node: nodes.Element) -> str:
    """The PDF outline text of an interrogation or response, from its record."""
    record = catalogue_of(self.builder.env).item(node["ids"][0])
    return bookmark_text(record) if record is not None else ""


def visit_interrogation(self: LaTeXTranslator, node: interrogation) -> None:
    """Bookmark the interrogation and open its box."""
    bookmark(self, node, self.sectionlevel, item_bookmark(self, node))
    self.body.append("\\begin{sphinxseminarinterrogation}\n")


def depart_interrogation(self: LaTeXTranslator, node: interrogation) -> None:
    """Close the interrogation's box."""
    self.body.append("\n\\end{sphinxseminarinterrogation}\n")


def visit_question(self: LaTeXTranslator, node: question) -> None:
    """Open the question's box."""
    self.body.append("\n\\begin{sphinxseminarquestion}\n")


def depart_question(self: LaTeXTranslator, node: question) -> None:
    """Close the question's box."""
    self.body.append("\n\\end{sphinxseminarquestion}\n")


def visit_response(self: LaTeXTranslator, node: response) -> None:
    """Bookmark the response and open its box."""
    bookmark(self, node, self.sectionlevel + 1, item_bookmark(self, node))
    self.body.append("\\begin{sphinxseminarresponse}\n")


def depart_response(self: LaTeXTranslator, node: response) -> None:
    """Close the response's box."""
    self.body.append("\n\\end{sphinxseminarresponse}\n")


def visit_item_heading(self: LaTeXTranslator, node: item_heading) -> None:
    """Open an item's heading."""
    self.body.append("\n\\sphinxseminarheading{")


def depart_item_heading(self: LaTeXTranslator, node: item_heading) -> None:
    """Close the heading and print the permalink."""
    self.body.append("}\n")
    self.body.append(permalink(self, node.parent))


def permalink(self: LaTeXTranslator, item: nodes.Element) -> str:
    """The item's web permalink in small type: a link if absolute, else ``page#anchor`` text."""
    record = catalogue_of(self.builder.env).item(item["ids"][0])
    if record is None:
        return ""
    url = Site.of(self.builder.config, self.builder.name).permalink(record.docname, record.anchor)
    command = "sphinxurl" if "://" in url else "sphinxnolinkurl"
    return f"\\sphinxseminarpermalink{{\\{command}{{{self.encode_uri(url)}}}}}\n"


def visit_item_meta(self: LaTeXTranslator, node: item_meta) -> None:
    """Open the readings and tags line."""
    self.body.append("\n\\sphinxseminarmeta{")


def depart_item_meta(self: LaTeXTranslator, node: item_meta) -> None:
    """Close the readings and tags line."""
    self.body.append("}\n")


HANDLERS = {
    week: (visit_week, depart_week),
    interrogation: (visit_interrogation, depart_interrogation),
    question: (visit_question, depart_question),
    response: (visit_response, depart_response),
    item_heading: (visit_item_heading, depart_item_heading),
    item_meta: (visit_item_meta, depart_item_meta),
}

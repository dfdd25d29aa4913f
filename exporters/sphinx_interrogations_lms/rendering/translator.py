"""Sphinx's HTML translator, made to write plain semantic HTML for LMS pages.

An interrogation is a ``<section>`` with an ``<h2>`` heading; its question follows, then each
response as a ``<section>`` with an ``<h3>`` heading and its text in a ``<blockquote>``, so it
stays visibly distinct without any stylesheet. No permalinks; math stays as ``\\(...\\)`` /
``\\[...\\]`` text for the LMS's own MathJax filter. A flavour's markup policy may write the
wrappers as other elements (Canvas: ``<div>``), keeping their ids.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from sphinx_interrogations.nodes import (
    ALL_NODES,
    interrogation,
    item_heading,
    item_meta,
    question,
    response,
    week,
)

#: names of the extension's nodes, whose theme visitors this translator replaces
EXTENSION_NODE_NAMES = tuple(node.__name__ for node in ALL_NODES)


def _level(node: item_heading) -> int:
    return 3 if isinstance(node.parent, response) else 2


class PackageTranslator(HTML5Translator):
    """HTML5 translator for package pages."""

    def visit_week(self, node: week) -> None:
        self.body.append(self.starttag(node, "div", ""))

    def depart_week(self, node: week) -> None:
        self.body.append("</div>\n")

    def visit_interrogation(self, node: interrogation) -> None:
        self.body.append(self.starttag(node, "section", ""))

    def depart_interrogation(self, node: interrogation) -> None:
        self.body.append("</section>\n")

    def visit_question(self, node: question) -> None:
        self.body.append(self.starttag(node, "div", ""))

    def depart_question(self, node: question) -> None:
        self.body.append("</div>\n")

    def visit_response(self, node: response) -> None:
        self.body.append(self.starttag(node, "section", ""))

    def depart_response(self, node: response) -> None:
        self.body.append("</blockquote>\n</section>\n")

    def visit_item_heading(self, node: item_heading) -> None:
        self.body.append(f"<h{_level(node)}>")

    def depart_item_heading(self, node: item_heading) -> None:
        self.body.append(f"</h{_level(node)}>\n")
        if isinstance(node.parent, response):
            self.body.append("<blockquote>\n")

    def visit_item_meta(self, node: item_meta) -> None:
        self.body.append("<p>")

    def depart_item_meta(self, node: item_meta) -> None:
        self.body.append("</p>\n")

    def visit_math(self, node: nodes.math, math_env: str = "") -> None:
        self.body.append(self.encode(f"\\({node.astext()}\\)"))
        raise nodes.SkipNode

    def visit_math_block(self, node: nodes.math_block, math_env: str = "") -> None:
        text = self.encode(f"\\[{node.astext()}\\]")
        self.body.append(f"<p>{text}</p>\n")
        raise nodes.SkipNode

"""The book (LaTeX/PDF): week chapters, a Unicode engine's fonts, metadata and fixed bytes,
an index of students, and located errors for what LaTeX cannot typeset; no book from a broken
build."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

from ..latex_books import refuse_broken_books
from ..store import catalogue_of
from . import checks, layout, metadata, people

LATEX_PACKAGE = "sphinxseminarbook"
STYLE = Path(__file__).parent.parent / "static" / f"{LATEX_PACKAGE}.sty"


def finish_book(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` of the LaTeX builder (the whole book, about to be written): checks,
    refused if the build has problems, index of students."""
    if app.builder.format != "latex":
        return
    checks.refuse_untypesettable(doctree)
    refuse_broken_books(app.builder)
    catalogue = catalogue_of(app.env)
    term = next((term for term in catalogue.terms() if term.docname == docname), None)
    if term is not None:  # a term's book: its own students only
        catalogue = catalogue.of_term(term.key)
    if catalogue.interrogations():
        doctree += people.index_node(catalogue)


def copy_package(app: Sphinx, error: Exception | None) -> None:
    """``build-finished``: the book's LaTeX package beside the ``.tex`` file."""
    if error is None and app.builder.format == "latex":
        copy_asset_file(STYLE, Path(app.builder.outdir), force=True)


def skip(self: object, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """Add the book's defaults, package, node and event handlers to ``app``."""
    app.connect("config-inited", layout.set_book_defaults)
    app.connect("builder-inited", metadata.fix_metadata)
    app.connect("builder-inited", layout.drop_nameless_index)
    app.connect("doctree-resolved", finish_book)
    app.connect("build-finished", copy_package)
    app.add_latex_package(LATEX_PACKAGE)
    app.add_node(
        people.student_index,
        latex=(people.visit_student_index, None),
        html=(skip, None),
        text=(skip, None),
    )

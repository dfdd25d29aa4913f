"""One PDF book per term: ``latex_documents`` filled from the term pages when conf.py leaves it
unset (``_build/latex/<course>-<term>.pdf``), plus the whole archive on request
(``interrogations_pdf_archive``, ``make pdf-all``); ``interrogations_term`` keeps one term.
No book is written from a broken build (:func:`refuse_broken_books`)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.latex import default_latex_documents
from sphinx.config import Config
from sphinx.util import texescape

from .build_health import problems, refusal
from .errors import ArchiveError
from .identity import slug, term_package_name
from .terms import default_course, selected_terms

Book = tuple[str, str, str, str, str]


def fill_latex_documents(app: Sphinx, config: Config) -> None:
    """``config-inited``: one book per term when ``latex_documents`` is left at its default."""
    if config.latex_documents != default_latex_documents(config):
        return
    terms = selected_terms(app, config)
    if not terms:
        return  # an archive without terms keeps Sphinx's one book

    def escaped(text: str) -> str:
        return texescape.escape(text, config.latex_engine)

    author = escaped(config.author)
    books: list[Book] = [
        (
            term.docname,
            f"{term_package_name(term.course, term.key)}.tex",
            escaped(f"{config.project} \N{EM DASH} {term.title}"),
            author,
            "manual",
        )
        for term in terms
    ]
    if config.interrogations_pdf_archive:
        name = slug(default_course(config)) or "archive"
        books.append((config.root_doc, f"{name}.tex", escaped(config.project), author, "manual"))
    config.latex_documents = books


def refuse_broken_books(builder: Builder) -> None:
    """Write no book from a build with problems (errors, warnings under ``-W``): those of a
    source's last reading (an earlier ``make html`` may have read it) and those of this build
    so far (the book's own checks). Called before each book is written.

    The books an earlier build left (``.tex`` and ``.pdf``) are removed, so that ``make pdf``
    cannot leave one to be mistaken for this build's.
    """
    found = problems(builder.env)
    if not found:
        return
    names = [book[1] for book in builder.config.latex_documents]
    for name in names:
        for stale in (name, f"{Path(name).stem}.pdf"):
            (Path(builder.outdir) / stale).unlink(missing_ok=True)
    raise ArchiveError(refusal(", ".join(names), found))

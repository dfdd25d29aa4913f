"""Terms (offerings of a course): the ``term`` directive, and the term a week belongs to.

A term is declared on its page, ``<key>/index`` (``.. term:: 2013-fall``); the weeks in that
folder belong to it (or a week names its term with ``:term:``). A week's term must be known
while the week is read (its anchors carry the term's prefix) and documents are read in parallel,
so the week reads its term page's ``term`` line and options from the source file (cached), and
depends on that file: editing the term page re-reads its weeks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError

from . import identity, store
from .catalogue import Catalogue
from .dates import ISO_LIKE, date_problem
from .options import SeminarDirective
from .records import IMPLICIT_TERM, Term
from .scaffold.spec import InputError, check_term, check_year, term_title

#: the page of a term, relative to the source folder: ``2013-fall/index``
TERM_PAGE = "{key}/index"
#: a term's declaration in reStructuredText or MyST, and the option lines after it
TERM_LINE = re.compile(
    r"^(?:\.\.[ \t]+(?:seminar:)?term::|(?:`{3,}|:{3,})\{(?:seminar:)?term\})[ \t]*(\S*)[ \t]*$"
)
OPTION_LINE = re.compile(r"^[ \t]*:([a-z-]+):(?:[ \t]+(.*?))?[ \t]*$")
TERM_CONTEXT_KEY = "seminar:term"


def term_from(
    key: str, options: Mapping[str, str], *, course: str, archive_prefix: str, docname: str,
    lineno: int = 0,
) -> Term:  # fmt: skip
    """The term a ``term`` directive declares; :class:`ValueError` says what is wrong."""
    check_term(key)
    year = check_year(options.get("year", ""), key)
    start = options.get("start", "").strip()
    if start and (date_problem(start) or not (match := ISO_LIKE.match(start)) or not match[3]):
        raise InputError(f":start: {start!r} is not a date: write YYYY-MM-DD")
    if start and year and int(start[:4]) != int(year):
        raise InputError(f":start: {start} is not in the term's year {year}")
    explicit = options.get("anchor-prefix")
    if explicit is not None and not identity.is_valid_prefix(explicit.strip()):
        raise InputError(
            f":anchor-prefix: {explicit!r}: use lowercase ASCII letters, digits and single "
            "hyphens, starting with a letter and ending with a hyphen (or leave it empty)"
        )
    return Term(
        key=key,
        title=" ".join(options.get("title", "").split()) or term_title(key),
        course=" ".join(options.get("course", "").split()) or course,
        year=int(year) if year else None,
        start=start,
        prefix=identity.term_prefix(
            key, None if explicit is None else explicit.strip(), archive_prefix
        ),
        docname=docname,
        lineno=lineno,
    )


@functools.lru_cache(maxsize=512)
def _declaration(path: str, mtime_ns: int) -> tuple[str, tuple[tuple[str, str], ...], int] | None:
    """The key, options and line of the term a source file declares (None: it declares none)."""
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, 1):
        if found := TERM_LINE.match(line):
            options = []
            for following in lines[number:]:
                option = OPTION_LINE.match(following)
                if option is None:
                    break
                options.append((option[1], option[2] or ""))
            return found[1], tuple(options), number
    return None


def default_course(config: Config) -> str:
    """The course of a term or week that names none."""
    return config.interrogations_course or config.project


def declared_terms(srcdir: Path, config: Config) -> list[Term]:
    """The terms the term pages under ``srcdir`` declare (read before any build, for
    configuration that depends on them), newest first; pages in error are left to the build."""
    terms = []
    for suffix in config.source_suffix:
        for path in sorted(srcdir.glob(f"*/index{suffix}")):
            declared = _declaration(str(path), path.stat().st_mtime_ns)
            if declared is None:
                continue
            key, options, lineno = declared
            docname = f"{path.parent.name}/index"
            try:
                term = term_from(
                    key, dict(options), course=default_course(config),
                    archive_prefix=config.interrogations_id_prefix, docname=docname, lineno=lineno,
                )  # fmt: skip
            except ValueError:
                continue
            if TERM_PAGE.format(key=term.key) == docname:
                terms.append(term)
    return sorted(terms, key=lambda term: term.order, reverse=True)


def term_of_week(env: BuildEnvironment, docname: str, key: str = "") -> Term | None:
    """The term of the week on ``docname``: the term named ``key``, else the one whose page
    is in the week's folder; ``None`` for the implicit term. Raises :class:`ValueError` when
    ``key`` has no term page."""
    folder = docname.rpartition("/")[0]
    page = TERM_PAGE.format(key=key or folder)
    if page == docname or page not in env.found_docs:
        if key:
            raise InputError(f"term {key!r} has no term page (source/{page}.rst)")
        return None
    path = env.doc2path(page)
    env.note_dependency(str(path))
    declared = _declaration(str(path), Path(path).stat().st_mtime_ns)
    if declared is None:
        if key:
            raise InputError(f"{page} declares no term (it needs '.. term:: {key}')")
        return None
    declared_key, options, lineno = declared
    arguments = {
        "course": default_course(env.config),
        "archive_prefix": env.config.interrogations_id_prefix,
        "docname": page,
        "lineno": lineno,
    }
    try:
        return term_from(declared_key, dict(options), **arguments)
    except ValueError:  # the term page reports it; its weeks keep the default form
        return term_from(key or folder, {}, **arguments)


def selected_terms(app: Sphinx, config: Config) -> list[Term]:
    """The terms this build makes outputs for: all, or the one ``interrogations_term`` names."""
    terms = declared_terms(Path(app.srcdir), config)
    wanted = config.interrogations_term
    if not wanted:
        return terms
    chosen = [term for term in terms if term.key == wanted]
    if not chosen:
        keys = ", ".join(term.key for term in terms) or "none"
        raise ConfigError(f"interrogations_term = {wanted!r}: no such term (the terms: {keys})")
    return chosen


def check_selected_term(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``interrogations_term`` must name a term of the archive."""
    selected_terms(app, config)


def packaged_terms(catalogue: Catalogue, config: Config) -> list[Term]:
    """The terms that get their own LMS package, oldest first: every declared term (a new one
    still empty), the weeks outside any term, or the one ``interrogations_term`` names; an
    archive with neither weeks nor terms packs one empty course."""
    wanted = config.interrogations_term
    terms = list(reversed(catalogue.terms())) or [IMPLICIT_TERM]
    return [term for term in terms if not wanted or term.key == wanted]


class TermDirective(SeminarDirective):
    """Declare the term a term page stands for: ``.. term:: 2013-fall``."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar = {
        "title": directives.unchanged,
        "course": directives.unchanged,
        "year": directives.unchanged,
        "start": directives.unchanged,
        "anchor-prefix": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        """Check the term and store its record (the directive shows nothing)."""
        key = self.arguments[0].strip()
        context = self.env.ref_context
        if TERM_CONTEXT_KEY in context:
            raise self.error(f"a page declares one term: {context[TERM_CONTEXT_KEY]!r} already")
        context[TERM_CONTEXT_KEY] = key
        page = TERM_PAGE.format(key=key)
        if self.env.docname != page:
            raise self.error(
                f"the page of term {key!r} must be source/{page}.rst (the term's folder is "
                f"named by its key), not {self.env.docname}"
            )
        options = {name: self.text_option(name) for name in self.options}
        try:
            term = term_from(
                key,
                options,
                course=default_course(self.config),
                archive_prefix=self.config.interrogations_id_prefix,
                docname=self.env.docname,
                lineno=self.lineno,
            )
        except ValueError as error:
            raise self.error(str(error)) from error
        store.note_term(self.env.domains[store.DOMAIN].data, term)
        return []

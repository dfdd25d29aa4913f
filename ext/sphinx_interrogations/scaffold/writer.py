"""Writing a new archive's files from the templates and an :class:`~.spec.ArchiveSpec`."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import jinja2

from . import TEMPLATES
from .spec import ArchiveSpec, TermSpec

#: the template of a term's page (also written for a term the importer creates)
TERM_TEMPLATE = "term.rst.jinja"
#: the captions of the toctrees listing the terms (landing page) and a term's weeks (term
#: page): the importer finds the toctree to add an entry to by them
TERMS_CAPTION = "Terms"
WEEKS_CAPTION = "Weeks"
#: template -> file of the archive (``{term}`` is the term's key).
FILES = {
    "conf.py.jinja": "conf.py",
    "Makefile.jinja": "Makefile",
    "requirements.txt.jinja": "requirements.txt",
    "README.md.jinja": "README.md",
    "gitignore.jinja": ".gitignore",
    "ci-run.jinja": ".ci/run",
    "index.rst.jinja": "source/index.rst",
    TERM_TEMPLATE: "source/{term}/index.rst",
}
#: Files written executable.
EXECUTABLE = frozenset({".ci/run"})
#: The archive's data files, written empty (not from templates).
DATA_FILES = ("roster.csv", "anchors.lock")
_RST_SPECIAL = str.maketrans({char: "\\" + char for char in "\\*`_|[]<>"})


def write_archive(spec: ArchiveSpec, requirement: str, docs: str) -> list[Path]:
    """Write every file of the archive under ``spec.path``; return them, in writing order.

    ``requirement`` is the pip requirement line that installs the package, ``docs`` where
    its documentation is to be read.
    """
    environment = _environment()
    values = {
        "spec": spec,
        "requirement": requirement,
        "docs": docs,
        "project": project_title(spec.course),
    }
    contents = {
        target.format(term=spec.term): environment.get_template(name).render(values)
        for name, target in FILES.items()
    }
    contents.update(zip(DATA_FILES, (empty_roster(), empty_lock()), strict=True))
    written = []
    for relative, text in contents.items():
        path = spec.path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        if relative in EXECUTABLE:
            path.chmod(0o755)
        written.append(path)
    return written


def term_page(term: TermSpec) -> str:
    """The page of a term with no weeks yet, as a new archive has it."""
    return _environment().get_template(TERM_TEMPLATE).render({"spec": term})


def archive_files(spec: ArchiveSpec) -> list[Path]:
    """The files :func:`write_archive` writes for ``spec``."""
    relative = [target.format(term=spec.term) for target in FILES.values()]
    return [spec.path / name for name in [*relative, *DATA_FILES]]


def project_title(course: str) -> str:
    """The archive's title (Sphinx's ``project``): "<course>: Interrogations"."""
    return f"{course}: Interrogations"


def empty_roster() -> str:
    """A roster with its header only (the columns :mod:`..privacy.roster` reads)."""
    from ..privacy.roster import ROSTER_HEADER

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(ROSTER_HEADER)
    return out.getvalue()


def empty_lock() -> str:
    """An anchor lock with nothing published yet, in :mod:`..lock`'s format."""
    from .. import lock

    return lock.dumps({})


def rst_heading(text: str) -> str:
    """``text`` as a reStructuredText page title (over- and underlined), markup escaped."""
    escaped = rst_text(text)
    rule = "=" * _columns(escaped)
    return f"{rule}\n{escaped}\n{rule}"


def rst_text(text: str) -> str:
    """``text`` with reStructuredText inline markup escaped."""
    return text.translate(_RST_SPECIAL)


def python_literal(value: str) -> str:
    """A Python string literal of ``value`` (JSON's escapes are Python's)."""
    return json.dumps(value, ensure_ascii=False)


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters.update(
        {"py": python_literal, "rst": rst_text, "rst_heading": rst_heading}
    )
    environment.globals.update(terms_caption=TERMS_CAPTION, weeks_caption=WEEKS_CAPTION)
    return environment

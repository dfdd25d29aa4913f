"""A term's page when importing into it: created when missing (as ``interrogations-new`` writes
it, listed on the landing page), and every imported week added to its toctree.

Each step returns the lines to report; what cannot be done safely is reported with what to do
by hand, and the page is left as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx_interrogations.scaffold.spec import key_year, new_term
from sphinx_interrogations.scaffold.writer import TERMS_CAPTION, WEEKS_CAPTION, term_page

from .toctrees import with_entry

#: the page of a term in its folder, and the landing page in the source folder
PAGE = "index.rst"
WEEK_NUMBER = re.compile(r"(\d+)$")


def create_term(source_dir: Path, key: str, course: str) -> list[str]:
    """Write the page of term ``key`` (its title from the key) and list it on the landing
    page, newest term first."""
    term = new_term(key, course)
    page = source_dir / key / PAGE
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(term_page(term), encoding="utf-8", newline="\n")
    report = [f"created term {key} ({term.term_title}): edit its title in {page}"]
    landing = source_dir / PAGE
    entry = f"{key}/index"
    year = key_year(key)
    edited = None
    if landing.is_file():
        edited = with_entry(
            landing.read_text(encoding="utf-8"), entry, TERMS_CAPTION,
            lambda other: not year or key_year(other.split("/")[0]) < year,
        )  # fmt: skip
    if edited is None:
        report.append(
            f"warning: no toctree of terms found in {landing}: add {entry} to it by hand"
        )
    elif edited[1]:
        landing.write_text(edited[0], encoding="utf-8", newline="\n")
        report.append(f"added {entry} to the terms in {landing}")
    return report


def add_week(term_dir: Path, docname: str) -> list[str]:
    """List the week page ``docname`` (``week07``) in its term page's toctree, by number."""
    page = term_dir / PAGE
    if not page.is_file():
        return [f"warning: no term page {page}: add {docname} to its toctree by hand"]
    number = _number(docname)
    edited = with_entry(
        page.read_text(encoding="utf-8"), docname, WEEKS_CAPTION,
        lambda other: number is not None and (_number(other) or 0) > number,
    )  # fmt: skip
    if edited is None:
        return [f"warning: no toctree of weeks found in {page}: add {docname} to it by hand"]
    if not edited[1]:
        return []
    page.write_text(edited[0], encoding="utf-8", newline="\n")
    return [f"added {docname} to the weeks in {page}"]


def _number(docname: str) -> int | None:
    found = WEEK_NUMBER.search(docname)
    return int(found[1]) if found else None

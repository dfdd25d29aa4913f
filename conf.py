"""Sphinx configuration of the seminar archive (sources in ``source/``)."""

from __future__ import annotations

project = "Sociology 929: Interrogations"
author = "Sociology 929 seminar"
copyright = "the seminar's students and instructor"
language = "en"
smartquotes = False  # keep the students' and instructor's quotes exactly as written

extensions = [
    "sphinx_interrogations",
    "sphinx_interrogations_lms",
]

root_doc = "index"
exclude_patterns: list[str] = []

# -- the archive -------------------------------------------------------------------------
interrogations_course = "Sociology 929"
interrogations_responder = "EOW"
interrogations_collapsible_responses = False
# Who may be named in public builds (`make public`); consent per student.
interrogations_roster = "roster.csv"

# -- LMS packages (make canvas / make moodle) ------------------------------------------
interrogations_lms_description = (
    "Weekly student interrogations of the readings, each with the instructor's written response."
)

# -- HTML ------------------------------------------------------------------------------
html_theme = "alabaster"
html_title = project
html_baseurl = ""

# -- LaTeX / PDF -----------------------------------------------------------------------
latex_engine = "pdflatex"
# latex_documents is left unset: the extension makes one book per term
# (_build/latex/sociology-929-2013-fall.pdf); `make pdf-all` adds one of the whole archive.
latex_elements = {
    "papersize": "letterpaper",
    "pointsize": "11pt",
    "extraclassoptions": "openany,oneside",  # an on-screen book: no blank pages
}

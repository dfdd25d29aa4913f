"""Sphinx configuration of the seminar archive (sources in ``source/``)."""

from __future__ import annotations

import os

project = "Sociology 929: Interrogations"
author = "Sociology 929 seminar"
copyright = "the seminar's students and instructor"
language = "en"
smartquotes = False  # keep the students' and instructor's quotes exactly as written

extensions = [
    "sphinx_interrogations",
    "sphinx_interrogations_lms",
    "sphinxext.opengraph",  # title and description cards when a link is shared
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
html_theme = "furo"  # light and dark modes, an on-page contents on wide screens (README: theme)
html_title = project  # the header: the course (and, once weeks carry terms, the term)
html_theme_options = {"top_of_page_buttons": []}
# Where the site is published: the ONE place the archive's address is set. It makes permalinks,
# citations, the LMS packages' links back, the sitemap and the OpenGraph cards absolute. The
# publishing hosts supply it (README: Preview and publish); empty: relative links, no sitemap.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or os.environ.get(
    "INTERROGATIONS_BASEURL", ""
)
if html_baseurl:
    extensions.append("sphinx_sitemap")
sitemap_url_scheme = "{link}"
ogp_site_url = html_baseurl
ogp_social_cards = {"enable": False}  # text cards; no generated images

# -- LaTeX / PDF -----------------------------------------------------------------------
latex_engine = "lualatex"  # every script: Noto fonts, right-to-left text (README: the PDF)
# latex_documents is left unset: the extension makes one book per term
# (_build/latex/sociology-929-2013-fall.pdf); `make pdf-all` adds one of the whole archive.
latex_elements = {
    "papersize": "letterpaper",
    "pointsize": "11pt",
    "extraclassoptions": "openany,oneside",  # an on-screen book: no blank pages
}
latex_domain_indices = False  # the book ends with its own index of students (with names)

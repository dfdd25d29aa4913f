"""The text packages add around the archive's own labels (translatable, one place each).

Labels of the archive's objects (week labels, page titles) come from
:mod:`sphinx_interrogations.labels`; these are the packages' own.
"""

from __future__ import annotations

from sphinx_interrogations.i18n import _
from sphinx_interrogations.records import Week


def about_title() -> str:
    """Title of the About page, folder and module."""
    return _("About this archive")


def archive_title() -> str:
    """Title of the link to the published web archive."""
    return _("The full archive (web)")


def archive_page_link() -> str:
    """Text of each page's link to where it lives in the web archive."""
    return _("This page in the web archive")


def overview_title(week: Week) -> str:
    """Title of a week's overview page: "Week 6 overview"."""
    return _("Week %d overview") % week.number


def discussion_title(week: Week) -> str:
    """Title of a week's discussion: "Week 6 discussion: Peer-to-peer Mutualism"."""
    return _("Week %(week)d discussion: %(topic)s") % {"week": week.number, "topic": week.topic}


def licence_line(licence: str) -> str:
    """The About page's licence line."""
    return _("Licence: %s") % licence

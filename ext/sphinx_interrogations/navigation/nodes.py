"""Doctree nodes of the navigation (each falls back to a generic container elsewhere)."""

from __future__ import annotations

from docutils import nodes


class week_navigation(nodes.container):
    """A week page's own contents: its counts and the list of its students. ``label``: the
    name of the navigation landmark."""


class week_pager(nodes.container):
    """Links to the previous and next week. ``label``: the landmark's name."""


class week_overview(nodes.General, nodes.Element):
    """Placeholder of the ``week-overview`` directive, replaced by the table of weeks."""


ALL_NODES: tuple[type[nodes.Element], ...] = (week_navigation, week_pager, week_overview)

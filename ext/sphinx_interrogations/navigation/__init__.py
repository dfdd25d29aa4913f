"""Ways through the archive: a week page's students and neighbours, the weeks at a glance on
the landing page (``.. week-overview::``), the index of students as a list of people."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from sphinx.util.fileutil import copy_asset_file

from . import build, html
from .nodes import week_navigation, week_overview, week_pager

#: runs after the theme's own ``html-page-context`` handler (furo's hides short tables of
#: contents, which this one fills)
AFTER_THEME = 600
LANDMARKS_SCRIPT = "seminar_landmarks.js"
#: the page metadata key marking a page that holds ``week-overview``
OVERVIEW_KEY = "seminar-week-overview"
STATIC = Path(__file__).parent.parent / "static"


class WeekOverviewDirective(SphinxDirective):
    """``.. week-overview::``: a table of every week with its counts of items."""

    has_content = False
    option_spec: ClassVar = {}

    def run(self) -> list[nodes.Node]:
        node = week_overview()
        self.set_source_info(node)
        # the page shows every week: noted so that any change of a week re-writes it
        self.env.metadata[self.env.docname][OVERVIEW_KEY] = True
        return [node]


def skip(self: object, node: nodes.Element) -> None:
    raise nodes.SkipNode


def outdated_overviews(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages whose navigation shows other pages: those with a table of weeks whenever a page
    comes, goes or changes; every week page (its neighbours) when a page comes or goes."""
    if not (added or changed or removed):
        return []
    outdated = {docname for docname, meta in env.metadata.items() if meta.get(OVERVIEW_KEY)}
    if added or removed:
        outdated |= {entry.week.docname for entry in build.week_entries(env)}
    return sorted(outdated - changed - added - removed)


def add_landmark_names(app: Sphinx) -> None:
    """``builder-inited`` (HTML): the script naming the theme's landmarks, and its names."""
    if isinstance(app.builder, StandaloneHTMLBuilder):
        names = json.dumps(html.landmark_names(), ensure_ascii=False)
        app.add_js_file(None, body=f"window.SEMINAR_LANDMARKS = {names};")
        app.add_js_file(LANDMARKS_SCRIPT, loading_method="defer")


def copy_script(app: Sphinx, error: Exception | None) -> None:
    """``build-finished`` (HTML): the landmarks script into ``_static``."""
    if error is None and isinstance(app.builder, StandaloneHTMLBuilder):
        copy_asset_file(STATIC / LANDMARKS_SCRIPT, Path(app.builder.outdir) / "_static", force=True)


def register(app: Sphinx) -> None:
    """Add the navigation's directive, nodes and event handlers to ``app``."""
    app.add_directive("week-overview", WeekOverviewDirective)
    landmark = (html.visit_landmark, html.depart_landmark)
    for node in (week_navigation, week_pager):
        app.add_node(node, html=landmark, latex=(skip, None), text=(skip, None))
    app.add_node(week_overview, html=(skip, None), latex=(skip, None), text=(skip, None))
    app.connect("doctree-resolved", build.add_navigation)
    app.connect("html-page-context", html.add_week_context, priority=AFTER_THEME)
    app.connect("env-get-outdated", outdated_overviews)
    app.connect("builder-inited", add_landmark_names)
    app.connect("build-finished", copy_script)

"""The anchor registry: ``anchors.json``, a machine-readable list of every citable object.

Every ``html`` or ``dirhtml`` build writes it at the root of its output, each week and each
object on one line. Format (version 1)::

    {
      "format": "sphinx-interrogations-anchors",
      "version": 1,
      "project": "Sociology 929: Interrogations",
      "baseurl": "https://example.org/soc929/",          # html_baseurl, or null
      "terms": [                                           # newest first
        {"key": "2013-fall", "title": "Fall 2013", "course": "Sociology 929",
         "year": 2013, "start": null, "docname": "2013-fall/index",
         "url": "2013-fall/index.html", "absolute_url": "https://.../2013-fall/index.html"}
      ],                                                   # (weeks outside any term: "")
      "weeks": [                                           # by term, then week number
        {"id": "w06", "kind": "week", "term": "2013-fall", "week": 6, "topic": "...",
         "date": "October 10", "issued": "2013-10-10",     # issued: ISO, null if year unknown
         "course": "Sociology 929", "docname": "weeks/week06",
         "url": "weeks/week06.html#w06", "absolute_url": "https://.../weeks/week06.html#w06"}
      ],
      "objects": [                                         # by week, then document order
        {"id": "w06-dmytro-khutkyy", "kind": "interrogation",   # or "response"
         "term": "2013-fall",                              # its term's key ("": none)
         "week": 6, "number": "6.1",                       # display number (positional)
         "student": "Dmytro Khutkyy", "responder": "",     # responder: responses only
         "title": "", "parent": "",                        # a response: its question's title,
                                                           #   parent = its interrogation's id
         "docname": "weeks/week06", "url": "weeks/week06.html#w06-dmytro-khutkyy",
         "absolute_url": "https://...#w06-dmytro-khutkyy", # null without html_baseurl
         "aliases": ["w06-dmytro-khutky"],                 # earlier ids, same page: url#alias
         "lms_identifier": "res_w06-dmytro-khutkyy",       # the LMS page holding it, from the
                                                           #   exporter's layout (null without
                                                           #   one): see layout.py
         "digest": "3f2a..."}                              # hash of the text, changes on edits
      ]
    }

``id`` is the stable anchor (the HTML id); ``url`` is relative to the archive's root. The data
comes from the catalogue, never from the written HTML.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.errors import SphinxError

from .address import PUBLISHING_BUILDERS, Site, absolute_url, on_page
from .layout import LmsLayout, lms_layout
from .store import catalogue_of

FORMAT = "sphinx-interrogations-anchors"
VERSION = 1
FILENAME = "anchors.json"

Registry = dict[str, Any]
#: the registry's lists, written one entry per line
LISTED = ("terms", "weeks", "objects")


def collect(builder: Builder, layout: LmsLayout | None = None) -> Registry:
    """The registry of the catalogue as ``builder`` publishes it; LMS ids from ``layout``."""
    catalogue = catalogue_of(builder.env)
    site = Site.of(builder.config, builder.name)
    pages: dict[str, str] = {}

    def located(docname: str, anchor: str) -> dict[str, str | None]:
        """Docname, relative and absolute URL of an anchor."""
        if docname not in pages:
            pages[docname] = site.page(docname)
        relative = on_page(pages[docname], anchor)
        return {
            "docname": docname,
            "url": relative,
            "absolute_url": absolute_url(site.baseurl, relative),
        }

    terms = [
        {
            "key": term.key,
            "title": term.title,
            "course": term.course,
            "year": term.year,
            "start": term.start or None,
            **located(term.docname, ""),
        }
        for term in catalogue.terms()
        if term.docname
    ]
    weeks = [
        {
            "id": week.anchor,
            "kind": "week",
            "term": week.term,
            "week": week.number,
            "topic": week.topic,
            "date": week.date,
            "issued": week.issued or None,
            "course": week.course,
            **located(week.docname, week.anchor),
        }
        for week in catalogue.weeks()
    ]
    objects = [
        {
            "id": item.anchor,
            "kind": item.kind,
            "term": item.term,
            "week": item.week,
            "number": item.number,
            "student": item.student.full,
            "responder": item.responder.full if item.kind == "response" else "",
            "title": item.title,
            "parent": item.parent,
            **located(item.docname, item.anchor),
            "aliases": list(item.aliases),
            "lms_identifier": layout.page_identifier(item) if layout else None,
            "digest": item.digest,
        }
        for item in catalogue.items()
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "project": builder.config.project,
        "baseurl": site.baseurl or None,
        "terms": terms,
        "weeks": weeks,
        "objects": objects,
    }


def dumps(registry: Registry) -> str:
    """The registry as stable JSON text with one week or object per line.

    A changed object is one changed line in a diff, and every line comes from the C JSON
    encoder (``indent`` would use the pure-Python one: a second per 40,000 objects, on every
    build).
    """

    def encoded(value: object) -> str:
        """Compact JSON text of a value."""
        return json.dumps(value, ensure_ascii=False)

    fields = [f"  {encoded(key)}: {encoded(value)}" for key, value in registry.items()]
    for key in LISTED:
        lines = ",\n".join(f"    {encoded(item)}" for item in registry[key])
        fields[list(registry).index(key)] = f"  {encoded(key)}: [\n{lines}\n  ]"
    return "{\n" + ",\n".join(fields) + "\n}\n"


def read(path: Path) -> Registry:
    """Load a registry file, checking its format and version."""
    try:
        registry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SphinxError(f"cannot read the anchor registry {path}: {error}") from error
    if registry.get("format") != FORMAT or registry.get("version") != VERSION:
        raise SphinxError(f"{path} is not a version {VERSION} {FORMAT} file")
    return registry


def write_registry(app: Sphinx, error: Exception | None) -> None:
    """``build-finished``: write ``anchors.json`` into the output of a publishing builder."""
    if error is not None or app.builder.name not in PUBLISHING_BUILDERS:
        return
    path = Path(app.builder.outdir) / FILENAME
    path.write_text(dumps(collect(app.builder, lms_layout(app))), encoding="utf-8")

"""The anchor registry: ``anchors.json``, a machine-readable list of every citable object.

Every ``html`` or ``dirhtml`` build writes it at the root of its output, each week and each
object on one line. Format (version 1)::

    {
      "format": "sphinx-interrogations-anchors",
      "version": 1,
      "project": "Sociology 929: Interrogations",
      "baseurl": "https://example.org/soc929/",          # html_baseurl, or null
      "weeks": [                                           # by week number
        {"id": "w06", "kind": "week", "week": 6, "topic": "...", "date": "October 10",
         "course": "Sociology 929", "docname": "weeks/week06",
         "url": "weeks/week06.html#w06", "absolute_url": "https://.../weeks/week06.html#w06"}
      ],
      "objects": [                                         # by week, then document order
        {"id": "w06-dmytro-khutkyy", "kind": "interrogation",   # or "response"
         "week": 6, "number": "6.1",                       # display number (positional)
         "student": "Dmytro Khutkyy", "responder": "",     # responder: responses only
         "title": "", "parent": "",                        # a response: its question's title,
                                                           #   parent = its interrogation's id
         "docname": "weeks/week06", "url": "weeks/week06.html#w06-dmytro-khutkyy",
         "absolute_url": "https://...#w06-dmytro-khutkyy", # null without html_baseurl
         "aliases": ["w06-dmytro-khutky"],                 # earlier ids, same page: url#alias
         "lms_identifier": "res_w06-dmytro-khutkyy",       # the LMS page holding it: a
                                                           #   response lives on its question's
         "digest": "3f2a..."}                              # hash of the text, changes on edits
      ]
    }

``id`` is the stable anchor (the HTML id); ``url`` is relative to the archive's root. The data
comes from the ``seminar`` domain, never from the written HTML.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.errors import SphinxError

from . import ids, urls
from .domain import SeminarDomain

FORMAT = "sphinx-interrogations-anchors"
VERSION = 1
FILENAME = "anchors.json"

Registry = dict[str, Any]
#: the registry's lists, written one entry per line
LISTED = ("weeks", "objects")


def collect(builder: Builder) -> Registry:
    """The registry of everything the ``seminar`` domain holds, as ``builder`` publishes it."""
    domain = builder.env.domains["seminar"]
    assert isinstance(domain, SeminarDomain)
    baseurl = builder.config.html_baseurl

    pages: dict[str, str] = {}

    def located(docname: str, anchor: str) -> dict[str, str | None]:
        if docname not in pages:
            pages[docname] = urls.page_uri(builder, docname)
        relative = urls.on_page(pages[docname], anchor)
        return {
            "docname": docname,
            "url": relative,
            "absolute_url": urls.absolute_url(baseurl, relative),
        }

    weeks = [
        {
            "id": week.anchor,
            "kind": "week",
            "week": week.number,
            "topic": week.topic,
            "date": week.date,
            "course": week.course,
            **located(week.docname, week.anchor),
        }
        for week in domain.weeks()
    ]
    objects = [
        {
            "id": record.anchor,
            "kind": record.kind,
            "week": record.week,
            "number": record.number,
            "student": record.student,
            "responder": record.responder,
            "title": record.title,
            "parent": record.parent,
            **located(record.docname, record.anchor),
            "aliases": list(record.aliases),
            "lms_identifier": ids.lms_identifier(record.parent or record.anchor),
            "digest": record.digest,
        }
        for record in domain.citables()
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "project": builder.config.project,
        "baseurl": baseurl or None,
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
    if error is not None or app.builder.name not in urls.PUBLISHING_BUILDERS:
        return
    path = Path(app.builder.outdir) / FILENAME
    path.write_text(dumps(collect(app.builder)), encoding="utf-8")

"""The course model every flavour packages: plain records, already rendered, no Sphinx.

Made by :mod:`.rendering.course_builder` from the archive's records and the page fragments
the builder rendered; read by the flavours (:mod:`.flavours`) and the package layout
(:mod:`.packaging.layout`). Identifiers are not stored here: the archive's identity
derives each from an anchor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Metadata:
    """Course-level LOM metadata; empty strings are left out of the manifest."""

    title: str
    description: str = ""
    language: str = "en"
    licence: str = ""
    #: ISO date (YYYY-MM-DD) of the archive, "" for none (keeps builds reproducible)
    date: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    """One package page; ``body`` is its rendered HTML fragment (links already resolved)."""

    anchor: str
    title: str
    body: str
    #: zip paths of the files (images) the page shows
    assets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Week:
    """One week: its pages in order (overview first) and an optional discussion prompt."""

    number: int
    anchor: str
    title: str
    pages: tuple[Page, ...]
    #: discussion topic title and HTML prompt; empty title = no discussion
    discussion_title: str = ""
    discussion_prompt: str = ""


@dataclass(frozen=True, slots=True)
class Course:
    """Everything a flavour packages: metadata, the About section and the weeks in order."""

    slug: str
    metadata: Metadata
    #: short course code (Canvas); "" when unknown
    code: str
    about_title: str
    about: Page
    #: the published HTML archive ("" when ``html_baseurl`` is unset) and its link title
    archive_url: str
    archive_title: str
    weeks: tuple[Week, ...]
    #: files pages refer to (zip path -> content), each declared as its own resource
    assets: Mapping[str, bytes] = field(default_factory=dict)
    #: the anchor prefix of the course's term: course-level identifiers carry it, so the
    #: packages of two terms share none ("" for the term with unprefixed anchors)
    term_prefix: str = ""

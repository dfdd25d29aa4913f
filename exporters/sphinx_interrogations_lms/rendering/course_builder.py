"""The course model of a package build, from the archive's records and the rendered pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sphinx_interrogations.identity import term_course_slug
from sphinx_interrogations.records import IMPLICIT_TERM, Term
from sphinx_interrogations.records import Week as WeekRecord

from ..config import CourseSettings
from ..course import Course, Metadata, Page, Week
from ..package_labels import about_title, archive_title, discussion_title


@dataclass(frozen=True, slots=True)
class RenderedWeek:
    """One week's pages in order (overview first) and the overview's HTML (the prompt)."""

    record: WeekRecord
    title: str
    pages: tuple[Page, ...]
    overview_body: str


def week_of(rendered: RenderedWeek, discussions: bool) -> Week:
    """The course week of a rendered week; its discussion carries the overview as prompt."""
    record = rendered.record
    discussion = discussion_title(record)
    return Week(
        number=record.number,
        anchor=record.anchor,
        title=rendered.title,
        pages=rendered.pages,
        discussion_title=discussion if discussions else "",
        discussion_prompt=rendered.overview_body if discussions else "",
    )


def make_course(
    settings: CourseSettings,
    about: Page,
    weeks: Sequence[RenderedWeek],
    archive_url: str,
    assets: Mapping[str, bytes],
    term: Term = IMPLICIT_TERM,
) -> Course:
    """The course every flavour packages: one term's (an LMS course is one offering)."""
    title = f"{settings.title} \N{EM DASH} {term.title}" if term.key else settings.title
    metadata = Metadata(
        title=title,
        description=settings.description,
        language=settings.language,
        licence=settings.licence,
        date=settings.date,
    )
    first_course = weeks[0].record.course if weeks else ""
    return Course(
        slug=term_course_slug(settings.title, term.key),
        metadata=metadata,
        code=settings.code or first_course,
        about_title=about_title(),
        about=about,
        archive_url=archive_url,
        archive_title=archive_title(),
        weeks=tuple(week_of(week, settings.discussions) for week in weeks),
        assets=assets,
        term_prefix=term.prefix,
    )

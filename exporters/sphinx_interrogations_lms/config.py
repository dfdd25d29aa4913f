"""Configuration values of the LMS builders, all prefixed ``interrogations_lms_``.

Each is checked when the configuration is read (:func:`check_config`): a bad value is one
:class:`~sphinx.errors.ConfigError` naming it, before anything is built.
"""

from __future__ import annotations

from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from sphinx_interrogations.identity import prefix_problem

from .packaging.cartridge import VERSIONS

#: name -> (default, types, description); changing any of them rebuilds the packages only
CONFIG_VALUES: dict[str, tuple[object, tuple[type, ...], str]] = {
    "interrogations_lms_course_title": (
        "",
        (str,),
        "Course title in the packages and their file name (default: the project name).",
    ),
    "interrogations_lms_course_code": (
        "",
        (str,),
        "Short course code for Canvas (default: the first week's course).",
    ),
    "interrogations_lms_description": (
        "",
        (str,),
        "Course description: manifest metadata (Moodle's course summary) and the About page.",
    ),
    "interrogations_lms_licence": (
        "",
        (str,),
        "Licence of the content, e.g. 'CC BY 4.0' (manifest rights; Canvas licence code).",
    ),
    "interrogations_lms_date": (
        "",
        (str,),
        "ISO date (YYYY-MM-DD) recorded in the manifest; empty keeps it out (reproducible).",
    ),
    "interrogations_lms_page_per_week": (
        False,
        (bool,),
        "One page per week holding all its interrogations, instead of one per interrogation.",
    ),
    "interrogations_lms_discussions": (
        False,
        (bool,),
        "Add a discussion topic per week, carrying the week's overview as its prompt.",
    ),
    "interrogations_lms_cc_version": (
        "1.1",
        (str,),
        "Common Cartridge version of the generic 'imscc' builder: '1.1' or '1.3'.",
    ),
    "interrogations_lms_schema_dir": (
        "",
        (str,),
        "Folder with the official Common Cartridge XSDs (1.1/, 1.3/), relative to the "
        "configuration folder (default '../shared/schemas'): an extra check of the packages, "
        "whose own checks are complete without it.",
    ),
}


@dataclass(frozen=True, slots=True)
class CourseSettings:
    """What the configuration says of the course a package holds."""

    title: str
    code: str
    description: str
    language: str
    licence: str
    date: str
    discussions: bool
    page_per_week: bool

    @classmethod
    def of(cls, config: Config) -> CourseSettings:
        """The settings of ``config`` (the course title defaults to the project name)."""
        return cls(
            title=config.interrogations_lms_course_title or config.project,
            code=config.interrogations_lms_course_code,
            description=config.interrogations_lms_description,
            language=config.language or "en",
            licence=config.interrogations_lms_licence,
            date=config.interrogations_lms_date,
            discussions=config.interrogations_lms_discussions,
            page_per_week=config.interrogations_lms_page_per_week,
        )


def config_problem(config: Config) -> str:
    """What is wrong with the configuration of the packages ("" if nothing).

    Only what the packages alone need; the archive's own values (dates, the id prefix's form,
    URLs) are checked by the extension when the configuration is read.
    """
    version = config.interrogations_lms_cc_version
    if version not in VERSIONS:
        return f"interrogations_lms_cc_version must be one of {sorted(VERSIONS)}, not {version!r}"
    prefix = config.interrogations_id_prefix
    too_long = prefix_problem(prefix)
    if too_long:
        return f"interrogations_id_prefix {prefix!r}: {too_long}"
    return ""


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: refuse a bad value at once, as one clear message."""
    problem = config_problem(config)
    if problem:
        raise ConfigError(problem)


def register(app: Sphinx) -> None:
    """Add every configuration value of the LMS builders to ``app``, checked when read."""
    for name, (default, types, description) in CONFIG_VALUES.items():
        app.add_config_value(name, default, "", types=types, description=description)
    app.connect("config-inited", check_config)

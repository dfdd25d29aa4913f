"""Configuration values of the LMS builders, all prefixed ``interrogations_lms_``."""

from __future__ import annotations

from sphinx.application import Sphinx

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
        "Folder with the Common Cartridge XSDs (1.1/, 1.3/), relative to the configuration "
        "folder; default '../shared/schemas'. Without it packages are checked without XSDs.",
    ),
}


def register(app: Sphinx) -> None:
    """Add every configuration value of the LMS builders to ``app``."""
    for name, (default, types, description) in CONFIG_VALUES.items():
        app.add_config_value(name, default, "", types=types, description=description)

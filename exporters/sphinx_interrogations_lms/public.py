"""What a public build must know of the LMS builders: their values holding shown text."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from sphinx_interrogations.privacy.public_build import PUBLIC_BUILD_EVENT, PublicOverrides

__all__ = ["PUBLIC_BUILD_EVENT", "TEXT_VALUES", "public_overrides"]

#: values holding text shown in the packages: scrubbed of students' names in public builds
TEXT_VALUES = (
    "interrogations_lms_course_title",
    "interrogations_lms_course_code",
    "interrogations_lms_description",
)


def public_overrides(app: Sphinx, config: Config) -> PublicOverrides:
    """``seminar-public-build``: the LMS values a public build scrubs."""
    return PublicOverrides(text_values=TEXT_VALUES)

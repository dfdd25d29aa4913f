"""Moodle flavour: plain CC 1.1 exactly as Moodle's importer requires it; and plain CC.

Moodle makes the k-th child of the root item section k (from 0): the About folder comes first,
so each week lands in its own section. Moodle drops ``<head>``, CSS and scripts and cannot
follow links between package pages, so cross-references are absolute links to the published
archive or plain text, and discussion prompts are pure ASCII. Further packages of the same
course (a native backup) are written beside the ``.imscc`` through :attr:`extra_packages`.
"""

from __future__ import annotations

from ..course import Course
from ..links import ArchiveAddress, LinkPolicy, PageMap
from ..markup.html import ascii_fragment
from ..moodle_backup.package import MoodleBackupPackage
from ..packaging.cartridge import VERSIONS, CCVersion
from .base import ExtraPackage, Flavour
from .course_links import archive_course, course_policy

#: zip folder of the Moodle package's pages (what an image ``src`` is relative to)
PAGE_FOLDER = "pages"


class MoodleFlavour(Flavour):
    """Moodle: plain CC 1.1 (links to the archive or text) and, beside it, extra packages
    (the native backup) in which links between pages stay inside the course."""

    name = "moodle"
    page_folder = PAGE_FOLDER

    def __init__(self, extra_packages: tuple[ExtraPackage, ...] = ()) -> None:
        self.extra_packages = extra_packages

    def link_policy(self, pages: PageMap, archive: ArchiveAddress) -> LinkPolicy:
        return course_policy(pages, archive)

    def prompt(self, fragment: str) -> str:
        return ascii_fragment(fragment, self.markup)

    def package_files(self, course: Course, version: CCVersion) -> dict[str, bytes]:
        return super().package_files(archive_course(course), version)


MOODLE = MoodleFlavour(extra_packages=(MoodleBackupPackage(PAGE_FOLDER),))


class CommonCartridgeFlavour(Flavour):
    """Plain Common Cartridge (1.1 or 1.3) for other LMSs, laid out like the Moodle package:
    links go to the published archive or become text."""

    name = "imscc"
    page_folder = PAGE_FOLDER

    def prompt(self, fragment: str) -> str:
        return ascii_fragment(fragment, self.markup)

    def version(self, configured: str) -> CCVersion:
        return VERSIONS[configured]  # checked when the configuration was read


COMMON_CARTRIDGE = CommonCartridgeFlavour()

"""What every LMS flavour has: one strategy object holding all that differs between LMSs.

A :class:`Flavour` says where pages go, what markup they may hold, how cross-references are
linked, which files the package holds besides the shared layout, how it is checked, and which
other packages are written from the same course model (e.g. a native Moodle backup). The
builders (:mod:`..builders`) only hand it a course; they know no LMS.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Protocol

from sphinx_interrogations.identity import package_file

from ..course import Course, Page
from ..links import ArchiveAddress, LinkPolicy, PageMap, archive_policy
from ..markup.html import clean_fragment
from ..markup.policy import SEMANTIC, Markup
from ..packaging.cartridge import CC11, CCVersion, manifest_xml
from ..packaging.layout import Cartridge, PageStyle, assemble
from ..packaging.zip_writer import MANIFEST
from ..validation.problems import ExtraCheck


class ExtraPackage(Protocol):
    """Another package written from the same course model (e.g. a Moodle ``.mbz``)."""

    def file_name(self, course: Course) -> str:
        """The package's file name in the output folder."""
        ...

    def package_bytes(self, course: Course) -> bytes:
        """The whole package, checked by its writer before it returns."""
        ...


class Flavour:
    """One LMS's Common Cartridge package (subclasses set the class attributes)."""

    #: the builder's name
    name: ClassVar[str]
    #: zip folder of the pages
    page_folder: ClassVar[str]
    #: what markup its pages may hold
    markup: ClassVar[Markup] = SEMANTIC
    #: the flavour's own checks, after the generic ones
    checks: ClassVar[tuple[ExtraCheck, ...]] = ()
    #: other packages written beside the ``.imscc`` from the same course
    extra_packages: tuple[ExtraPackage, ...] = ()

    def version(self, configured: str) -> CCVersion:
        """The Common Cartridge version written (``configured``: the config value)."""
        return CC11

    def link_policy(self, pages: PageMap, archive: ArchiveAddress) -> LinkPolicy:
        """Where cross-references of its pages point."""
        return archive_policy(pages, archive)

    def page_meta(self, page: Page) -> Mapping[str, str]:
        """The ``<meta>`` tags of a page's head, besides its charset."""
        return {}

    def prompt(self, fragment: str) -> str:
        """The HTML of a discussion prompt, as stored in the topic descriptor."""
        return clean_fragment(fragment, self.markup)

    def add_files(self, cartridge: Cartridge, course: Course, version: CCVersion) -> None:
        """Add the flavour's own files and resources to the shared layout."""

    def package_name(self, course: Course) -> str:
        """File name of the ``.imscc`` in the output folder."""
        return package_file(course.slug, "imscc")

    def package_files(self, course: Course, version: CCVersion) -> dict[str, bytes]:
        """All files of the ``.imscc``, ``imsmanifest.xml`` included."""
        style = PageStyle(self.page_folder, self.page_meta, self.markup, self.prompt)
        cartridge = assemble(course, version, style)
        self.add_files(cartridge, course, version)
        cartridge.files[MANIFEST] = manifest_xml(cartridge.manifest, version)
        return cartridge.files

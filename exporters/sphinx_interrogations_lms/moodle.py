"""Moodle flavour: plain CC 1.1 exactly as Moodle's importer requires it.

Moodle makes the k-th child of the root item section k (from 0): the About folder comes first,
so each week lands in its own section. Moodle drops ``<head>``, CSS and scripts and cannot
follow links between package pages, so cross-references are absolute links to the published
archive or plain text (decided while rendering), and discussion prompts are pure ASCII.
"""

from __future__ import annotations

from .cartridge import CC11, CCVersion, manifest_xml
from .course import Course, assemble
from .package import MANIFEST
from .pages import ascii_fragment

PAGE_FOLDER = "pages"


def moodle_files(course: Course, version: CCVersion = CC11) -> dict[str, bytes]:
    """All files of the Moodle package, ``imsmanifest.xml`` included."""
    cartridge = assemble(course, version, PAGE_FOLDER, lambda page: {}, ascii_fragment)
    cartridge.files[MANIFEST] = manifest_xml(cartridge.manifest, version)
    return cartridge.files

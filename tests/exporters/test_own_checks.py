"""The project's own package checks are complete without the official XSDs.

A clone of the archive has no XSDs beside it, so the checks a build runs must catch what the
XSDs catch: on valid packages both find nothing, on each broken one both find a problem.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sphinx_interrogations_lms.packaging.cartridge import CC11, CC13, CCVersion, topic_xml
from sphinx_interrogations_lms.packaging.zip_writer import MANIFEST
from sphinx_interrogations_lms.validation.official import xsd_problems
from sphinx_interrogations_lms.validation.package_checks import own_problems
from sphinx_interrogations_lms.validation.schemas import SchemaSet
from tests.exporters.test_core import EXAMPLES, small_files

Files = dict[str, bytes]


Mutation = Callable[[Files, CCVersion], Files]


def replace(files: Files, old: str, new: str, path: str = MANIFEST) -> Files:
    text = files[path].decode()
    assert old in text, old
    return {**files, path: text.replace(old, new, 1).encode()}


def between(files: Files, start: str, end: str) -> str:
    """The manifest's text from ``start`` to ``end``, both included."""
    text = files[MANIFEST].decode()
    return start + text.split(start, 1)[1].split(end, 1)[0] + end


def manifest_change(old: str, new: str) -> Mutation:
    return lambda files, version: replace(files, old, new)


BROKEN: dict[str, Mutation] = {
    "item without title": manifest_change("<title>1.1 Lovelace</title>", ""),
    "id starting with a digit": manifest_change('identifier="week_w01"', 'identifier="1week"'),
    "item id equal to a resource id": manifest_change(
        'identifier="item_w01-ada"', 'identifier="res_w01-ada"'
    ),
    "no LOM": lambda files, version: replace(
        files, between(files, "<lomimscc:lom>", "</lomimscc:lom>"), ""
    ),
    "wrong schemaversion": lambda files, version: replace(
        files,
        f"<schemaversion>{version.schemaversion}</schemaversion>",
        "<schemaversion>1.1</schemaversion>",
    ),
    "no schema": manifest_change("<schema>IMS Common Cartridge</schema>", ""),
    "titled root item": manifest_change(
        'identifier="root_man_seminar">', 'identifier="root_man_seminar"><title>Root</title>'
    ),
    "not a rooted hierarchy": manifest_change('structure="rooted-hierarchy"', 'structure="flat"'),
    "no resources": lambda files, version: replace(
        files, between(files, "<resources>", "</resources>"), ""
    ),
    "unknown element in the manifest": manifest_change(
        "<organizations>", "<extra/><organizations>"
    ),
    "unknown resource type": manifest_change('type="webcontent" href=', 'type="page" href='),
    "topic without text": lambda files, version: replace(
        files,
        '<text texttype="text/html">&lt;p&gt;Discuss &amp;amp; ask.&lt;/p&gt;</text>',
        "",
        "topics/w01.xml",
    ),
    "topic without title": lambda files, version: replace(
        files, "<title>Week 1 discussion</title>", "", "topics/w01.xml"
    ),
    "web link without url": lambda files, version: replace(
        files, "<url ", "<link ", "links/archive.xml"
    ),
}
#: what only CC 1.1 refuses
BROKEN_11: dict[str, Mutation] = {
    "1.3 type in 1.1": manifest_change('type="imsdt_xmlv1p1"', 'type="imsdt_xmlv1p3"'),
    "assignment use in 1.1": manifest_change(
        'type="webcontent" href=', 'type="webcontent" intendeduse="assignment" href='
    ),
}


@pytest.fixture(params=[CC11, CC13], ids=["1.1", "1.3"])
def version(request: pytest.FixtureRequest) -> CCVersion:
    return request.param


def test_valid_packages_pass_both(version: CCVersion, schemas: SchemaSet) -> None:
    files = small_files(version)
    assert xsd_problems(files, version, schemas) == []
    assert own_problems(files, version) == []


@pytest.mark.parametrize(
    ("example", "example_version"), [("cc11", CC11), ("cc11-canvas", CC11), ("cc13", CC13)]
)
def test_the_guides_examples_pass_both(
    example: str, example_version: CCVersion, schemas: SchemaSet
) -> None:
    folder = Path(EXAMPLES) / example
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}
    assert xsd_problems(files, example_version, schemas) == []
    assert own_problems(files, example_version) == []


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_a_broken_package_fails_both(broken: str, version: CCVersion, schemas: SchemaSet) -> None:
    files = BROKEN[broken](small_files(version), version)
    assert xsd_problems(files, version, schemas), "the XSDs accept it"
    assert own_problems(files, version), "the project's own checks accept it"


@pytest.mark.parametrize("broken", sorted(BROKEN_11))
def test_a_broken_11_package_fails_both(broken: str, schemas: SchemaSet) -> None:
    files = BROKEN_11[broken](small_files(CC11), CC11)
    assert xsd_problems(files, CC11, schemas), "the XSDs accept it"
    assert own_problems(files, CC11), "the project's own checks accept it"


def test_a_descriptor_of_another_version_is_refused_by_our_checks() -> None:
    """The XSDs never see it (it is in another namespace); our checks name it."""
    files = {**small_files(CC11), "topics/w01.xml": topic_xml("t", "<p>x</p>", CC13)}
    assert [str(p) for p in own_problems(files, CC11)] == [
        "topics/w01.xml: root element not in namespace "
        "http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1"
    ]

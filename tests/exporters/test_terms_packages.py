"""One LMS package per term: two offerings of one course, both with a Week 6 and one student."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from sphinx_interrogations_lms.flavours.canvas import CANVAS
from sphinx_interrogations_lms.packaging.cartridge import CC11
from sphinx_interrogations_lms.validation.package_checks import validate_package
from sphinx_interrogations_lms.validation.schemas import SchemaSet
from tests.exporters.conftest import Package, read_package
from tests.helpers import build, copy_root

NAMES = (
    "sociology-929-interrogations-2013-fall.imscc",
    "sociology-929-interrogations-2015-fall.imscc",
)


def packages_of(
    rootdir: Path, destination: Path, builder: str, schema_dir: Path, **overrides: object
) -> dict[str, Package]:
    result = build(
        copy_root(rootdir, "terms", destination),
        builder,
        freshenv=True,
        confoverrides={"interrogations_lms_schema_dir": str(schema_dir), **overrides},
    )
    assert result.warnings == ""
    return {path.name: read_package(path) for path in sorted(Path(result.outdir).glob("*.imscc"))}


@pytest.fixture(scope="module", params=["canvas", "moodle"])
def packages(
    request: pytest.FixtureRequest,
    rootdir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    schema_dir: Path,
) -> dict[str, Package]:
    return packages_of(
        rootdir, tmp_path_factory.mktemp(request.param) / "src", request.param, schema_dir
    )


def identifiers(package: Package) -> set[str]:
    """Every identifier a package declares (manifest, and Canvas's course files)."""
    found: set[str] = set()
    for name, content in package.files.items():
        if name.endswith(".xml"):
            tree = etree.fromstring(content)
            found |= {value for value in tree.xpath("//@identifier | //@identifierref")}
    return found


def test_one_package_per_term_named_after_course_and_term(packages: dict[str, Package]) -> None:
    assert tuple(packages) == NAMES


def test_each_package_holds_its_term_only(packages: dict[str, Package]) -> None:
    first, second = (packages[name] for name in NAMES)
    first_text = b"".join(first.files.values()).decode("utf-8", "replace")
    second_text = b"".join(second.files.values()).decode("utf-8", "replace")
    assert "w06-dmytro-khutkyy" in first_text and "t2015-fall-w06" not in first_text
    assert "t2015-fall-w06-dmytro-khutkyy" in second_text and "w06-alisa-pykett" not in second_text
    assert "Peer-to-peer Mutualism" in first_text and "Platform Cooperatives" not in first_text
    title = first.xml("imsmanifest.xml").xpath("//*[local-name()='title']/*[local-name()='string']")
    assert title[0].text == "Sociology 929: Interrogations \N{EM DASH} Fall 2013"


def test_packages_of_two_terms_share_no_identifier(packages: dict[str, Package]) -> None:
    first, second = (identifiers(packages[name]) for name in NAMES)
    assert first and second
    assert first & second == set()


def test_every_package_is_valid(packages: dict[str, Package], schemas: SchemaSet) -> None:
    for package in packages.values():
        checks = CANVAS.checks if "canvas_export.txt" in str(package.files.keys()) else ()
        assert validate_package(package.path, CC11, schemas, checks) == []


def test_term_builds_only_that_terms_package(
    rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    only = packages_of(
        rootdir, tmp_path / "src", "canvas", schema_dir, interrogations_term="2015-fall"
    )
    assert tuple(only) == NAMES[1:]


def test_packages_are_stable(
    rootdir: Path, tmp_path: Path, schema_dir: Path, packages: dict[str, Package]
) -> None:
    again = packages_of(rootdir, tmp_path / "src", "canvas", schema_dir)
    first = packages_of(rootdir, tmp_path / "other", "canvas", schema_dir)
    assert [p.path.read_bytes() for p in again.values()] == [
        p.path.read_bytes() for p in first.values()
    ]

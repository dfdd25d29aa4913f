"""Package path limits (through the identity of packages) and configuration checked when read."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from sphinx_interrogations import identity
from sphinx_interrogations_lms.flavours.canvas import CANVAS
from sphinx_interrogations_lms.packaging.cartridge import CC11
from sphinx_interrogations_lms.validation.package_checks import validate_package
from sphinx_interrogations_lms.validation.schemas import SchemaSet
from sphinx_interrogations_lms.validation.structure import check_paths
from tests.exporters.canvas_allowlist import package_violations
from tests.exporters.conftest import build_package, lms_copy
from tests.helpers import build, write_project

LONG_NAME = " ".join(["Bartholomew-Maximilian"] * 14)  # a 300-character student
LONG_ID = "w10-" + "-".join(["bartholomew-maximilian"] * 14)  # and the anchor it makes


def test_long_names_are_fitted_within_the_limits() -> None:
    fitted = identity.fitted("x" * 300)
    assert len(fitted.encode()) <= identity.MAX_COMPONENT_BYTES - identity.LONGEST_PACKAGE_SUFFIX
    assert identity.fitted("x" * 300) == fitted  # deterministic
    assert identity.fitted("x" * 299 + "y") != fitted  # the hash tells them apart
    assert identity.fitted("short") == "short"
    name = identity.page_file("wiki_content", "w06-" + "é" * 200)  # fitted, so no error
    assert len(name.encode()) <= identity.MAX_COMPONENT_BYTES + len("wiki_content/")


def test_too_long_paths_are_package_problems() -> None:
    component = "a" * 121 + ".html"
    deep = "/".join(["b" * 100] * 3)
    assert [str(p) for p in check_paths([f"pages/{component}", deep])] == [
        f"pages/{component}: file or folder name longer than 120 bytes: {component!r}",
        f"{deep}: path longer than 240 bytes: {deep!r}",
    ]


@pytest.mark.parametrize("flavour", ["canvas", "moodle"])
def test_a_300_character_student_gives_a_valid_package(
    flavour: str, rootdir: Path, tmp_path: Path, schema_dir: Path, schemas: SchemaSet
) -> None:
    src = lms_copy(rootdir, tmp_path / "src")
    alpha = src / "weeks" / "alpha.rst"
    named = alpha.read_text().replace("Kwame Mensah", f"{LONG_NAME}\n   :id: {LONG_ID}")
    alpha.write_text(named)
    beta = src / "weeks" / "beta.rst"
    beta.write_text(beta.read_text().replace("w10-kwame-mensah", LONG_ID))
    package = build_package(src, flavour, schema_dir)
    assert package.warnings == ""
    extra = CANVAS.checks if flavour == "canvas" else ()
    assert validate_package(package.path, CC11, schemas, extra) == []
    assert all(identity.checked_path(name) == name for name in package.files)
    assert any(LONG_ID[:60] in name for name in package.files)  # the page is there, fitted
    if flavour == "canvas":
        assert package_violations(package) == {}
        pages = {name.removeprefix("wiki_content/").removesuffix(".html") for name in package.files}
        links = [
            href
            for data in package.files.values()
            for href in data.decode(errors="ignore").split('"')
            if href.startswith("$WIKI_REFERENCE$/pages/")
        ]
        assert links
        for href in links:  # Canvas names a page by its file name
            assert href.removeprefix("$WIKI_REFERENCE$/pages/").split("#")[0] in pages, href


CONF = 'extensions = ["sphinx_interrogations_lms"]\n'


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "interrogations_lms_cc_version = '1.2'",
            "interrogations_lms_cc_version must be one of ['1.1', '1.3'], not '1.2'",
        ),
        (
            "interrogations_id_prefix = 'a' * 200",
            f"interrogations_id_prefix {'a' * 200!r}: longer than 96 bytes, it leaves no room "
            "for week and student in file names",
        ),
    ],
)
def test_a_bad_config_value_is_a_config_error_when_read(
    setting: str, message: str, tmp_path: Path
) -> None:
    """Refused when the configuration is read, before anything is built (by any builder)."""
    src = write_project(tmp_path / "src", {"index.rst": "Home\n====\n"}, conf=CONF + setting + "\n")
    with pytest.raises(ConfigError) as refused:
        build(src, "html")
    assert str(refused.value) == message
    assert not (src / "_build" / "html" / "index.html").exists()

"""The Common Cartridge core without Sphinx: manifest XML, zip writing, validation, pages."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from sphinx_interrogations_lms.course import Metadata
from sphinx_interrogations_lms.markup.html import ascii_fragment, page_document
from sphinx_interrogations_lms.packaging.cartridge import (
    CC11,
    CC13,
    WEBCONTENT,
    CCVersion,
    Item,
    Manifest,
    Resource,
    manifest_xml,
    topic_xml,
    weblink_xml,
)
from sphinx_interrogations_lms.packaging.zip_writer import (
    MANIFEST,
    ZIP_EPOCH,
    UnsafePathError,
    check_zip_path,
    write_package,
)
from sphinx_interrogations_lms.validation.package_checks import validate_files, validate_package
from sphinx_interrogations_lms.validation.schemas import SchemaSet

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "guide" / "examples"
PAGE = b"<!DOCTYPE html>\n<html><head><title>p</title></head><body><p>x</p></body></html>"


def small_files(version: CCVersion, title: str = "Seminar") -> dict[str, bytes]:
    """A minimal package: one week folder with a page, a topic and a web link."""
    manifest = Manifest(
        "man_seminar",
        Metadata(title, "Weekly questions.", "en", "CC BY 4.0", "2024-12-20"),
        [
            Item(
                "week_w01",
                "Week 1: Foundations",
                children=[
                    Item("item_w01-ada", "1.1 Lovelace", "res_w01-ada"),
                    Item("topicitem_w01", "Week 1 discussion", "topic_w01"),
                    Item("item_archive", "Archive", "link_archive"),
                ],
            )
        ],
        [
            Resource("res_w01-ada", WEBCONTENT, "pages/w01-ada.html", ["pages/w01-ada.html"]),
            Resource("topic_w01", version.topic_type, files=["topics/w01.xml"]),
            Resource("link_archive", version.weblink_type, files=["links/archive.xml"]),
        ],
    )
    return {
        MANIFEST: manifest_xml(manifest, version),
        "pages/w01-ada.html": PAGE,
        "topics/w01.xml": topic_xml("Week 1 discussion", "<p>Discuss &amp; ask.</p>", version),
        "links/archive.xml": weblink_xml("Archive", "https://example.org/a/", version),
    }


def replace_in_manifest(files: dict[str, bytes], old: str, new: str) -> dict[str, bytes]:
    manifest = files[MANIFEST].decode()
    assert old in manifest
    return {**files, MANIFEST: manifest.replace(old, new).encode()}


def rename(files: dict[str, bytes], old: str, new: str) -> dict[str, bytes]:
    """Move a page to another zip path, in the zip and in the manifest."""
    moved = replace_in_manifest(files, f'"{old}"', f'"{new}"')
    moved[new] = moved.pop(old)
    return moved


def messages(problems: list) -> list[str]:
    return [str(problem) for problem in problems]


@pytest.mark.parametrize("version", [CC11, CC13], ids=["1.1", "1.3"])
def test_written_package_is_valid_against_the_official_xsds(
    version: CCVersion, schemas: SchemaSet
) -> None:
    assert messages(validate_files(small_files(version), version, schemas)) == []


@pytest.mark.parametrize(
    ("example", "version"), [("cc11", CC11), ("cc11-canvas", CC11), ("cc13", CC13)]
)
def test_validator_accepts_the_guides_valid_examples(
    example: str, version: CCVersion, schemas: SchemaSet
) -> None:
    folder = EXAMPLES / example
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}
    assert messages(validate_files(files, version, schemas)) == []


def test_cc13_schemas_load_offline_without_xml_catalog_files(schema_dir: Path) -> None:
    """The catalog is applied by a resolver, so lxml imported first does not matter."""
    script = (
        "import sys; from lxml import etree; from pathlib import Path;"
        "from sphinx_interrogations_lms.validation.schemas import SchemaSet;"
        "schema = SchemaSet(Path(sys.argv[1])).get('1.3/ccv1p3_imscp_v1p2_v1p0.xsd',"
        " '1.3/catalog.xml');"
        "print(schema.validate(etree.parse(sys.argv[2])))"
    )
    env = {k: v for k, v in os.environ.items() if k != "XML_CATALOG_FILES"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(schema_dir), str(EXAMPLES / "cc13" / MANIFEST)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert result.stdout.strip() == "True"


def test_manifest_namespace_is_unprefixed_within_moodles_first_1024_bytes() -> None:
    head = small_files(CC11)[MANIFEST][:1024].decode()
    assert head.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest ')
    assert 'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"' in head


def test_comment_pushing_namespace_out_of_sniffed_bytes_is_rejected() -> None:
    files = small_files(CC11)
    comment = b"<!--" + b"x" * 1100 + b"-->\n"
    declaration, rest = files[MANIFEST].split(b"\n", 1)
    files[MANIFEST] = declaration + b"\n" + comment + rest
    assert any("not in the first 1024 bytes" in m for m in messages(validate_files(files, CC11)))


def test_hostile_metadata_is_escaped_and_round_trips() -> None:
    title = 'Zoë\'s <script>alert("x")</script> & co'
    root = etree.fromstring(small_files(CC11, title)[MANIFEST])
    assert root.findtext(".//{*}general/{*}title/{*}string") == title
    assert root.find(".//{*}script") is None


def test_dangling_identifierref_is_reported_with_its_line(schemas: SchemaSet) -> None:
    files = replace_in_manifest(
        small_files(CC11), 'identifierref="res_w01-ada"', 'identifierref="res_gone"'
    )
    found = messages(validate_files(files, CC11, schemas))
    assert len(found) == 1
    assert found[0].startswith("imsmanifest.xml:")
    assert "identifierref 'res_gone' names no resource" in found[0]


def test_missing_file_is_reported() -> None:
    files = small_files(CC11)
    del files["pages/w01-ada.html"]
    assert messages(validate_files(files, CC11)) == [
        f"imsmanifest.xml:{line_of(files, 'res_w01-ada')}: "
        "file 'pages/w01-ada.html' is missing from the package"
    ]


def line_of(files: dict[str, bytes], identifier: str) -> int:
    lines = files[MANIFEST].decode().splitlines()
    return next(
        n for n, line in enumerate(lines, 1) if f'<resource identifier="{identifier}"' in line
    )


def test_space_in_file_name_is_reported() -> None:
    files = rename(small_files(CC11), "pages/w01-ada.html", "pages/w01 ada.html")
    assert messages(validate_files(files, CC11)) == [
        "pages/w01 ada.html: 'w01 ada.html' is not a lowercase ASCII name without spaces"
    ]


def test_uppercase_and_non_ascii_file_names_are_reported() -> None:
    files = rename(small_files(CC11), "pages/w01-ada.html", "pages/Zoë.html")
    assert messages(validate_files(files, CC11)) == [
        "pages/Zoë.html: 'Zoë.html' is not a lowercase ASCII name without spaces"
    ]


def test_duplicate_basename_is_reported() -> None:
    files = small_files(CC11)
    files["web_resources/w01-ada.html"] = PAGE
    files = replace_in_manifest(
        files,
        "</resources>",
        '<resource identifier="res_copy" type="webcontent" href="web_resources/w01-ada.html">'
        '<file href="web_resources/w01-ada.html"/></resource></resources>',
    )
    assert messages(validate_files(files, CC11)) == [
        "web_resources/w01-ada.html: basename 'w01-ada.html' also used by pages/w01-ada.html"
    ]


@pytest.mark.parametrize("path", ["../w01-ada.html", "/w01-ada.html", "pages/../../x.html"])
def test_unsafe_paths_are_reported(path: str) -> None:
    files = rename(small_files(CC11), "pages/w01-ada.html", path)
    found = messages(validate_files(files, CC11))
    assert f"{path}: unsafe path in package: {path!r}" in found


def test_undeclared_file_and_unparsable_page_are_reported() -> None:
    files = small_files(CC11)
    files["pages/w01-ada.html"] = b"<html><body><p>unclosed</body></html>"
    files["pages/stray.html"] = PAGE
    found = messages(validate_files(files, CC11))
    assert "pages/stray.html: in the package but declared by no resource" in found
    assert any(m.startswith("pages/w01-ada.html:1: not well-formed") for m in found)


def test_schema_errors_name_file_and_line(schemas: SchemaSet) -> None:
    files = replace_in_manifest(small_files(CC11), 'identifier="week_w01"', 'identifier="1week"')
    found = messages(validate_files(files, CC11, schemas))
    assert found and all(m.startswith("imsmanifest.xml:") for m in found)
    assert any("1week" in m for m in found)


def test_descriptor_in_wrong_namespace_is_reported(schemas: SchemaSet) -> None:
    files = small_files(CC11)
    files["topics/w01.xml"] = topic_xml("t", "<p>x</p>", CC13)
    found = messages(validate_files(files, CC11, schemas))
    assert found == [
        "topics/w01.xml: root element not in namespace "
        "http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1"
    ]


def test_invalid_descriptor_fails_its_xsd(schemas: SchemaSet) -> None:
    files = small_files(CC11)
    files["links/archive.xml"] = files["links/archive.xml"].replace(b"<url ", b"<link ")
    found = messages(validate_files(files, CC11, schemas))
    assert found and all(m.startswith("links/archive.xml:") for m in found)


def test_zip_is_byte_identical_and_canonical(tmp_path: Path) -> None:
    files = small_files(CC11)
    first = write_package(tmp_path / "a.imscc", files).read_bytes()
    second = write_package(tmp_path / "b.imscc", dict(reversed(files.items()))).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.imscc") as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names[0] == MANIFEST
    assert names[1:] == sorted(names[1:])
    assert {info.date_time for info in infos} == {ZIP_EPOCH}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    assert not any(info.is_dir() for info in infos)


def test_written_package_validates_from_disk(tmp_path: Path, schemas: SchemaSet) -> None:
    path = write_package(tmp_path / "p.imscc", small_files(CC11))
    assert messages(validate_package(path, CC11, schemas)) == []


@pytest.mark.parametrize("path", ["", "/abs.html", "a/../b.html", "..", "a//b", "c:/x", "a\\b"])
def test_unsafe_zip_paths_are_refused_when_writing(path: str, tmp_path: Path) -> None:
    with pytest.raises(UnsafePathError):
        check_zip_path(path)
    with pytest.raises(UnsafePathError):
        write_package(tmp_path / "x.imscc", {**small_files(CC11), path: b""})
    assert not (tmp_path / "x.imscc").exists()


def test_page_is_polyglot_and_keeps_only_semantic_markup() -> None:
    page = page_document(
        'T <x> & "q"',
        '<p class="c" onclick="x()">Hi &amp; <script>alert(1)</script>é<span></span></p>'
        "<style>p{}</style><br>",
        "en",
        {"identifier": "res_a"},
    )
    root = etree.fromstring(page)  # strict XML parse
    assert root.findtext("head/title") == 'T <x> & "q"'
    assert root.xpath("string(head/meta[@name='identifier']/@content)") == "res_a"
    assert "<body><p>Hi &amp; é<span></span></p><br/></body>" in page.decode()


def test_ascii_fragment_uses_numeric_references() -> None:
    assert ascii_fragment("<p>Zoë — &lt;b&gt;</p>") == "<p>Zo&#235; &#8212; &lt;b&gt;</p>"

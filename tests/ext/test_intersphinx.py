"""Another, independent Sphinx project cites the archive's items through intersphinx."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import build, copy_root, parse_html, write_project

CITING = """
    Citing the archive
    ==================

    See {ask} and {answer}.
    """


@pytest.fixture(scope="module")
def archive(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test-cite archive built as HTML (it has aliases, so old anchors are inventoried)."""
    source = copy_root(rootdir, "cite", tmp_path_factory.mktemp("archive") / "src")
    result = build(source)
    assert result.warnings == ""
    return result.outdir


def cite_from(
    tmp_path: Path, archive: Path, extensions: list[str], ask: str, answer: str
) -> dict[str, str]:
    """Build a citing project whose page references ``ask`` and ``answer``: text -> href."""
    project = write_project(
        tmp_path / "citing",
        {"index.rst": CITING.format(ask=ask, answer=answer)},
        conf=f"""
        extensions = {extensions!r}
        intersphinx_mapping = {{"archive": ({str(archive)!r}, {str(archive / "objects.inv")!r})}}
        """,
    )
    result = build(project)
    assert result.warnings == ""
    tree = parse_html(result.outdir / "index.html")
    return {a.text_content(): a.get("href") for a in tree.xpath("//p//a[@href]")}


def lands_on(archive: Path, href: str) -> str:
    """The id the link lands on, after checking the archive's page really carries it."""
    parts = urlsplit(href)
    assert parts.path.startswith(str(archive)), href
    page = parse_html(Path(parts.path))
    assert page.get_element_by_id(parts.fragment) is not None
    return f"{Path(parts.path).relative_to(archive).as_posix()}#{parts.fragment}"


def test_plain_ref_works_without_the_extension(tmp_path: Path, archive: Path) -> None:
    links = cite_from(
        tmp_path,
        archive,
        ["sphinx.ext.intersphinx"],
        ":ref:`archive:w06-dmytro-khutkyy`",
        ":ref:`the second response <archive:w06-dmytro-khutkyy-response-2>`",
    )
    assert {text: lands_on(archive, href) for text, href in links.items()} == {
        "Khutkyy, Week 6": "weeks/week06.html#w06-dmytro-khutkyy",
        "the second response": "weeks/week06.html#w06-dmytro-khutkyy-response-2",
    }


def test_external_seminar_roles_with_the_extension(tmp_path: Path, archive: Path) -> None:
    links = cite_from(
        tmp_path,
        archive,
        ["sphinx.ext.intersphinx", "sphinx_interrogations"],
        ":external+archive:seminar:interrogation:`w07-dmytro-khutkyy`",
        ":external+archive:seminar:response:`w06-alan-m-turing-response`",
    )
    assert {text: lands_on(archive, href) for text, href in links.items()} == {
        "Khutkyy, Week 7": "weeks/week07.html#w07-dmytro-khutkyy",
        "Response to Turing-Smith, Week 6": "weeks/week06.html#w06-alan-m-turing-response",
    }


def test_an_old_anchor_resolves_through_its_alias(tmp_path: Path, archive: Path) -> None:
    links = cite_from(
        tmp_path,
        archive,
        ["sphinx.ext.intersphinx", "sphinx_interrogations"],
        ":external+archive:seminar:interrogation:`w06-dmytro-khutky`",
        ":external+archive:seminar:response:`w06-dmytro-khutky-response-2`",
    )
    assert {text: lands_on(archive, href) for text, href in links.items()} == {
        "Khutkyy, Week 6": "weeks/week06.html#w06-dmytro-khutky",
        "Response 2 to Khutkyy, Week 6": "weeks/week06.html#w06-dmytro-khutky-response-2",
    }

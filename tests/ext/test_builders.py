"""Every other builder gets a sensible fallback; MyST pages use the same directives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import build, copy_root, ids_of, parse_html, write_project


@pytest.mark.parametrize(
    ("builder", "output"),
    [
        ("text", "weeks/week01.txt"),
        ("man", "testseminar.1"),
        ("texinfo", "testseminar.texi"),
        ("singlehtml", "index.html"),
        ("dirhtml", "weeks/week01/index.html"),
        ("epub", "weeks/week01.xhtml"),
        ("xml", "weeks/week01.xml"),
    ],
)
def test_fallback_builders(rootdir: Path, tmp_path: Path, builder: str, output: str) -> None:
    result = build(copy_root(rootdir, "basic", tmp_path / "src"), builder)
    assert result.warnings == "" or builder == "epub"  # epub warns about the missing cover
    text = (result.outdir / output).read_text(encoding="utf-8")
    assert "Ada Lovelace" in text
    assert "It can only do what we order it to perform." in text
    assert "Instructor response" in text


def test_text_builder_reads_well(rootdir: Path, tmp_path: Path) -> None:
    result = build(copy_root(rootdir, "basic", tmp_path / "src"), "text")
    text = (result.outdir / "weeks" / "week01.txt").read_text()
    assert "1.1 **Ada Lovelace** — *Can engines think?*" in text
    assert "**Instructor response** — Prof. Example" in text


def test_myst_page_uses_the_same_directives(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        {
            "index.md": """
            # Week 7: In Markdown

            ```{week} 7
            :course: Test 101
            ```

            ````{interrogation} Grace Hopper
            :title: Bugs

            A *question* written in MyST.

            ```{response}
            :by: Prof. Example

            An answer, see {seminar:interrogation}`w07-grace-hopper`.
            ```
            ````
            """
        },
        conf='extensions.append("myst_parser")\n',
    )
    result = build(project)
    assert result.warnings == ""
    tree = parse_html(result.outdir / "index.html")
    assert ids_of(tree, "seminar-interrogation") == ["w07-grace-hopper"]
    assert ids_of(tree, "seminar-response") == ["w07-grace-hopper-response"]
    assert tree.find_class("seminar-number")[0].text_content() == "7.1"
    assert "Hopper, Week 7" in tree.text_content()


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_html_themes(rootdir: Path, tmp_path: Path, theme: str) -> None:
    result = build(
        copy_root(rootdir, "basic", tmp_path / "src"), confoverrides={"html_theme": theme}
    )
    assert result.warnings == ""
    page = result.outdir / "weeks" / "week01.html"
    tree = parse_html(page)
    assert ids_of(tree, "seminar-interrogation") == ["w01-ada-lovelace", "w01-alan-turing"]
    stylesheets = [link.get("href") for link in tree.xpath("//link[@rel='stylesheet']")]
    assert any("sphinx_interrogations.css" in href for href in stylesheets)
    assert any("sphinx-design" in href for href in stylesheets)
    assert (result.outdir / "_static" / "sphinx_interrogations.css").is_file()

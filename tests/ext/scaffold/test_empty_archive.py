"""A new archive, before its first week, builds every output with no warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_interrogations.scaffold.cli import main
from tests.conftest import SCHEMAS
from tests.helpers import parse_html


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("new") / "soc101"
    args = [str(target), "--course", "Sociology 101", "--term", "2015-fall",
            "--requirement", "sphinx-interrogations==0.1.0"]
    assert main(args) == 0
    return target


def sphinx_build(archive: Path, builder: str, *options: str) -> subprocess.CompletedProcess[str]:
    """A strict build as the archive's Makefile runs it, and nitpicky."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-c", ".", "-b", builder,
         "-d", str(archive / "_build/doctrees"), *options, "source", f"_build/{builder}"],
        cwd=archive, capture_output=True, text=True, check=False, timeout=300,
    )


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_an_empty_term_builds_with_no_warning(archive: Path, builder: str) -> None:
    result = sphinx_build(archive, builder)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_the_landing_page_links_the_term_page(archive: Path) -> None:
    assert sphinx_build(archive, "html").returncode == 0
    landing = parse_html(archive / "_build/html/index.html")
    links = {a.get("href"): a.text_content() for a in landing.iter("a")}
    assert links.get("2015-fall/index.html") == "Fall 2015"
    term = parse_html(archive / "_build/html/2015-fall/index.html")
    assert term.findtext(".//h1").startswith("Fall 2015")


@pytest.mark.parametrize("builder", ["canvas", "moodle"])
def test_an_empty_term_packs_with_no_warning(archive: Path, builder: str) -> None:
    result = sphinx_build(archive, builder, "-D", f"interrogations_lms_schema_dir={SCHEMAS}")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (archive / f"_build/{builder}/sociology-101-interrogations-2015-fall.imscc").is_file()


def test_markup_and_wide_characters_in_names_stay_text(tmp_path: Path) -> None:
    course = "Soc *101* | `x`_ 社会学"
    target = tmp_path / "tricky"
    args = [str(target), "--course", course, "--term", "2016-spring", "--term-title",
            "Spring_ term <2016>", "--requirement", "sphinx-interrogations==0.1.0"]
    assert main(args) == 0
    result = sphinx_build(target, "html")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    landing = parse_html(target / "_build/html/index.html")
    assert landing.findtext(".//h1").startswith(f"{course}: Interrogations")
    term = parse_html(target / "_build/html/2016-spring/index.html")
    assert term.findtext(".//h1").startswith("Spring_ term <2016>")
    assert f"{course}, Spring_ term <2016>." in term.text_content()

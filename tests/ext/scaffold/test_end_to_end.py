"""End to end: a new archive, away from ../shared, set up in a fresh virtual environment that
installs the package from this checkout, two weeks imported (one into a new term), every output
built with no warning."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import REPO
from tests.ext.scaffold import COMMAND

pytestmark = pytest.mark.slow

#: What the package needs to be built and installed; the rest of the checkout stays behind.
PACKAGE = ("pyproject.toml", "README.md", "ext", "exporters", "importers")
WEEK = """\
## Interrogations Week 1. Sociology 101, September 10
### First Readings
---
#### 1. Ann Lee
Why do markets need rules at all?

[EOW: Because they are made of rules.]

#### 2. Bo Chan
What does mutualism ask of strangers?
"""


def make(archive: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["make", *targets], cwd=archive, capture_output=True, text=True, check=False, timeout=1200
    )
    print(f"$ make {' '.join(targets)}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    work = tmp_path_factory.mktemp("e2e")
    source = work / "package"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    for name in PACKAGE:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=ignore)
        else:
            shutil.copy2(REPO / name, source / name)
    archive = work / "soc101"
    assert not (archive.parent / "shared").exists()  # a real user has no ../shared
    created = subprocess.run(
        [str(COMMAND), str(archive), "--course", "Sociology 101", "--term", "2015-fall",
         "--requirement", f"sphinx-interrogations @ {source.as_uri()}"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False, timeout=60,
    )
    assert created.returncode == 0, created.stderr
    assert make(archive, "setup").returncode == 0
    document = work / "week01.txt"
    document.write_text(WEEK, encoding="utf-8")
    imported = make(archive, "import", f"FILE={document}", "TERM=2015-fall")
    assert imported.returncode == 0, imported.stderr
    # a second document, into a term that does not exist yet: the import creates it
    later = work / "week02.txt"
    later.write_text(WEEK.replace("Week 1.", "Week 2.").replace("September", "February"), "utf-8")
    imported = make(archive, "import", f"FILE={later}", "TERM=2016-spring")
    assert imported.returncode == 0, imported.stderr
    assert "created term 2016-spring (Spring 2016)" in imported.stdout
    return archive, make(archive, "--keep-going", "html", "pdf", "canvas", "moodle")


def test_the_archive_installs_the_package_not_a_copy(built: tuple[Path, object]) -> None:
    archive, _ = built
    assert [path.name for path in archive.glob("*.py")] == ["conf.py"]
    assert not (archive / "sphinx_interrogations").exists()
    include = (archive / ".venv/archive.mk").read_text(encoding="utf-8")
    assert "/site-packages/sphinx_interrogations/scaffold/archive.mk" in include
    # the installed package carries its templates: its own command makes the next archive
    second = archive.parent / "soc102"
    created = subprocess.run(
        [str(archive / ".venv/bin/interrogations-new"), str(second), "--course", "Soc 102",
         "--term", "2016-spring"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False, timeout=60,
    )
    assert created.returncode == 0, created.stderr
    package = (archive.parent / "package").as_uri()
    requirement = (second / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert requirement == f"sphinx-interrogations @ {package}"


def test_html_and_pdf_are_built(built: tuple[Path, subprocess.CompletedProcess]) -> None:
    archive, _ = built
    week = archive / "_build/html/2015-fall/week01.html"
    assert "w01-ann-lee" in week.read_text(encoding="utf-8")
    pdf = PdfReader(archive / "_build/latex/sociology-101-2015-fall.pdf")
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Sociology 101" in text and "Ann Lee" in text and "Fall 2015" in text


def test_the_imported_weeks_are_listed_on_their_terms(
    built: tuple[Path, subprocess.CompletedProcess]
) -> None:
    archive, _ = built
    landing = (archive / "_build/html/index.html").read_text(encoding="utf-8")
    assert landing.index("2016-spring/index.html") < landing.index("2015-fall/index.html")
    for term, week in (("2015-fall", "week01"), ("2016-spring", "week02")):
        page = (archive / f"_build/html/{term}/index.html").read_text(encoding="utf-8")
        assert f'href="{week}.html"' in page


def test_packages_are_built(built: tuple[Path, subprocess.CompletedProcess]) -> None:
    archive, _ = built
    for builder in ("canvas", "moodle"):
        package = archive / f"_build/{builder}/sociology-101-interrogations-2015-fall.imscc"
        with zipfile.ZipFile(package) as z:
            pages = [z.read(name).decode("utf-8") for name in z.namelist() if name.endswith("html")]
        assert any("Ann Lee" in page for page in pages)
        assert any("Bo Chan" in page for page in pages)


def test_the_build_succeeds_with_no_warning(
    built: tuple[Path, subprocess.CompletedProcess]
) -> None:
    _, result = built
    output = result.stdout + result.stderr
    assert "WARNING" not in output and "ERROR" not in output
    assert result.returncode == 0


def test_the_archives_own_check_passes(built: tuple[Path, subprocess.CompletedProcess]) -> None:
    archive, _ = built
    result = make(archive, "test")
    assert result.returncode == 0
    assert "WARNING" not in result.stdout + result.stderr
    assert (archive / "_build/check/latex/sociology-101-2015-fall.pdf").is_file()

"""No PDF book from a broken build: the LaTeX builder refuses while a source's last reading
reported an error (or a warning, when the build fails on warnings, as ``make pdf`` does), even
when an earlier build (``make html``) read it and this one reads nothing."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_interrogations.errors import ArchiveError
from tests.conftest import REPO
from tests.helpers import copy_root

UNINDENT = "\n* A list item\nthat runs on unindented.\n"
STRAY_RESPONSE = "\n.. response::\n\n   A response outside any interrogation.\n"


def strict_build(src: Path, builder: str, strict: bool = True) -> tuple[int, str, str]:
    """Build with Sphinx's test application (``-W`` when ``strict``): status, warnings, progress."""
    warnings, progress = io.StringIO(), io.StringIO()
    app = SphinxTestApp(
        builder, srcdir=src, status=progress, warning=warnings, warningiserror=strict
    )
    try:
        app.build()
        plain = (re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue()) for out in (warnings, progress))
        return (app.statuscode, *plain)
    finally:
        app.cleanup()


def append(src: Path, text: str) -> Path:
    week = src / "weeks" / "week02.rst"
    week.write_text(week.read_text() + text)
    return week


def line_of(path: Path, text: str) -> int:
    return path.read_text().splitlines().index(text) + 1


@pytest.fixture
def hostile(rootdir: Path, tmp_path: Path) -> Path:
    return copy_root(rootdir, "hostile", tmp_path / "src")


def books_of(src: Path) -> list[str]:
    return sorted(path.name for path in (src / "_build" / "latex").glob("*.tex"))


def test_warnings_of_a_failed_W_build_refuse_a_later_book(hostile: Path) -> None:
    assert strict_build(hostile, "latex")[0] == 0
    [book] = books_of(hostile)
    stale_pdf = hostile / "_build" / "latex" / book.replace(".tex", ".pdf")
    stale_pdf.write_bytes(b"%PDF- an earlier build's book")
    good = (hostile / "weeks" / "week02.rst").read_text()
    week = append(hostile, UNINDENT)
    status, warnings, _ = strict_build(hostile, "html")
    assert status == 1 and "Bullet list ends without a blank line" in warnings
    with pytest.raises(ArchiveError) as refused:
        strict_build(hostile, "latex")
    line = line_of(week, "that runs on unindented.")
    assert str(refused.value) == (
        f"{book} not written: the build reported 1 error(s); fix them and build again:"
        f"\n  {week}:{line}: Bullet list ends without a blank line; unexpected unindent."
    )
    assert books_of(hostile) == [] and not stale_pdf.exists()
    week.write_text(good)
    status, warnings, _ = strict_build(hostile, "latex")  # (a refused build kept no environment)
    assert (status, warnings) == (0, "")
    assert books_of(hostile) == [book]


def test_without_W_a_stored_warning_does_not_refuse_the_book(hostile: Path) -> None:
    append(hostile, UNINDENT)
    assert strict_build(hostile, "html")[0] == 1
    status, warnings, progress = strict_build(hostile, "latex", strict=False)
    assert "0 added, 0 changed, 0 removed" in progress
    assert (status, warnings) == (0, "")
    assert len(books_of(hostile)) == 1


def test_a_stored_error_refuses_the_book_even_without_W(hostile: Path) -> None:
    week = append(hostile, STRAY_RESPONSE)
    assert "ERROR" in strict_build(hostile, "html", strict=False)[1]
    with pytest.raises(ArchiveError, match=r"not written: the build reported 1 error\(s\)") as e:
        strict_build(hostile, "latex", strict=False)
    line = line_of(week, ".. response::")
    stray = f"{week}:{line}: response outside an interrogation: indent it under one"
    assert str(e.value).endswith(stray)
    assert books_of(hostile) == []


def test_sphinx_build_prints_the_refusal_as_one_message(hostile: Path) -> None:
    week = append(hostile, UNINDENT)
    sphinx_build = str(REPO / ".venv" / "bin" / "sphinx-build")
    options = ["-W", "--keep-going", "-q", "-d", str(hostile / "_build" / "doctrees")]
    html = [sphinx_build, *options, "-b", "html", str(hostile), str(hostile / "_build" / "html")]
    assert subprocess.run(html, capture_output=True, text=True).returncode == 1
    latex = [sphinx_build, *options, "-b", "latex", str(hostile), str(hostile / "_build" / "latex")]
    result = subprocess.run(latex, capture_output=True, text=True)
    assert result.returncode == 2
    line = line_of(week, "that runs on unindented.")
    message = re.sub(r"\x1b\[[0-9;]*m", "", result.stderr).strip()
    assert re.fullmatch(
        r"Archive error: \S+\.tex not written: the build reported 1 error\(s\); fix them and "
        rf"build again:\n  {re.escape(str(week))}:{line}: Bullet list ends without a blank line; "
        r"unexpected unindent\.",
        message,
    ), message

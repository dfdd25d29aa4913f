"""Readers see a term's title (its ``term`` directive's), never its key."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import build, copy_root, parse_html


def test_the_weeks_at_a_glance_name_each_term_by_its_title_newest_first(
    rootdir: Path, tmp_path: Path
) -> None:
    srcdir = copy_root(rootdir, "terms", tmp_path / "src")
    landing = srcdir / "index.rst"
    landing.write_text(landing.read_text(encoding="utf-8") + "\n.. week-overview::\n", "utf-8")
    result = build(srcdir)
    assert result.warnings == ""
    overview = parse_html(result.outdir / "index.html").find_class("seminar-overview")[0]
    rubrics = [" ".join(r.text_content().split()) for r in overview.find_class("rubric")]
    assert rubrics == ["Fall 2015 (second offering)", "Fall 2013"]
    tables = overview.find_class("seminar-overview-table")
    weeks = [[" ".join(cell.text_content().split()) for cell in t.xpath(".//tbody/tr/td[1]")]
             for t in tables]  # fmt: skip
    assert weeks == [["6", "7"], ["6"]]
    assert "2015-fall" not in overview.text_content()

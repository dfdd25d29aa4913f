"""The slot for further packages of the same course (the native Moodle backup plugs in here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_interrogations_lms.builders import MoodleBuilder
from sphinx_interrogations_lms.course import Course
from sphinx_interrogations_lms.flavours.moodle import MoodleFlavour
from tests.exporters.conftest import build_package, lms_copy
from tests.helpers import build


class PageList:
    """A further package: the course's sections and page titles, as JSON."""

    def file_name(self, course: Course) -> str:
        return f"{course.slug}.pages.json"

    def package_bytes(self, course: Course) -> bytes:
        sections = {week.title: [page.title for page in week.pages] for week in course.weeks}
        return json.dumps({course.about_title: [course.about.title], **sections}).encode()


@pytest.fixture
def with_page_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MoodleBuilder, "flavour", MoodleFlavour(extra_packages=(PageList(),)))


@pytest.mark.usefixtures("with_page_list")
def test_extra_packages_are_written_from_the_same_course(
    rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    package = build_package(lms_copy(rootdir, tmp_path / "src"), "moodle", schema_dir)
    written = json.loads((package.path.parent / "hostile-course-co.pages.json").read_text())
    manifest_titles = [t.text for t in package.xml("imsmanifest.xml").iter("{*}title")]
    assert list(written) == [
        "About this archive",
        "Week 2: Script & <Tags>",
        "Week 10: Later Things",
    ]
    assert all(title in manifest_titles for titles in written.values() for title in titles)


@pytest.mark.usefixtures("with_page_list")
def test_a_refused_build_leaves_no_extra_package(rootdir: Path, tmp_path: Path) -> None:
    src = lms_copy(rootdir, tmp_path / "src")
    first = build(src, "moodle")
    extra = first.outdir / "hostile-course-co.pages.json"
    assert extra.is_file()
    beta = src / "weeks" / "beta.rst"
    beta.write_text(beta.read_text().replace(".. week:: 2", ".. week:: two"))
    build(src, "moodle")
    assert not extra.exists()
    assert not (first.outdir / "hostile-course-co.imscc").exists()

"""The backup of the guide's minimal course is the guide's minimal example, file for file.

The minimal example restores in Moodle 4.5.6 without a warning; the writer, given the same
course, must write the same file tree and every field of it with the same value, apart from the
differences listed here on purpose.
"""

from __future__ import annotations

import re

from lxml import etree

from sphinx_interrogations_lms.moodle_backup import backup_files
from tests.exporters.moodle_backup.conftest import (
    MINIMAL,
    REFERENCE,
    example_tree,
    minimal_course,
)

#: (file pattern, leaf path) -> why the writer's value differs from the example's
DIFFERENT = {
    ("moodle_backup.xml", "information/original_site_identifier_hash"): "the writer's own site",
    ("moodle_backup.xml", "information/details/detail@backup_id"): "from the short name",
    ("activities/page_*/page.xml", "page/displayoptions"): "no 'Last modified' line",
}
#: leaves the writer adds (all optional for Moodle, seen in the Moodle-written reference)
ADDED = {
    ("course/course.xml", "lang"),
    ("course/course.xml", "timecreated"),
    ("course/course.xml", "timemodified"),
    ("sections/section_*/section.xml", "timemodified"),
    ("activities/page_*/page.xml", "page/timemodified"),
    ("activities/url_*/url.xml", "url/timemodified"),
}


def kind(path: str) -> str:
    """``activities/page_101/page.xml`` -> ``activities/page_*/page.xml``."""
    path = re.sub(r"_\d+/", "_*/", path)
    return re.sub(r"^files/[0-9a-f]{2}/[0-9a-f]{40}$", "files/*/*", path)


def leaves(data: bytes) -> dict[str, str]:
    """Leaf path (``a/b``, ``a/b@attr``, repeated elements numbered) -> text, of one XML file."""
    root = etree.fromstring(data)
    found: dict[str, str] = {}

    def walk(element: etree._Element, path: str) -> None:
        for name, value in element.attrib.items():
            found[f"{path}@{name}" if path else f"@{name}"] = value
        if len(element) == 0:
            text = element.text or ""
            found[path] = text if text.strip() else ""
        seen: dict[str, int] = {}
        for child in element:
            seen[child.tag] = seen.get(child.tag, 0) + 1
            number = seen[child.tag]
            step = child.tag if number == 1 else f"{child.tag}[{number}]"
            walk(child, f"{path}/{step}" if path else step)

    walk(root, "")
    return found


def test_same_file_tree_as_the_minimal_example():
    written = backup_files(minimal_course())
    assert sorted(written) == sorted(example_tree(MINIMAL))


def test_every_field_of_the_minimal_example_with_its_value():
    written = backup_files(minimal_course())
    for path, data in example_tree(MINIMAL).items():
        if not path.endswith(".xml"):
            assert written[path] == data, path
            continue
        expected, actual = leaves(data), leaves(written[path])
        for leaf, value in expected.items():
            if (kind(path), leaf) in DIFFERENT:
                assert leaf in actual, (path, leaf)
                continue
            assert actual.get(leaf) == value, (path, leaf)
        extra = {leaf for leaf in actual if leaf not in expected}
        assert extra == {leaf for pattern, leaf in ADDED if pattern == kind(path)}, path


def test_every_kind_of_file_is_one_moodle_writes_itself():
    written = {kind(path) for path in backup_files(minimal_course())}
    assert written <= {kind(path) for path in example_tree(REFERENCE)}

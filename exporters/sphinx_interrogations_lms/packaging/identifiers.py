"""Every identifier and zip path of a package, from stable anchors only.

The one place the exporters name things: Common Cartridge identifiers (NCNames), Canvas
migration ids and the package's file names. Each comes from an anchor through the archive's
identity function, never from a position, so an item keeps its identifier across builds and
reorderings (Canvas updates re-imported pages in place by it).
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from sphinx_interrogations.ids import lms_identifier, slug

#: anchor of the About page (and its folder, module)
ABOUT = "about"
ARCHIVE = "archive"
ARCHIVE_FILE = "links/archive.xml"
#: the longest file or folder name in a package, and the longest zip path (UTF-8 bytes)
MAX_COMPONENT_BYTES = 120
MAX_PATH_BYTES = 240
#: the longest suffix a package adds to an anchor in a file name ("-discussion-meta.xml")
LONGEST_SUFFIX = len("-discussion-meta.xml")
#: the longest week anchor without its prefix ("w999")
LONGEST_WEEK = len("w999")


def fitted(name: str, limit: int = MAX_COMPONENT_BYTES - LONGEST_SUFFIX) -> str:
    """``name`` if it fits in ``limit`` bytes, else its start and a hash of the whole.

    Deterministic and collision-safe: two long names sharing a start differ in the hash.
    """
    if len(name.encode()) <= limit:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:10]
    return f"{name.encode()[: limit - 11].decode(errors='ignore').rstrip('-')}-{digest}"


def prefix_problem(prefix: str) -> str:
    """Why the anchor prefix ``prefix`` cannot name package files ("" if it can)."""
    room = MAX_COMPONENT_BYTES - LONGEST_SUFFIX - LONGEST_WEEK
    if len(prefix.encode()) > room:
        return f"longer than {room} bytes, it leaves no room for week and student in file names"
    return ""


def path_problem(path: str) -> str:
    """Why ``path`` is too long for a package ("" if it is not)."""
    if len(path.encode()) > MAX_PATH_BYTES:
        return f"longer than {MAX_PATH_BYTES} bytes"
    long = [part for part in path.split("/") if len(part.encode()) > MAX_COMPONENT_BYTES]
    return f"{long[0]!r} is longer than {MAX_COMPONENT_BYTES} bytes" if long else ""


def course_slug(title: str) -> str:
    """File-name form of the course title: ``sociology-929-interrogations``."""
    return slug(title) or "course"


def package_name(course: str, extension: str = "imscc") -> str:
    """File name of a package of the course with slug ``course``."""
    return f"{course}.{extension}"


def manifest(course: str) -> str:
    """The manifest identifier."""
    return lms_identifier(course, "man")


def organization(manifest_id: str) -> str:
    """The manifest's one organization."""
    return f"org_{manifest_id}"


def root_item(manifest_id: str) -> str:
    """The organization's untitled root item."""
    return f"root_{manifest_id}"


def page_resource(page: str) -> str:
    """The resource of the page with anchor ``page`` (in Canvas also the wiki page's id)."""
    return lms_identifier(page, "res")


def page_item(page: str) -> str:
    """The organization item of a page."""
    return lms_identifier(page, "item")


def page_name(page: str) -> str:
    """The page's name in the package (its file name, Canvas's page URL): its anchor, fitted."""
    return fitted(page)


def page_file(folder: str, page: str) -> str:
    """Zip path of a page."""
    return f"{folder}/{page_name(page)}.html"


def week_folder(week: str) -> str:
    """The organization folder item of the week with anchor ``week``."""
    return lms_identifier(week, "week")


def week_overview(week: str) -> str:
    """Anchor of a week's overview page (one page per interrogation)."""
    return f"{week}-overview"


def topic(week: str) -> str:
    """The week's discussion topic resource."""
    return lms_identifier(week, "topic")


def topic_item(week: str) -> str:
    """The week's discussion organization item."""
    return lms_identifier(week, "topicitem")


def topic_file(week: str) -> str:
    """Zip path of the week's discussion topic descriptor."""
    return f"topics/{fitted(week)}-discussion.xml"


ASSET_FOLDER = "web_resources/img"


def asset_file(name: str, taken: set[str]) -> str:
    """A lowercase ASCII zip path for an image file ``name``, not among the ``taken`` paths."""
    path = PurePosixPath(name)
    stem = fitted(slug(path.stem) or "image", MAX_COMPONENT_BYTES - 20)
    extension = slug(path.suffix)[:9]
    suffix = f".{extension}" if extension else ""
    candidate, counter = f"{ASSET_FOLDER}/{stem}{suffix}", 1
    while candidate in taken:
        counter += 1
        candidate = f"{ASSET_FOLDER}/{stem}-{counter}{suffix}"
    return candidate


def asset(path: str) -> str:
    """The resource declaring the file at zip ``path``."""
    return lms_identifier(slug(path), "asset")


def about_folder() -> str:
    """The About folder item."""
    return lms_identifier(ABOUT, "folder")


def archive_link() -> str:
    """The web-link resource to the published archive."""
    return lms_identifier(ARCHIVE, "link")


def archive_item() -> str:
    """The organization item (and Canvas module item) of the archive link."""
    return lms_identifier(ARCHIVE, "item")


# -- Canvas's course-export files ----------------------------------------------------------


def canvas_course(course: str) -> str:
    """``course_settings.xml``'s course identifier."""
    return lms_identifier(course, "course")


def canvas_module(anchor: str) -> str:
    """The Canvas module of the week (or About page) with ``anchor``."""
    return lms_identifier(anchor, "module")


def canvas_module_item(page: str) -> str:
    """The Canvas module item showing the page ``page``."""
    return lms_identifier(page, "mi")


def canvas_discussion_item(week: str) -> str:
    """The Canvas module item showing the week's discussion."""
    return lms_identifier(week, "midiscussion")


def canvas_topic_meta(week: str) -> str:
    """The Canvas ``topicMeta`` resource of the week's discussion."""
    return lms_identifier(week, "topicmeta")


def canvas_topic_meta_file(week: str) -> str:
    """Zip path of the week's Canvas ``topicMeta`` file."""
    return topic_file(week).removesuffix(".xml") + "-meta.xml"

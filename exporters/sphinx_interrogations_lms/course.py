"""The course as the flavours see it (already rendered), and the cartridge layout they share.

Every identifier and file name comes from a stable anchor through
:func:`sphinx_interrogations.ids.lms_identifier`, never from a position, so the same item keeps
its identifier across builds and reorderings (Canvas matches re-imports on it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sphinx_interrogations.ids import lms_identifier, slug

from .cartridge import (
    WEBCONTENT,
    CCVersion,
    Item,
    Manifest,
    Metadata,
    Resource,
    topic_xml,
    weblink_xml,
)
from .pages import clean_fragment, page_document


@dataclass(frozen=True, slots=True)
class Page:
    """One package page; ``body`` is its rendered HTML fragment (links already resolved)."""

    anchor: str
    title: str
    body: str
    #: zip paths of the files (images) the page shows
    assets: tuple[str, ...] = ()

    @property
    def resource(self) -> str:
        """Identifier of the page's resource (and, in Canvas, of the wiki page)."""
        return lms_identifier(self.anchor, "res")

    @property
    def item(self) -> str:
        """Identifier of the page's organization item."""
        return lms_identifier(self.anchor, "item")


@dataclass(frozen=True, slots=True)
class Week:
    """One week: its pages in order (overview first) and an optional discussion prompt."""

    number: int
    anchor: str
    title: str
    pages: tuple[Page, ...]
    #: discussion topic title and HTML prompt; empty title = no discussion
    discussion_title: str = ""
    discussion_prompt: str = ""

    @property
    def folder(self) -> str:
        """Identifier of the week's organization folder item."""
        return lms_identifier(self.anchor, "week")

    @property
    def topic(self) -> str:
        """Identifier of the week's discussion topic resource."""
        return lms_identifier(self.anchor, "topic")

    @property
    def topic_item(self) -> str:
        """Identifier of the week's discussion organization item."""
        return lms_identifier(self.anchor, "topicitem")

    @property
    def topic_file(self) -> str:
        """Zip path of the discussion topic descriptor."""
        return f"topics/{self.anchor}-discussion.xml"


@dataclass(frozen=True, slots=True)
class Course:
    """Everything a flavour packages: metadata, the About section and the weeks in order."""

    slug: str
    metadata: Metadata
    #: short course code (Canvas); "" when unknown
    code: str
    about_title: str
    about: Page
    #: the published HTML archive ("" when ``html_baseurl`` is unset) and its link title
    archive_url: str
    archive_title: str
    weeks: tuple[Week, ...]
    #: files pages refer to (zip path -> content), each declared as its own resource
    assets: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def identifier(self) -> str:
        """The manifest identifier."""
        return lms_identifier(self.slug, "man")


def asset_identifier(path: str) -> str:
    """Identifier of the resource declaring the file at zip ``path``."""
    return lms_identifier(slug(path), "asset")


ABOUT_FOLDER = lms_identifier("about", "folder")
ARCHIVE_LINK = lms_identifier("archive", "link")
ARCHIVE_ITEM = lms_identifier("archive", "item")
ARCHIVE_FILE = "links/archive.xml"

#: turns a discussion prompt into the HTML stored in the topic descriptor
PromptFilter = Callable[[str], str]


@dataclass(slots=True)
class Cartridge:
    """A manifest under construction and the files it declares (zip path -> bytes)."""

    manifest: Manifest
    files: dict[str, bytes]


def page_path(folder: str, page: Page) -> str:
    """Zip path of a page inside ``folder``."""
    return f"{folder}/{page.anchor}.html"


def assemble(
    course: Course,
    version: CCVersion,
    page_folder: str,
    page_meta: Callable[[Page], Mapping[str, str]],
    prompt_filter: PromptFilter = clean_fragment,
) -> Cartridge:
    """Lay out the shared structure: About first, then one folder per week, in order.

    The About folder holds the About page and, when the archive is published, a web link to
    it; each week folder holds its pages and then its discussion topic (if any). Every asset
    is a resource of its own that the pages showing it depend on.
    """
    language = course.metadata.language
    cartridge = Cartridge(Manifest(course.identifier, course.metadata), {})

    def add_page(page: Page) -> Item:
        path = page_path(page_folder, page)
        cartridge.files[path] = page_document(page.title, page.body, language, page_meta(page))
        dependencies = [asset_identifier(asset) for asset in page.assets]
        cartridge.manifest.resources.append(
            Resource(page.resource, WEBCONTENT, path, [path], dependencies)
        )
        return Item(page.item, page.title, page.resource)

    about = Item(ABOUT_FOLDER, course.about_title, children=[add_page(course.about)])
    if course.archive_url:
        cartridge.files[ARCHIVE_FILE] = weblink_xml(
            course.archive_title, course.archive_url, version
        )
        cartridge.manifest.resources.append(
            Resource(ARCHIVE_LINK, version.weblink_type, files=[ARCHIVE_FILE])
        )
        about.children.append(Item(ARCHIVE_ITEM, course.archive_title, ARCHIVE_LINK))
    cartridge.manifest.items.append(about)
    for week in course.weeks:
        folder = Item(week.folder, week.title, children=[add_page(page) for page in week.pages])
        if week.discussion_title:
            text = prompt_filter(week.discussion_prompt)
            cartridge.files[week.topic_file] = topic_xml(week.discussion_title, text, version)
            cartridge.manifest.resources.append(
                Resource(week.topic, version.topic_type, files=[week.topic_file])
            )
            folder.children.append(Item(week.topic_item, week.discussion_title, week.topic))
        cartridge.manifest.items.append(folder)
    for path, data in sorted(course.assets.items()):
        cartridge.files[path] = data
        cartridge.manifest.resources.append(
            Resource(asset_identifier(path), WEBCONTENT, path, [path])
        )
    return cartridge

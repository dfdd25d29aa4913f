"""The cartridge layout every flavour shares: About first, then one folder per week.

The About folder holds the About page and, when the archive is published, a web link to it;
each week folder holds its pages and then its discussion topic (if any). Every asset is a
resource of its own that the pages showing it depend on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sphinx_interrogations.identity import (
    ARCHIVE_ANCHOR,
    ARCHIVE_LINK_FILE,
    LmsRole,
    asset_identifier,
    course_anchor,
    lms_identifier,
    page_file,
    topic_file,
)

from ..course import Course, Page
from ..markup.html import page_document
from ..markup.policy import Markup
from .cartridge import WEBCONTENT, CCVersion, Item, Manifest, Resource, topic_xml, weblink_xml

#: turns a discussion prompt into the HTML a flavour stores
PromptFilter = Callable[[str], str]
#: the ``<meta>`` tags of a page's ``<head>``
PageMeta = Callable[[Page], Mapping[str, str]]


@dataclass(slots=True)
class Cartridge:
    """A manifest under construction and the files it declares (zip path -> bytes)."""

    manifest: Manifest
    files: dict[str, bytes]

    def add(self, resource: Resource, files: Mapping[str, bytes]) -> None:
        """Declare ``resource`` and add its ``files``."""
        self.manifest.resources.append(resource)
        self.files.update(files)


@dataclass(frozen=True, slots=True)
class PageStyle:
    """How a flavour writes its pages: folder, head meta tags, body markup, prompts."""

    folder: str
    meta: PageMeta
    markup: Markup
    prompt: PromptFilter


def assemble(course: Course, version: CCVersion, style: PageStyle) -> Cartridge:
    """Lay out the shared structure of ``course`` (the manifest XML is written later)."""
    language = course.metadata.language
    cartridge = Cartridge(
        Manifest(lms_identifier(course.slug, LmsRole.MANIFEST), course.metadata), {}
    )

    def add_page(page: Page) -> Item:
        path = page_file(style.folder, page.anchor)
        document = page_document(page.title, page.body, language, style.meta(page), style.markup)
        resource = lms_identifier(page.anchor, LmsRole.RESOURCE)
        dependencies = [asset_identifier(asset) for asset in page.assets]
        cartridge.add(Resource(resource, WEBCONTENT, path, [path], dependencies), {path: document})
        return Item(lms_identifier(page.anchor, LmsRole.ITEM), page.title, resource)

    about = Item(
        lms_identifier(course.about.anchor, LmsRole.FOLDER),
        course.about_title,
        children=[add_page(course.about)],
    )
    if course.archive_url:
        link = weblink_xml(course.archive_title, course.archive_url, version)
        archive = course_anchor(ARCHIVE_ANCHOR, course.term_prefix)
        resource = Resource(lms_identifier(archive, LmsRole.LINK), version.weblink_type)
        resource.files.append(ARCHIVE_LINK_FILE)
        cartridge.add(resource, {ARCHIVE_LINK_FILE: link})
        item = Item(
            lms_identifier(archive, LmsRole.ITEM), course.archive_title, resource.identifier
        )
        about.children.append(item)
    cartridge.manifest.items.append(about)
    for week in course.weeks:
        children = [add_page(page) for page in week.pages]
        folder = Item(
            lms_identifier(week.anchor, LmsRole.WEEK_FOLDER), week.title, children=children
        )
        if week.discussion_title:
            path = topic_file(week.anchor)
            text = style.prompt(week.discussion_prompt)
            topic = lms_identifier(week.anchor, LmsRole.TOPIC)
            cartridge.add(
                Resource(topic, version.topic_type, files=[path]),
                {path: topic_xml(week.discussion_title, text, version)},
            )
            item = Item(
                lms_identifier(week.anchor, LmsRole.TOPIC_ITEM), week.discussion_title, topic
            )
            folder.children.append(item)
        cartridge.manifest.items.append(folder)
    for path, data in sorted(course.assets.items()):
        cartridge.add(Resource(asset_identifier(path), WEBCONTENT, path, [path]), {path: data})
    return cartridge

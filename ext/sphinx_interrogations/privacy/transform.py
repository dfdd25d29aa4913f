"""The doctree transform scrubbing students' names from a public build's documents."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref, toctree
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..i18n import _
from .addresses import refuse_named_addresses
from .mentions import COMMON_WORD
from .policy import Privacy, scrub_value
from .public_build import privacy_for
from .responders import publish_responders

logger = logging.getLogger(__name__)

#: What replaces a reference (without explicit text) to a left-out interrogation.
WITHHELD_REFERENCE = _("[withheld]")
#: Attributes holding anchors, labels or reference targets: scrubbed into slug form.
IDENTIFIER_ATTRIBUTES = frozenset(
    {
        "ids",
        "backrefs",
        "names",
        "dupnames",
        "refid",
        "refname",
        "reftarget",
        "parent",
        "aliases",
        "anchorname",
    }
)
#: Attributes left alone: structure, file paths and docnames (a docname holding a name is
#: refused, see :mod:`.files`), addresses (checked, never rewritten: :mod:`.addresses`) and
#: the responder (published by :func:`.responders.publish_responders`).
KEPT_ATTRIBUTES = frozenset(
    {
        "classes",
        "source",
        "uri",
        "refuri",
        "filename",
        "includefiles",
        "candidates",
        "refdoc",
        "refdomain",
        "reftype",
        "format",
        "xml:space",
        "language",
        "responder",
        "docname",
    }
)
#: Cross-reference types whose target is a document or file name.
FILE_REFERENCE_TYPES = frozenset({"doc", "download"})
#: Tables of a docutils document keyed by ids or names (``names``: docutils 0.23 and newer).
DOCUMENT_TABLES = (
    "ids",
    "names",
    "nameids",
    "nametypes",
    "refnames",
    "refids",
    "footnote_refs",
    "citation_refs",
)
#: Tables some docutils targets keep by name or id.
TARGET_TABLES = ("expect_referenced_by_name", "expect_referenced_by_id")


class ScrubNames(SphinxTransform):
    """In public builds, replace students' names everywhere in the doctree.

    Runs after smart quotes and reference resolution inside the document, and before the
    domains collect objects and labels (850) and titles are collected (doctree-read).
    """

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        """Scrub the document (public builds only)."""
        if not self.config.interrogations_public:
            return
        privacy = privacy_for(self.config)
        self.env.note_dependency(str(privacy.roster))
        refuse_named_addresses(privacy, self.document)
        staff = publish_responders(privacy, self.document)
        self.scrub_text(privacy, staff)
        withheld = self.scrub_attributes(privacy)
        for xref in withheld:
            text = xref.astext() if xref.get("refexplicit") else str(WITHHELD_REFERENCE)
            xref.replace_self(nodes.inline(text, text, classes=["seminar-withheld"]))
        self.scrub_document_tables(privacy)

    def scrub_document_tables(self, privacy: Privacy) -> None:
        """Rename the keys of the document's id and name tables as the attributes were."""
        document = self.document

        def ident(name: str) -> str:
            """The scrubbed form of an id or name."""
            return privacy.scrub(name, identifier=True).text

        for table in DOCUMENT_TABLES:
            if not hasattr(document, table):
                continue
            renamed = {ident(key): value for key, value in getattr(document, table).items()}
            setattr(document, table, renamed)
        document.nameids = {
            name: ident(id_) if id_ else id_ for name, id_ in document.nameids.items()
        }

    def scrub_text(self, privacy: Privacy, kept: set[int]) -> None:
        """Scrub every text node but staff names, warning where a name is unsure."""
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or id(text) in kept:
                continue
            scrubbed = privacy.scrub(str(text))
            for written, why in scrubbed.unsure:
                if why != COMMON_WORD or written[:1].isupper():
                    logger.warning(
                        "possible mention of a student left as written: %r is %s; write the "
                        "full name to pseudonymize it, or reword",
                        written,
                        why,
                        location=parent,
                        type="seminar",
                        subtype="privacy",
                    )
            if scrubbed.text != str(text):
                parent.replace(text, nodes.Text(scrubbed.text))

    @staticmethod
    def drop_named_aliases(privacy: Privacy, element: nodes.Element) -> None:
        """Drop the ``:aliases:`` holding a name: old anchors of the named archive, never
        published under a pseudonym (scrubbed, they could clash with the new anchor)."""
        named = [
            a for a in element.get("aliases", ()) if privacy.scrub(a, identifier=True).text != a
        ]
        if named:
            element["aliases"] = tuple(a for a in element["aliases"] if a not in named)
            element["ids"] = [anchor for anchor in element["ids"] if anchor not in named]

    def scrub_attributes(self, privacy: Privacy) -> list[pending_xref]:
        """Scrub every element's attributes (text, or slugs for identifiers).

        Returns the references whose target belongs to a student left out of the build.
        """
        withheld: list[pending_xref] = []
        for element in self.document.findall(nodes.Element):
            element.rawsource = scrub_value(privacy, element.rawsource)
            self.drop_named_aliases(privacy, element)
            if isinstance(element, toctree):
                element["entries"] = [
                    (scrub_value(privacy, title), ref) for title, ref in element["entries"]
                ]
            for name, value in list(element.attributes.items()):
                if name in KEPT_ATTRIBUTES or is_file_name(element, name):
                    continue
                identifier = name in IDENTIFIER_ATTRIBUTES
                element[name] = scrub_value(privacy, value, identifier=identifier)
            for table in TARGET_TABLES:  # pending-reference bookkeeping of docutils targets
                if table in vars(element):
                    renamed = {
                        scrub_value(privacy, key, identifier=True): node
                        for key, node in vars(element)[table].items()
                    }
                    setattr(element, table, renamed)
            target = element.get("reftarget")
            if isinstance(element, pending_xref) and privacy.names_withheld(str(target)):
                withheld.append(element)
        return withheld


def is_file_name(element: nodes.Element, attribute: str) -> bool:
    """Whether ``attribute`` of ``element`` names a document or file (a toctree's entries, the
    target of ``:doc:`` and ``:download:``): file names are kept out of the output by
    :mod:`.files`, never rewritten here (a rewritten one names a page that does not exist)."""
    if isinstance(element, toctree):
        return attribute == "entries"
    return attribute == "reftarget" and element.get("reftype") in FILE_REFERENCE_TYPES

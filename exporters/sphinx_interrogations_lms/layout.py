"""Which package page holds what: the one answer the packages and the registry share.

:class:`PackageLayout` answers the extension's ``seminar-lms-layout`` event (the registry's
``lms_identifier``) and decides the pages the builders render, so both name the same resource,
whether each interrogation has its page or each week one (``interrogations_lms_page_per_week``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sphinx_interrogations.catalogue import Catalogue
from sphinx_interrogations.identity import (
    ABOUT_ANCHOR,
    LmsRole,
    lms_identifier,
    overview_anchor,
)
from sphinx_interrogations.records import Item, Week

from .links import PageMap


@dataclass(frozen=True, slots=True)
class PackageLayout:
    """The pages of a package: one per interrogation (after its week's overview), or per week."""

    catalogue: Catalogue
    page_per_week: bool

    def week_page(self, week: Week) -> str:
        """Anchor of the page standing for a week: its overview, or the whole week."""
        return week.anchor if self.page_per_week else overview_anchor(week.anchor)

    def page_of(self, item: Item) -> str:
        """Anchor of the page holding ``item`` (a response is on its question's page)."""
        week = self.catalogue.week_of(item.docname)
        if self.page_per_week and week is not None:
            return week.anchor
        return item.page_anchor

    def page_identifier(self, item: Item) -> str:
        """The LMS identifier of the resource holding ``item`` (the layout event's answer)."""
        return lms_identifier(self.page_of(item), LmsRole.RESOURCE)

    def page_map(
        self, weeks: Sequence[Week], root_doc: str, about: str = ABOUT_ANCHOR
    ) -> PageMap:
        """Which page holds every anchor: items by the catalogue, other ids by their owner."""
        anchors: dict[str, str] = {}
        documents = {root_doc: about}
        heads = {week.anchor for week in weeks}
        for week in weeks:
            overview = self.week_page(week)
            documents[week.docname] = overview
            for anchor, owner in self.catalogue.ids_of(week.docname).items():
                if owner and not self.page_per_week:
                    item = self.catalogue.item(owner, week.docname)
                    anchors[anchor] = self.page_of(item) if item else overview
                else:
                    anchors.setdefault(anchor, overview)
            for item in self.catalogue.items_of(week.docname):
                for name in (item.anchor, *item.aliases):
                    anchors[name] = self.page_of(item)
                    if not self.page_per_week and item.page_anchor == item.anchor:
                        heads.add(name)
        return PageMap(anchors, documents, frozenset(heads))

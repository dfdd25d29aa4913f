"""The ``seminar`` domain: every week, interrogation and response as a citable object.

The domain stores, merges and purges the catalogue (:mod:`.store`, indexed by docname so
parallel reads merge exactly) and resolves references to it. Records are built once per
document in :meth:`SeminarDomain.process_doc`, after the document is read; duplicates are found
in :meth:`SeminarDomain.check_consistency`, after all documents are read and merged, so ``-j N``
reports the same problems as ``-j 1``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from . import reading, store
from .catalogue import Catalogue
from .directives import InterrogationDirective, ResponseDirective, WeekDirective
from .i18n import _
from .indices import StudentIndex, WeekIndex
from .labels import citation_label, search_label, term_week_label, week_label
from .records import Kind, Record, Target, Week
from .terms import TermDirective

logger = logging.getLogger(__name__)


def label_of(record: Record) -> str:
    """The default link text of a week or item."""
    return week_label(record) if isinstance(record, Week) else citation_label(record)


class SeminarXRefRole(XRefRole):
    """Cross-reference role; a dangling target is always a warning."""

    def __init__(self) -> None:
        super().__init__(lowercase=True, warn_dangling=True)


class SeminarDomain(Domain):
    """Weeks, interrogations and responses of the seminar archive."""

    name = store.DOMAIN
    label = "Seminar"
    object_types: ClassVar = {
        "week": ObjType(_("week"), "week", "ref"),
        "interrogation": ObjType(_("interrogation"), "interrogation", "ref"),
        "response": ObjType(_("response"), "response", "ref"),
    }
    directives: ClassVar = {
        "week": WeekDirective,
        "interrogation": InterrogationDirective,
        "response": ResponseDirective,
        "term": TermDirective,
    }
    roles: ClassVar = {
        "week": SeminarXRefRole(),
        "interrogation": SeminarXRefRole(),
        "response": SeminarXRefRole(),
        "ref": SeminarXRefRole(),
    }
    indices: ClassVar = [StudentIndex, WeekIndex]
    initial_data: ClassVar = store.initial_data()
    data_version = 3

    @property
    def catalogue(self) -> Catalogue:
        """The records this domain holds."""
        return store.catalogue_from(self.data)

    # -- reading ------------------------------------------------------------------------

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record the document's week and items, their targets and its references."""
        week = reading.week_of(docname, document)
        if week is not None:
            store.note_week(self.data, week)
            store.note_ids(self.data, docname, reading.page_ids(document))
            self._add_target(week.anchor, docname, "week", week.anchor, week_label(week))
        items = list(reading.items_of(docname, document, week.term if week else ""))
        store.note_items(self.data, docname, items)
        for item in items:
            for target in (item.anchor, *item.aliases):
                self._add_target(target, docname, item.kind, item.anchor, citation_label(item))
        references = {
            node["reftarget"]
            for node in document.findall(pending_xref)
            if node.get("refdomain") == self.name
            or (node.get("refdomain") == "std" and node.get("reftype") == "ref")
        }
        if references:
            self.data["references"][docname] = references

    def _add_target(self, target: str, docname: str, kind: Kind, anchor: str, title: str) -> None:
        """Index a target, and make it a std label too (so plain ``:ref:`` and intersphinx work).

        A target already taken is left alone: :meth:`check_consistency` reports duplicates once,
        with both locations, however the documents were split between parallel readers.
        """
        if not store.note_target(self.data, target, Target(docname, kind, anchor)):
            return
        std = self.env.domains.standard_domain
        if target not in std.anonlabels:
            std.note_hyperlink_target(target, docname, target, title)

    def clear_doc(self, docname: str) -> None:
        """Forget everything ``docname`` defined."""
        store.clear_doc(self.data, docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take the records of ``docnames`` from a parallel reader."""
        store.merge(self.data, docnames, otherdata)

    # -- checking -----------------------------------------------------------------------

    def check_consistency(self) -> None:
        """Report duplicate anchors and aliases, and weeks declared twice, with both locations."""
        catalogue = self.catalogue
        weeks = sorted(catalogue.weeks(), key=lambda w: w.docname)
        seen: dict[str, tuple[str, int]] = {}
        for week in reversed(weeks):
            seen[week.anchor] = (week.docname, week.lineno)  # weeks: checked below
        for docname in sorted(self.data["items"]):
            for item in catalogue.items_of(docname):
                for target in (item.anchor, *item.aliases):
                    if target not in seen:
                        seen[target] = (docname, item.lineno)
                        continue
                    other_doc, other_line = seen[target]
                    logger.error(
                        "duplicate id %r (also at %s:%d): give one of them an explicit :id:",
                        target,
                        self.env.doc2path(other_doc),
                        other_line,
                        location=(docname, item.lineno),
                        type="seminar",
                        subtype="duplicate",
                    )
        self._check_term_prefixes(catalogue)
        numbered: dict[tuple[str, int], Week] = {}
        for week in weeks:
            other = numbered.setdefault((week.term, week.number), week)
            if other is not week:
                logger.error(
                    "week %d is declared twice (also in %s)",
                    week.number,
                    self.env.doc2path(other.docname),
                    location=(week.docname, week.lineno),
                    type="seminar",
                    subtype="duplicate",
                )

    def _check_term_prefixes(self, catalogue: Catalogue) -> None:
        """Two terms sharing an anchor prefix (say, both unprefixed) would share anchors."""
        terms = sorted(catalogue.terms(), key=lambda term: term.docname)
        implicit = next((w for w in catalogue.weeks() if not w.term), None)
        holders: dict[str, str] = {}
        if implicit is not None:
            outside = self.env.doc2path(implicit.docname)
            prefix = self.env.config.interrogations_id_prefix
            holders[prefix] = f"the weeks outside any term ({outside})"
        for term in terms:
            if not term.docname:
                continue
            other = holders.setdefault(term.prefix, str(self.env.doc2path(term.docname)))
            if other != str(self.env.doc2path(term.docname)):
                logger.error(
                    "term %r has the anchor prefix %r of %s: give it another :anchor-prefix: "
                    "(at most one term keeps unprefixed anchors)",
                    term.key,
                    term.prefix,
                    other,
                    location=(term.docname, term.lineno),
                    type="seminar",
                    subtype="duplicate",
                )

    def referencing_docs(self, docnames: Iterable[str]) -> set[str]:
        """Documents that reference any object defined in ``docnames``."""
        changed = set(docnames)
        defined = {n for n, found in self.data["targets"].items() if found.docname in changed}
        return {
            docname
            for docname, targets in self.data["references"].items()
            if docname not in changed and targets & defined
        }

    # -- resolving ----------------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """A reference to a week or item, with its label as default text."""
        catalogue = self.catalogue
        found = catalogue.target(target)
        if found is None or (typ != "ref" and typ != found.kind):
            return None
        record = catalogue.lookup(target)
        if record is None:
            return None
        text = label_of(record)
        if not node.get("refexplicit"):
            contnode = nodes.inline(
                text, text, classes=["xref", "seminar", f"seminar-xref-{found.kind}"]
            )
        return make_refnode(builder, fromdocname, found.docname, found.anchor, contnode, text)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Leave ``:any:`` to the std domain, which holds every target as a label too.

        Answering here as well would make every ``:any:`` reference ambiguous.
        """
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every week, item and alias, for ``objects.inv`` and the search index."""
        catalogue = self.catalogue
        for week in catalogue.weeks():
            label = term_week_label(week, catalogue.term(week.term))
            yield week.anchor, label, "week", week.docname, week.anchor, 1
        for item in catalogue.items():
            label = search_label(item, catalogue.term(item.term))
            yield item.anchor, label, item.kind, item.docname, item.anchor, 1
            for alias in item.aliases:
                yield alias, label, item.kind, item.docname, alias, -1

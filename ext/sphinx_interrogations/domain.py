"""The ``seminar`` domain: every week, interrogation and response as a citable object.

All state lives in ``self.data``, indexed by docname so purging and merging parallel reads is exact.
Records are built once per document in :meth:`SeminarDomain.process_doc`, after the document is
read; duplicates are found in :meth:`SeminarDomain.check_consistency`, after all documents are read
and merged, so ``-j N`` reports the same problems as ``-j 1``.
"""

from __future__ import annotations

import hashlib
import re
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

from . import ids
from .directives import InterrogationDirective, ResponseDirective, WeekDirective
from .i18n import _
from .indices import StudentIndex, WeekIndex
from .nodes import interrogation, item_heading, response, week
from .records import CitableRecord, WeekRecord

logger = logging.getLogger(__name__)


def digest(node: nodes.Element, skip: type[nodes.Element] | None = None) -> str:
    """Short hash of a node's text, to notice edits.

    The heading (display number, names) and ``skip`` children are left out, so moving an item
    or renumbering its week does not change its digest.
    """
    parts = [
        child.astext()
        for child in node.children
        if not isinstance(child, item_heading) and not (skip and isinstance(child, skip))
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def citation_label(record: CitableRecord) -> str:
    """Default link text of a reference: "Khutkyy, Week 6" / "Response to Khutkyy, Week 6"."""
    base = _("%(name)s, Week %(week)d") % {"name": record.family_name, "week": record.week}
    if record.kind == "interrogation":
        return base
    ordinal = int(record.number.rsplit(".", 1)[1])
    if ordinal == 1:
        return _("Response to %s") % base
    return _("Response %(ordinal)d to %(base)s") % {"ordinal": ordinal, "base": base}


def week_label(record: WeekRecord) -> str:
    """Default link text of a week: "Week 6: Peer-to-peer Mutualism"."""
    return _("Week %(week)d: %(topic)s") % {"week": record.number, "topic": record.topic}


class SeminarXRefRole(XRefRole):
    """Cross-reference role; a dangling target is always a warning."""

    def __init__(self) -> None:
        super().__init__(lowercase=True, warn_dangling=True)


class SeminarDomain(Domain):
    """Weeks, interrogations and responses of the seminar archive."""

    name = "seminar"
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
    }
    roles: ClassVar = {
        "week": SeminarXRefRole(),
        "interrogation": SeminarXRefRole(),
        "response": SeminarXRefRole(),
        "ref": SeminarXRefRole(),
    }
    indices: ClassVar = [StudentIndex, WeekIndex]
    initial_data: ClassVar = {
        "weeks": {},  # docname -> WeekRecord
        "citables": {},  # docname -> list[CitableRecord], document order
        "references": {},  # docname -> targets it references (seminar roles and :ref:)
        "targets": {},  # anchor or alias -> (docname, objtype, anchor)
    }
    data_version = 1

    # -- typed accessors ---------------------------------------------------------------

    @property
    def _weeks(self) -> dict[str, WeekRecord]:
        return self.data["weeks"]

    @property
    def _citables(self) -> dict[str, list[CitableRecord]]:
        return self.data["citables"]

    @property
    def _targets(self) -> dict[str, tuple[str, str, str]]:
        return self.data["targets"]

    def weeks(self) -> list[WeekRecord]:
        """Every week, by week number."""
        return sorted(self._weeks.values(), key=lambda record: (record.number, record.docname))

    def citables(self) -> list[CitableRecord]:
        """Every interrogation and response, by week then document order."""
        docs = sorted(self._citables, key=self._week_order)
        return [record for docname in docs for record in self._citables[docname]]

    def interrogations(self) -> list[CitableRecord]:
        """Every interrogation, by week then document order."""
        return [record for record in self.citables() if record.kind == "interrogation"]

    def citables_in(self, docname: str) -> list[CitableRecord]:
        """The interrogations and responses of one document, in document order."""
        return list(self._citables.get(docname, ()))

    def week_of(self, docname: str) -> WeekRecord | None:
        """The week a document holds, if any."""
        return self._weeks.get(docname)

    def citable(self, target: str) -> CitableRecord | None:
        """The record an anchor or alias names."""
        found = self._targets.get(target)
        if found is None or found[1] == "week":
            return None
        docname, _objtype, anchor = found
        return next(r for r in self._citables[docname] if r.anchor == anchor)

    def _week_order(self, docname: str) -> tuple[int, str]:
        record = self._weeks.get(docname)
        return (record.number if record else 0, docname)

    # -- reading ------------------------------------------------------------------------

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        week_node = next(document.findall(week), None)
        if week_node is not None:
            record = WeekRecord(
                number=week_node["number"],
                anchor=week_node["ids"][0],
                docname=docname,
                lineno=week_node.line or 0,
                topic=week_node["topic"] or topic_from_title(section_title(week_node)),
                date=week_node["date"],
                course=week_node["course"],
            )
            self._weeks[docname] = record
            self._add_target(record.anchor, docname, "week", record.anchor, week_label(record))
        records = list(self._records_of(docname, document))
        if records:
            self._citables[docname] = records
            for record in records:
                for target in (record.anchor, *record.aliases):
                    self._add_target(
                        target, docname, record.kind, record.anchor, citation_label(record)
                    )
        references = {
            node["reftarget"]
            for node in document.findall(pending_xref)
            if node.get("refdomain") == self.name
            or (node.get("refdomain") == "std" and node.get("reftype") == "ref")
        }
        if references:
            self.data["references"][docname] = references

    @staticmethod
    def _records_of(docname: str, document: nodes.document) -> Iterator[CitableRecord]:
        for node in document.findall(interrogation):
            asked = CitableRecord(
                kind="interrogation",
                anchor=node["ids"][0],
                docname=docname,
                lineno=node.line or 0,
                week=node["week"],
                number=node["number"],
                student=node["student"],
                student_slug=ids.slug(node["student"]),
                family_name=node["family_name"],
                title=node["title"],
                aliases=tuple(node["aliases"]),
                tags=tuple(node["tags"]),
                readings=tuple(node["readings"]),
                digest=digest(node, skip=response),
            )
            yield asked
            for answer in node.findall(response):
                yield CitableRecord(
                    kind="response",
                    anchor=answer["ids"][0],
                    docname=docname,
                    lineno=answer.line or 0,
                    week=asked.week,
                    number=f"{asked.number}.{answer['ordinal']}",
                    student=asked.student,
                    student_slug=asked.student_slug,
                    family_name=asked.family_name,
                    title=asked.title,
                    responder=answer["responder"],
                    parent=asked.anchor,
                    aliases=tuple(answer["aliases"]),
                    digest=digest(answer),
                )

    def _add_target(self, target: str, docname: str, objtype: str, anchor: str, title: str) -> None:
        """Index a target, and make it a std label too (so plain ``:ref:`` and intersphinx work).

        A target already taken is left alone: :meth:`check_consistency` reports duplicates once,
        with both locations, however the documents were split between parallel readers.
        """
        if target in self._targets:
            return
        self._targets[target] = (docname, objtype, anchor)
        std = self.env.domains.standard_domain
        if target not in std.anonlabels:
            std.note_hyperlink_target(target, docname, target, title)

    def clear_doc(self, docname: str) -> None:
        # Only the document's own records define targets: look those up, not every target.
        week = self._weeks.pop(docname, None)
        records = self._citables.pop(docname, [])
        self.data["references"].pop(docname, None)
        defined = [week.anchor] if week else []
        defined += [target for record in records for target in (record.anchor, *record.aliases)]
        for target in defined:
            found = self._targets.get(target)
            if found is not None and found[0] == docname:
                del self._targets[target]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("weeks", "citables", "references"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        for target, found in otherdata["targets"].items():
            if found[0] in docnames:
                self._targets.setdefault(target, found)

    # -- checking -----------------------------------------------------------------------

    def check_consistency(self) -> None:
        """Report duplicate anchors and aliases, and weeks declared twice, with both locations."""
        seen: dict[str, tuple[str, int]] = {}
        for record in sorted(self._weeks.values(), key=lambda r: r.docname, reverse=True):
            seen[record.anchor] = (record.docname, record.lineno)  # weeks: checked below
        for docname, lineno, targets in self._declarations():
            for target in targets:
                if target in seen:
                    other_doc, other_line = seen[target]
                    logger.error(
                        "duplicate id %r (also at %s:%d): give one of them an explicit :id:",
                        target,
                        self.env.doc2path(other_doc),
                        other_line,
                        location=(docname, lineno),
                        type="seminar",
                        subtype="duplicate",
                    )
                else:
                    seen[target] = (docname, lineno)
        weeks: dict[int, WeekRecord] = {}
        for record in sorted(self._weeks.values(), key=lambda r: r.docname):
            if record.number in weeks:
                logger.error(
                    "week %d is declared twice (also in %s)",
                    record.number,
                    self.env.doc2path(weeks[record.number].docname),
                    location=(record.docname, record.lineno),
                    type="seminar",
                    subtype="duplicate",
                )
            weeks.setdefault(record.number, record)

    def _declarations(self) -> Iterator[tuple[str, int, tuple[str, ...]]]:
        for docname in sorted(self._citables):
            for record in self._citables.get(docname, []):
                yield docname, record.lineno, (record.anchor, *record.aliases)

    def referencing_docs(self, docnames: Iterable[str]) -> set[str]:
        """Documents that reference any object defined in ``docnames``."""
        changed = set(docnames)
        defined = {t for t, found in self._targets.items() if found[0] in changed}
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
        found = self._targets.get(target)
        if found is None or (typ != "ref" and typ != found[1]):
            return None
        docname, objtype, anchor = found
        text = self._link_text(objtype, docname, anchor)
        if not node.get("refexplicit"):
            contnode = nodes.inline(
                text, text, classes=["xref", "seminar", f"seminar-xref-{objtype}"]
            )
        return make_refnode(builder, fromdocname, docname, anchor, contnode, text)

    def _link_text(self, objtype: str, docname: str, anchor: str) -> str:
        if objtype == "week":
            return week_label(self._weeks[docname])
        record = next(r for r in self._citables[docname] if r.anchor == anchor)
        return citation_label(record)

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
        for record in self.weeks():
            yield record.anchor, week_label(record), "week", record.docname, record.anchor, 1
        for record in self.citables():
            label = citation_label(record)
            yield record.anchor, label, record.kind, record.docname, record.anchor, 1
            for alias in record.aliases:
                yield alias, label, record.kind, record.docname, alias, -1


def topic_from_title(title: str) -> str:
    """ "Peer-to-peer Mutualism" from a page title like "Week 6: Peer-to-peer Mutualism"."""
    return re.sub(r"^Week\s+\d+\s*[:.\u2013\u2014-]\s*", "", title, flags=re.IGNORECASE)


def section_title(node: nodes.Element) -> str:
    """Title of the section a node sits in ('' if none)."""
    section = node.parent
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    if section is None or not isinstance(section[0], nodes.title):
        return ""
    return section[0].astext()

"""Citation and footnote labels in a public build: renamed before anything registers them.

``[Natani2013]_`` is a label, an id, a Sphinx citation (resolved across documents) and a
standard label (``objects.inv``); ``[#natani]_`` is a footnote name and id. Both are renamed
while they are still only in the document being read, before docutils numbers footnotes and
Sphinx registers citations (priority 619): a citation label holding a name gets the name's
public form ("Student 07 2013", the same in every document, so references across documents
still meet), a footnote name holding one a neutral name ("note-1"; footnotes show numbers).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .policy import Privacy
from .public_build import privacy_for

#: Tables of a docutils document keyed by names, and by ids.
NAME_TABLES = ("nameids", "nametypes", "refnames", "footnote_refs", "citation_refs")
ID_TABLES = ("ids",)
NEUTRAL_FOOTNOTE = "note-{}"


class RenameNamedLabels(SphinxTransform):
    """Rename citation labels and footnote names holding a student's name."""

    default_priority = 610

    def apply(self, **kwargs: Any) -> None:
        if not self.config.interrogations_public:
            return
        privacy = privacy_for(self.config)
        names = self.citation_names(privacy)
        names.update(self.footnote_names(privacy))
        if names:
            self.rename(privacy, names)

    def citation_names(self, privacy: Privacy) -> dict[str, str]:
        """Give citations and their references public labels; return old -> new names."""
        names: dict[str, str] = {}
        labelled = [node[0] for node in self.document.findall(nodes.citation) if node.children]
        for node in [*labelled, *self.document.findall(nodes.citation_reference)]:
            written = node.astext()
            public = privacy.scrub(written).text
            if public != written:
                node.children = []
                node += nodes.Text(public)
                names[nodes.fully_normalize_name(written)] = nodes.fully_normalize_name(public)
        return names

    def footnote_names(self, privacy: Privacy) -> dict[str, str]:
        """Neutral names for footnotes named after a student: old -> new names."""
        names: dict[str, str] = {}
        taken = set(self.document.nameids)
        count = 0
        for footnote in self.document.findall(nodes.footnote):
            for name in footnote["names"]:
                if privacy.scrub(name, identifier=True).text == name:
                    continue
                count += 1
                while NEUTRAL_FOOTNOTE.format(count) in taken:
                    count += 1
                names[name] = NEUTRAL_FOOTNOTE.format(count)
        return names

    def rename(self, privacy: Privacy, names: dict[str, str]) -> None:
        """Rename ``names`` (and the ids made from them) in every element and table."""
        document = self.document
        ids: dict[str, str] = {}
        for old, new in names.items():
            old_id = document.nameids.get(old)
            if old_id and privacy.scrub(old_id, identifier=True).text != old_id:
                new_id, counter = nodes.make_id(new), 1
                while new_id in document.ids or new_id in ids.values():
                    counter += 1
                    new_id = f"{nodes.make_id(new)}-{counter}"
                ids[old_id] = new_id
        for element in document.findall(nodes.Element):
            for attribute, table in (("names", names), ("dupnames", names), ("ids", ids)):
                if element.get(attribute):
                    element[attribute] = [table.get(value, value) for value in element[attribute]]
            for attribute, table in (("refname", names), ("refid", ids)):
                if attribute in element:
                    element[attribute] = table.get(element[attribute], element[attribute])
        for table_name, table in [(t, names) for t in NAME_TABLES] + [(t, ids) for t in ID_TABLES]:
            if hasattr(document, table_name):
                old_table = getattr(document, table_name)
                setattr(document, table_name, {table.get(k, k): v for k, v in old_table.items()})
        document.nameids = {k: ids.get(v, v) if v else v for k, v in document.nameids.items()}

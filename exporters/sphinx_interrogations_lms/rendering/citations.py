"""Citations on the package page that cites them: a page links to no citation it lacks.

A citation (``[Smith2013]_``) may be defined anywhere: in another interrogation, elsewhere on
the week page, in another document. A package page shows one item, so every citation a page
cites but does not hold is carried onto it (a copy, after the page's content, as footnotes
are), and every citation reference of a page links to the citation on that page.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..links import Target
from .references import target_of

#: (docname, anchor) -> the resolved citation there (a node the caller may only copy), or None
CitationLookup = Callable[[str, str], "nodes.citation | None"]


def carry_citations(
    document: nodes.document,
    docname: str,
    doc_of: Callable[[str], str],
    uri_of: Callable[[str], str],
    citation: CitationLookup,
) -> None:
    """Append to ``document`` (rendered as part of ``docname``) copies of the citations it
    cites but lacks, and point each citation reference at the citation on the page.

    ``doc_of`` maps the builder's target URIs to docnames, ``uri_of`` back.
    """
    held = {name for node in document.findall(nodes.Element) for name in node["ids"]}
    carried: set[str] = set()
    for reference in list(document.findall(nodes.reference)):
        target = target_of(reference, docname, doc_of)
        if target is None:
            continue
        if target.anchor not in carried:
            if target.anchor in held:  # the page's own citation, or another node's id
                if target.docname != docname or citation(docname, target.anchor) is None:
                    continue
            else:
                cited = citation(target.docname, target.anchor)
                if cited is None:
                    continue
                document += carried_copy(cited, target, docname, uri_of)
                carried.add(target.anchor)
        reference.attributes.pop("refid", None)
        reference["refuri"] = f"#{target.anchor}"
        reference["internal"] = False  # on this page: no link policy applies


def carried_copy(
    cited: nodes.citation, target: Target, docname: str, uri_of: Callable[[str], str]
) -> nodes.citation:
    """A copy of ``cited``; references within it to its own document keep pointing there."""
    copy = cited.deepcopy()
    if target.docname != docname:
        for inner in copy.findall(nodes.reference):
            if "refid" in inner:
                inner["refuri"] = f"{uri_of(target.docname)}#{inner.attributes.pop('refid')}"
                inner["internal"] = True
    return copy

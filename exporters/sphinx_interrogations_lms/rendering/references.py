"""Pointing a page's cross-references where the flavour's link policy says (docutils side)."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..links import LinkPolicy, Target


def rewrite_references(
    tree: nodes.Element,
    docname: str,
    doc_of: Callable[[str], str],
    policy: LinkPolicy,
    here: str,
) -> None:
    """Point every internal reference in ``tree`` where ``policy`` says, or make it plain text.

    ``doc_of`` maps the builder's target URIs back to docnames; external links are kept.
    """
    for reference in list(tree.findall(nodes.reference)):
        target = target_of(reference, docname, doc_of)
        if target is None:
            continue
        href = policy(target, here)
        if href:
            reference.attributes.pop("refid", None)
            reference["refuri"] = href
        else:
            reference.replace_self(nodes.inline("", "", *reference.children, ids=reference["ids"]))


def target_of(
    reference: nodes.reference, docname: str, doc_of: Callable[[str], str]
) -> Target | None:
    """The target of an internal reference in ``docname`` (None for an external link)."""
    if "refid" in reference:
        return Target(docname, reference["refid"])
    if reference.get("internal") and "refuri" in reference:
        uri, _, anchor = reference["refuri"].partition("#")
        return Target(doc_of(uri) if uri else docname, anchor)
    return None

"""Catalogue records from a read document: its week, interrogations and responses.

The directives leave the facts on the nodes; this module turns them into records once per
document, after it is read (so nothing depends on reading order across files).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from docutils import nodes

from .nodes import interrogation, item_heading, question, response, week
from .records import Interrogation, Item, Person, Response, Week

#: words of the question kept as the title of an untitled interrogation
OPENING_WORDS = 8


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


def opening(node: interrogation) -> str:
    """The question's first words ("…" when there are more)."""
    words = " ".join(part.astext() for part in node.findall(question)).split()
    more = "\u2026" if len(words) > OPENING_WORDS else ""
    return " ".join(words[:OPENING_WORDS]) + more


def page_ids(document: nodes.document) -> dict[str, str]:
    """Every id of a page -> the anchor of the interrogation holding it ("" for none)."""
    owners = {name: "" for node in document.findall(nodes.Element) for name in node["ids"]}
    for node in document.findall(interrogation):
        for inner in node.findall(nodes.Element):
            owners.update((name, node["ids"][0]) for name in inner["ids"])
    return owners


def week_of(docname: str, document: nodes.document) -> Week | None:
    """The week a document declares, if any."""
    node = next(document.findall(week), None)
    if node is None:
        return None
    return Week(
        term=node.get("term", ""),
        number=node["number"],
        anchor=node["ids"][0],
        docname=docname,
        lineno=node.line or 0,
        topic=node["topic"] or topic_from_title(section_title(node)),
        date=node["date"],
        course=node["course"],
        issued=node.get("issued", ""),
    )


def items_of(docname: str, document: nodes.document, term: str = "") -> Iterator[Item]:
    """The document's interrogations, each followed by its responses."""
    for node in document.findall(interrogation):
        asked = Interrogation(
            anchor=node["ids"][0],
            docname=docname,
            lineno=node.line or 0,
            term=term,
            week=node["week"],
            ordinal=node["ordinal"],
            student=Person.named(node["student"], node["family_name"]),
            title=node["title"],
            opening=opening(node),
            aliases=tuple(node["aliases"]),
            tags=tuple(node["tags"]),
            readings=tuple(node["readings"]),
            digest=digest(node, skip=response),
        )
        yield asked
        for answer in node.findall(response):
            yield Response(
                anchor=answer["ids"][0],
                docname=docname,
                lineno=answer.line or 0,
                term=term,
                week=asked.week,
                question_ordinal=asked.ordinal,
                ordinal=answer["ordinal"],
                student=asked.student,
                responder=Person.whole(answer["responder"]),
                parent=asked.anchor,
                title=asked.title,
                aliases=tuple(answer["aliases"]),
                digest=digest(answer),
            )


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

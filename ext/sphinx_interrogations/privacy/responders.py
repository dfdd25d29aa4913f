"""Who wrote a response, in public: the responder decided by the response node, not by markup.

The ``response`` node's ``responder`` and the heading the directive wrote hold the author's
name. A roster student is published like an interrogation's student (a pseudonym; a response
by a student left out of the build is left out with them); anyone else is staff and keeps
their name. A name outside the roster holding a student's name cannot be told apart: a
located error, and it is scrubbed like any text.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

from ..nodes import item_heading, response
from .policy import Privacy

logger = logging.getLogger(__name__)


def publish_responders(privacy: Privacy, document: nodes.document) -> set[int]:
    """Publish each response's author; return the ids of the text nodes of staff names (the
    names the scrubber keeps as written)."""
    staff: set[int] = set()
    for item in list(document.findall(response)):
        written = item["responder"]
        public = privacy.responder_name(written)
        if public is None:
            item.parent.remove(item)
            continue
        if public == written and privacy.scrub(written).text != written:
            public = privacy.scrub(written).text
            logger.error(
                "the responder %r is not in the roster but their name holds a student's: "
                "published as %r; write a roster student's name as in the roster, or the "
                "staff member's name without it",
                written,
                public,
                location=item,
                type="seminar",
                subtype="privacy",
            )
        item["responder"] = public
        for text in heading_names(item):
            if public == written:
                staff.add(id(text))
            else:
                text.parent.replace(text, nodes.Text(public))
    return staff


def heading_names(item: response) -> list[nodes.Text]:
    """The text nodes of the responder's name in the heading the directive wrote (its first
    child; the name is the heading's last inline, whatever smart quotes made of it)."""
    heading = item.children[0] if item.children else None
    if not isinstance(heading, item_heading):
        return []
    names = [child for child in heading.children if isinstance(child, nodes.inline)]
    return list(names[-1].findall(nodes.Text)) if names else []

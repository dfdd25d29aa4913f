"""The errors a build reports, kept so that no package is written from a broken build.

Sphinx counts warnings and errors together, privately, and sets its exit status only after
the builder has finished; a package builder must know before it writes. :class:`ErrorLog`
listens on Sphinx's logger and keeps every error (level ERROR or above, unless
``suppress_warnings`` silences it) as the located message Sphinx prints.
"""

from __future__ import annotations

import logging

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import NAMESPACE, get_node_location, is_suppressed_warning


class ErrorLog(logging.Handler):
    """A handler on Sphinx's logger keeping each error record once.

    Sphinx holds back the warnings of a document being read and replays them afterwards, so
    this handler can see a record twice: records are kept by identity.
    """

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(logging.ERROR)
        self.env = env
        self.records: list[logging.LogRecord] = []

    def attach(self) -> ErrorLog:
        logging.getLogger(NAMESPACE).addHandler(self)
        return self

    def detach(self) -> list[str]:
        """Stop listening; return the errors seen as ``"path:line: message"``."""
        logging.getLogger(NAMESPACE).removeHandler(self)
        return [self.describe(record) for record in self.records]

    def emit(self, record: logging.LogRecord) -> None:
        kind, subtype = getattr(record, "type", ""), getattr(record, "subtype", "")
        suppressed = is_suppressed_warning(kind, subtype, self.env.config.suppress_warnings)
        if not suppressed and not any(record is seen for seen in self.records):
            self.records.append(record)

    def describe(self, record: logging.LogRecord) -> str:
        """The record's location and the first paragraph of its message, on one line."""
        kind, subtype = getattr(record, "type", ""), getattr(record, "subtype", "")
        # Sphinx's own handler may have appended the type already (show_warning_types)
        tag = f" [{kind}.{subtype}]" if subtype else f" [{kind}]"
        message = logging.LogRecord.getMessage(record).strip().removesuffix(tag)
        summary = " ".join(message.split("\n\n", 1)[0].split())  # not the quoted source
        location = self.location(getattr(record, "location", None))
        return f"{location}: {summary}" if location else summary

    def location(self, location: object) -> str:
        """``path:line`` of a record's location, however Sphinx was given it."""
        if isinstance(location, tuple):
            docname, line = location
            if not docname:
                return ""
            path = str(self.env.doc2path(docname))
            return f"{path}:{line}" if line else path
        if isinstance(location, nodes.Node):
            return get_node_location(location) or ""
        if isinstance(location, str) and location and ":" not in location:
            return str(self.env.doc2path(location))  # a docname
        return str(location or "")

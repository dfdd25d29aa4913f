"""The errors a build reports, kept so that no package is written from a broken build.

Sphinx counts warnings and errors together, privately, and sets its exit status only after
the builder has finished; a package builder must know before it writes. Two kinds of error
are kept, each as the located message Sphinx prints (level ERROR or above, unless
``suppress_warnings`` silences it):

- errors reported while a document is read are stored in the environment, per document, by
  every build (:func:`start_document` / :func:`end_document`): a package build that reads only
  what changed still knows the errors of documents an earlier build read;
- any other error of the package build itself (consistency checks, resolving, writing) is
  kept by :class:`ErrorLog` while the build runs.
"""

from __future__ import annotations

import logging
from typing import Self

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import NAMESPACE, get_node_location, is_suppressed_warning

from .env_store import DocumentStore

#: set on a log record reported while a document was read (it is stored with the document)
READ_DOCUMENT = "interrogations_lms_read_document"
#: docname -> the errors reported while the document was last read
STORE: DocumentStore[list[str]] = DocumentStore("interrogations_lms_read_errors")
#: id of an environment -> the handler collecting the errors of the document it is reading
_reading: dict[int, DocumentErrors] = {}


class _ErrorHandler(logging.Handler):
    """A handler on Sphinx's logger keeping each unsilenced error record once.

    Sphinx holds back the warnings of the documents being read and replays them afterwards,
    so a handler can see a record twice: records are kept by identity.
    """

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(logging.ERROR)
        self.env = env
        self.records: list[logging.LogRecord] = []

    def attach(self) -> Self:
        logging.getLogger(NAMESPACE).addHandler(self)
        return self

    def detach(self) -> list[str]:
        """Stop listening; return the errors seen as ``"path:line: message"``."""
        logging.getLogger(NAMESPACE).removeHandler(self)
        return [describe(self.env, record) for record in self.records]

    def keeps(self, record: logging.LogRecord) -> bool:
        kind, subtype = getattr(record, "type", ""), getattr(record, "subtype", "")
        if is_suppressed_warning(kind, subtype, self.env.config.suppress_warnings):
            return False
        return not any(record is seen for seen in self.records)

    def emit(self, record: logging.LogRecord) -> None:
        if self.keeps(record):
            self.records.append(record)


class ErrorLog(_ErrorHandler):
    """The errors of this build that were not reported while reading a document."""

    def detach(self) -> list[str]:
        # a record is marked as read-time only by a handler that may come after this one
        self.records = [record for record in self.records if not hasattr(record, READ_DOCUMENT)]
        return super().detach()


class DocumentErrors(_ErrorHandler):
    """The errors reported while one document is read; marks each record as such."""

    def __init__(self, env: BuildEnvironment, docname: str) -> None:
        super().__init__(env)
        self.docname = docname

    def keeps(self, record: logging.LogRecord) -> bool:
        if hasattr(record, READ_DOCUMENT):  # replayed after the reading
            return False
        setattr(record, READ_DOCUMENT, self.docname)
        return super().keeps(record)


def read_errors(env: BuildEnvironment) -> list[str]:
    """The stored errors of every document, in docname order."""
    store = STORE.of(env)
    return [error for docname in sorted(store) for error in store[docname]]


def start_document(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: collect the errors of the document about to be parsed."""
    finish_reading(app.env)
    _reading[id(app.env)] = DocumentErrors(app.env, docname).attach()


def end_document(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` (connected last): store the errors of the document just read."""
    finish_reading(app.env)


def finish_reading(env: BuildEnvironment) -> None:
    """Store the errors of the document being read, if any is."""
    handler = _reading.pop(id(env), None)
    if handler is None:
        return
    errors = handler.detach()
    if errors:
        STORE.of(env)[handler.docname] = errors
    else:
        STORE.of(env).pop(handler.docname, None)


def stop_reading(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: detach the collecting handler a failed reading may have left."""
    finish_reading(app.env)


def connect(app: Sphinx) -> None:
    """Keep every build's read-time errors in the environment."""
    app.connect("source-read", start_document)
    app.connect("doctree-read", end_document, priority=999)
    STORE.connect(app)
    app.connect("build-finished", stop_reading)


def describe(env: BuildEnvironment, record: logging.LogRecord) -> str:
    """The record's location and the first paragraph of its message, on one line."""
    kind, subtype = getattr(record, "type", ""), getattr(record, "subtype", "")
    # Sphinx's own handler may have appended the type already (show_warning_types)
    tag = f" [{kind}.{subtype}]" if subtype else f" [{kind}]"
    message = logging.LogRecord.getMessage(record).strip().removesuffix(tag)
    summary = " ".join(message.split("\n\n", 1)[0].split())  # not the quoted source
    location = _location(env, getattr(record, "location", None))
    return f"{location}: {summary}" if location else summary


def _location(env: BuildEnvironment, location: object) -> str:
    """``path:line`` of a record's location, however Sphinx was given it."""
    if isinstance(location, tuple):
        docname, line = location
        if not docname:
            return ""
        path = str(env.doc2path(docname))
        return f"{path}:{line}" if line else path
    if isinstance(location, nodes.Node):
        return get_node_location(location) or ""
    if isinstance(location, str) and location and ":" not in location:
        return str(env.doc2path(location))  # a docname
    return str(location or "")

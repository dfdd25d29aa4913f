"""The problems a build reports, kept so that no package or book comes from a broken build.

Sphinx counts warnings and errors together, privately, and sets its exit status only after
the builder has finished; a builder must know before it writes. A *problem* is a located
message Sphinx prints at level ERROR, or WARNING too when the build fails on warnings (``-W``,
as every archive build runs), unless ``suppress_warnings`` silences it. Two kinds are kept:

- problems reported while a document is read are stored in the environment, per document, by
  every build (with their level): a later build that reads only what changed still knows the
  problems of documents an earlier build read, and counts them by its own ``-W``;
- any other problem of the current build (consistency checks, resolving, writing) is kept
  while the build runs.

:func:`problems` lists both; :func:`refusal` is the one message of an output not written.
"""

from __future__ import annotations

import logging
from typing import NamedTuple, Self

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import NAMESPACE, get_node_location, is_suppressed_warning

#: set on a log record reported while a document was read (it is stored with the document)
READ_DOCUMENT = "interrogations_read_document"
#: the environment's attribute: docname -> the problems reported while it was last read
STORE = "interrogations_read_problems"


class Problem(NamedTuple):
    """A reported message: its logging level and ``"path:line: message"``."""

    level: int
    text: str


#: id of an environment -> the level from which this build counts a record as a problem
_thresholds: dict[int, int] = {}
#: id of an environment -> the handler collecting the problems of the document it is reading
_reading: dict[int, DocumentProblems] = {}
#: id of an environment -> the handler collecting this build's other problems
_builds: dict[int, BuildProblems] = {}


def fails_on_warnings(app: Sphinx) -> bool:
    """Tell whether the build turns warnings into errors (``-W``).

    Sphinx 8.1+ keeps this privately (``_fail_on_warnings``); older ones had
    ``warningiserror``, which Sphinx 9 keeps as a constant ``False``.
    """
    return bool(getattr(app, "_fail_on_warnings", getattr(app, "warningiserror", False)))


def threshold(env: BuildEnvironment) -> int:
    """The level from which the current build of ``env`` counts a record as a problem."""
    return _thresholds.get(id(env), logging.ERROR)


class _ProblemHandler(logging.Handler):
    """A handler on Sphinx's logger keeping each unsilenced warning or error record once.

    Sphinx holds back the warnings of the documents being read and replays them afterwards,
    so a handler can see a record twice: records are kept by identity.
    """

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(logging.WARNING)
        self.env = env
        self.records: list[logging.LogRecord] = []

    def attach(self) -> Self:
        logging.getLogger(NAMESPACE).addHandler(self)
        return self

    def found(self) -> list[Problem]:
        """The problems seen so far."""
        return [Problem(record.levelno, describe(self.env, record)) for record in self.records]

    def detach(self) -> list[Problem]:
        """Stop listening; return the problems seen."""
        logging.getLogger(NAMESPACE).removeHandler(self)
        return self.found()

    def keeps(self, record: logging.LogRecord) -> bool:
        kind, subtype = getattr(record, "type", ""), getattr(record, "subtype", "")
        if is_suppressed_warning(kind, subtype, self.env.config.suppress_warnings):
            return False
        return not any(record is seen for seen in self.records)

    def emit(self, record: logging.LogRecord) -> None:
        if self.keeps(record):
            self.records.append(record)


class BuildProblems(_ProblemHandler):
    """The problems of this build that were not reported while reading a document."""

    def found(self) -> list[Problem]:
        # a record is marked as read-time only by a handler that may come after this one
        self.records = [record for record in self.records if not hasattr(record, READ_DOCUMENT)]
        return super().found()


class DocumentProblems(_ProblemHandler):
    """The problems reported while one document is read; marks each record as such."""

    def __init__(self, env: BuildEnvironment, docname: str) -> None:
        super().__init__(env)
        self.docname = docname

    def keeps(self, record: logging.LogRecord) -> bool:
        if hasattr(record, READ_DOCUMENT):  # replayed after the reading
            return False
        setattr(record, READ_DOCUMENT, self.docname)
        return super().keeps(record)


def stored(env: BuildEnvironment) -> dict[str, list[Problem]]:
    """docname -> the problems reported while it was last read (empty in a new environment)."""
    if not hasattr(env, STORE):
        setattr(env, STORE, {})
    return getattr(env, STORE)


def read_problems(env: BuildEnvironment) -> list[str]:
    """The stored problems that count in this build, of every document, in docname order."""
    level = threshold(env)
    store = stored(env)
    return [p.text for name in sorted(store) for p in store[name] if p.level >= level]


def problems(env: BuildEnvironment) -> list[str]:
    """Every problem that counts in this build so far, once: the stored ones, then this
    build's (a page resolved twice reports its dangling references twice)."""
    handler = _builds.get(id(env))
    level = threshold(env)
    own = [p.text for p in handler.found() if p.level >= level] if handler else []
    return list(dict.fromkeys(read_problems(env) + own))


def start_build(app: Sphinx) -> None:
    """``builder-inited``: count by this build's ``-W``; collect its problems."""
    _thresholds[id(app.env)] = logging.WARNING if fails_on_warnings(app) else logging.ERROR
    _builds[id(app.env)] = BuildProblems(app.env).attach()


def start_document(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: collect the problems of the document about to be parsed."""
    finish_reading(app.env)
    _reading[id(app.env)] = DocumentProblems(app.env, docname).attach()


def end_document(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` (connected last): store the problems of the document just read."""
    finish_reading(app.env)


def finish_reading(env: BuildEnvironment) -> None:
    """Store the problems of the document being read, if any is."""
    handler = _reading.pop(id(env), None)
    if handler is None:
        return
    found = handler.detach()
    if found:
        stored(env)[handler.docname] = found
    else:
        stored(env).pop(handler.docname, None)


def end_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: detach the handlers of this build."""
    finish_reading(app.env)
    handler = _builds.pop(id(app.env), None)
    if handler is not None:
        handler.detach()


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc``: forget a document before it is read again or removed."""
    stored(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """``env-merge-info``: take the problems of the documents a parallel reader read."""
    theirs = stored(other)
    stored(env).update({name: theirs[name] for name in docnames if name in theirs})


def connect(app: Sphinx) -> None:
    """Keep every build's problems; read-time ones in the environment."""
    app.connect("builder-inited", start_build)
    app.connect("source-read", start_document)
    app.connect("doctree-read", end_document, priority=999)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("build-finished", end_build)


def refusal(output: str, found: list[str]) -> str:
    """The message of an output (a package, a book) not written because of ``found``."""
    listed = "".join(f"\n  {problem}" for problem in found)
    return (
        f"{output} not written: the build reported {len(found)} error(s); "
        f"fix them and build again:{listed}"
    )


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

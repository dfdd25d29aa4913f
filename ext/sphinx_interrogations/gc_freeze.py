"""The garbage collector in a build: what is alive for good is left out of its collections.

When writing starts, everything the build keeps to the end (the environment, the catalogue,
and in a serial build every doctree read) is already alive, and each full collection of
Python's garbage collector walks all of it again: a fifth of the CPU time of a serial build at
2,000 interrogations went to collections. :func:`gc.freeze` moves those objects out of the
collector's sight; :func:`gc.unfreeze` hands them back when the build ends.

A ``-j N`` build forks a reader per chunk of sources and a writer per chunk of pages; each
inherits the main process's objects (when the writers fork, the doctrees the main process has
resolved ahead of them), which it only reads, then exits. Each freezes what it inherited as it
starts, as the Python documentation advises for ``fork()`` without ``exec()``, so its
collections walk only its own objects.
"""

from __future__ import annotations

import functools
import gc
import os

from sphinx.application import Sphinx
from sphinx.builders import Builder


def freeze_before_writing(app: Sphinx, builder: Builder) -> None:
    """``write-started``: leave the objects alive now out of every later collection."""
    gc.freeze()


def unfreeze_after_build(app: Sphinx, error: Exception | None) -> None:
    """``build-finished``: collect them again (after an error too)."""
    gc.unfreeze()


@functools.cache
def freeze_in_forked_processes() -> None:
    """Have every process forked from this one freeze what it inherits (once per process)."""
    os.register_at_fork(after_in_child=gc.freeze)


def connect(app: Sphinx) -> None:
    """Freeze when writing starts, unfreeze when the build ends; freeze in forked workers."""
    app.connect("write-started", freeze_before_writing)
    app.connect("build-finished", unfreeze_after_build, priority=900)
    if app.parallel > 1:
        freeze_in_forked_processes()

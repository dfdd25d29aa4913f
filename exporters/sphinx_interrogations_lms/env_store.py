"""Per-document data the package builders keep in the build environment.

A package build reuses the environment an HTML build left and reads only what changed, so what
it needs of documents it does not read is noted while they are read, by every build. Like
Sphinx's own per-document data, a store is pickled with the environment, forgotten when its
document is read again or removed, and merged after a parallel read.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

T = TypeVar("T")


class DocumentStore(Generic[T]):
    """Docname -> a value, kept as the environment attribute ``attribute``."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def of(self, env: BuildEnvironment) -> dict[str, T]:
        """The store of ``env`` (empty in a new environment)."""
        if not hasattr(env, self.attribute):
            setattr(env, self.attribute, {})
        return getattr(env, self.attribute)

    def connect(self, app: Sphinx) -> None:
        """Forget and merge with the environment's documents."""
        app.connect("env-purge-doc", self.purge)
        app.connect("env-merge-info", self.merge)

    def purge(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        """``env-purge-doc``: forget a document before it is read again or removed."""
        self.of(env).pop(docname, None)

    def merge(
        self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
    ) -> None:
        """``env-merge-info``: take the values of the documents a parallel reader read."""
        theirs = self.of(other)
        self.of(env).update({name: theirs[name] for name in docnames if name in theirs})

"""The one exception the importer raises for a document it cannot import."""

from __future__ import annotations


class DocumentError(Exception):
    """A document cannot be imported; ``lineno`` is the 1-based source line at fault (0: none)."""

    def __init__(self, message: str, lineno: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.lineno = lineno


class LosslessError(DocumentError):
    """The written output would lose or reorder words of the input."""

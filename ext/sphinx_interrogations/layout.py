"""The contract between the extension and an LMS exporter: how items map to package pages.

An exporter extension connects a handler to the ``seminar-lms-layout`` event; the handler
receives the configuration and returns an object with ``page_identifier(item) -> str``: the LMS
identifier of the package resource (page) that holds the item, in the layout that
configuration selects (one page per interrogation, or one per week). Without an exporter no
handler answers, and the registry records ``lms_identifier: null``.
"""

from __future__ import annotations

from typing import Any, Protocol

from .records import Item

LAYOUT_EVENT = "seminar-lms-layout"


class LmsLayout(Protocol):
    """What the extension asks of an exporter's package layout."""

    def page_identifier(self, item: Item) -> str:
        """The LMS identifier of the package page holding ``item``."""
        ...


class EmitsEvents(Protocol):
    """What :func:`lms_layout` needs of the Sphinx application."""

    config: Any

    def emit_firstresult(self, name: str, *args: Any) -> Any:
        """The first handler's answer to event ``name``."""


def lms_layout(app: EmitsEvents) -> LmsLayout | None:
    """The layout of the loaded exporter for this configuration (``None`` without one)."""
    return app.emit_firstresult(LAYOUT_EVENT, app.config)

"""Designed errors print as one clear message, not as Sphinx's crash report.

Sphinx 9's command line prints every exception, even a :class:`~sphinx.errors.ConfigError`, with
the version table, a traceback and "please report this to Sphinx" (sphinx-doc/sphinx#14543, a
regression: ``ConfigError`` exists so that a configuration can report a user's mistake). The
errors the archive raises on purpose are a user's mistake with its cause in the message, so
:func:`report_designed_errors_plainly` has the command line print those as
``Configuration error: <message>`` (exit status 2, as before); every other exception keeps
Sphinx's full report.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from sphinx._cli.util import errors as cli_errors
from sphinx._cli.util.colour import red
from sphinx.errors import ConfigError, SphinxError


class ArchiveError(SphinxError):
    """A designed error of the archive outside configuration (a refused package, a bad file)."""

    category = "Archive error"


#: the errors that are a user's mistake explained by their message
DESIGNED_ERRORS: tuple[type[SphinxError], ...] = (ConfigError, ArchiveError)


def is_designed(exception: BaseException) -> bool:
    """Tell whether ``exception`` is a designed error (its message says all the user needs)."""
    return isinstance(exception, DESIGNED_ERRORS)


def plain_report(exception: SphinxError) -> str:
    """The one-message form of a designed error: ``Configuration error: <message>``."""
    return f"{exception.category}: {exception}"


def _plainly(original: Callable[..., None]) -> Callable[..., None]:
    def handle_exception(exception: BaseException, /, **options: Any) -> None:
        if is_designed(exception) and not options.get("use_pdb"):
            assert isinstance(exception, SphinxError)
            stderr = options.get("stderr") or sys.stderr
            print(file=stderr)
            print(red(plain_report(exception)), file=stderr)
            return
        original(exception, **options)

    handle_exception.__wrapped__ = original  # type: ignore[attr-defined]
    return handle_exception


def report_designed_errors_plainly() -> None:
    """Have ``sphinx-build`` print designed errors as one message (installed once)."""
    if not hasattr(cli_errors.handle_exception, "__wrapped__"):
        cli_errors.handle_exception = _plainly(cli_errors.handle_exception)

"""Getting each value of a new archive: from its option, else by asking (on a terminal)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .spec import InputError

T = TypeVar("T")


class Asker:
    """Takes a value given as an option, or asks for it when ``interactive`` (else its default).

    A given value that fails its check raises :class:`InputError`; an answer that fails is
    explained and asked again, as ``sphinx-quickstart`` does.
    """

    def __init__(self, *, interactive: bool) -> None:
        self.interactive = interactive

    def value(
        self, given: str | None, question: str, check: Callable[[str], T], default: str = ""
    ) -> T:
        """The checked value: ``given``, else an answer to ``question``, else ``default``."""
        if given is not None:
            return check(given)
        if not self.interactive:
            return check(default)
        while True:
            shown = f" [{default}]" if default else ""
            answer = input(f"> {question}{shown}: ").strip() or default
            try:
                return check(answer)
            except InputError as error:
                print(f"* {error}")

"""Rejoining paragraphs that a page break split mid-sentence, and saying where."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Image, ItemList, Notice

_SENTENCE_END = ".!?:;…"
_CLOSERS = "\"'”’)]»›*_"
_OPENERS = "\"'“‘([«‹¿¡*_"


@dataclass(frozen=True, slots=True)
class DraftParagraph:
    """A paragraph's raw text (Markdown inline) with its first and last source lines."""

    text: str
    line: int
    end: int


def ends_mid_sentence(text: str) -> bool:
    """Tell whether a paragraph stops without sentence-final punctuation."""
    bare = text.rstrip().rstrip(_CLOSERS)
    return bool(bare) and bare[-1] not in _SENTENCE_END


def continues_sentence(text: str) -> bool:
    """Tell whether a paragraph starts like the rest of a sentence (lowercase, maybe '(')."""
    bare = text.lstrip().lstrip(_OPENERS)
    return bool(bare) and bare[0].islower()


def rejoin(
    drafts: Sequence[DraftParagraph | ItemList | Image], place: Callable[[int], str]
) -> tuple[list[DraftParagraph | ItemList | Image], list[Notice]]:
    """Join each paragraph that ends mid-sentence with a next one that continues it."""
    joined: list[DraftParagraph | ItemList | Image] = []
    repairs: list[Notice] = []
    for draft in drafts:
        previous = joined[-1] if joined else None
        if (
            isinstance(previous, DraftParagraph)
            and isinstance(draft, DraftParagraph)
            and ends_mid_sentence(previous.text)
            and continues_sentence(draft.text)
        ):
            tail = previous.text.split()[-1]
            head = draft.text.split()[0]
            repairs.append(
                Notice(
                    previous.end,
                    f"rejoined a paragraph split mid-sentence: '…{tail}' / '{head}…' "
                    f"(continued at {place(draft.line)})",
                )
            )
            joined[-1] = DraftParagraph(f"{previous.text} {draft.text}", previous.line, draft.end)
        else:
            joined.append(draft)
    return joined, repairs

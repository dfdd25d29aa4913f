"""The one form text is matched in, and where a name may start and end in each script.

:func:`match_form` is the identity module's folding (compatibility forms, invisible characters
and diacritics removed, case-folded, transliterated) with two differences that matching needs:
letters of scripts written without spaces between words (Chinese, Japanese, Thai, ...) and of
scripts whose words take attached particles (Arabic, Korean) stay as they are, so that a name
is found by its own characters inside a run of them, and a word broken at a line end by a hyphen
("Khut-\\nkyy") is joined. Each character of the form knows the index of the character of the
original text it comes from, so a match can be replaced in the original.

A Latin (or transliterated) name needs a boundary on both sides: no letter next to it (a digit
may be, "Natani2013"). A name in an unspaced script matches anywhere in a run of that script.
An Arabic name may carry the attached proclitics (و ف ب ك ل س, ال) before it; a Korean name may
be followed by a particle.
"""

from __future__ import annotations

import re
import unicodedata

from ..identity import fold_with_origin, is_ignorable

#: Letters of scripts written without spaces between words.
UNSPACED = (
    "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3005-\u3007"
    "\u3021-\u3029\u3038-\u303c\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003134f"
)
#: Arabic letters (presentation forms become these under NFKC).
ARABIC = "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
#: Korean syllables and jamo.
HANGUL = "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3"
#: Characters kept as themselves (after NFKC, without marks) rather than transliterated.
KEPT = re.compile(f"[{UNSPACED}{ARABIC}{HANGUL}]")
#: Characters that are, or under NFKC become, characters of a kept script.
CANDIDATE = re.compile(f"[{UNSPACED}{ARABIC}{HANGUL}\ufb50-\ufdff\ufe70-\ufefc\uff66-\uffdc]")
#: Arabic tatweel: stretches a word, means nothing.
TATWEEL = "\u0640"
#: A hyphen at a line end inside a word: "Khut-\n   kyy".
LINE_END_HYPHEN = re.compile(r"(?<=\w)[-\u2010][ \t]*\r?\n[ \t]*(?=\w)")
#: Attached Arabic proclitics a name may carry: and, so, with, as, for, will; the article.
ARABIC_PROCLITICS = "(?:[\u0648\u0641\u0628\u0643\u0644\u0633]{0,2}(?:\u0627\u0644)?)"


def _kept(char: str) -> str:
    """A character of a kept script as matched: NFKC, without marks and tatweel."""
    return "".join(
        part
        for part in unicodedata.normalize("NFKC", char)
        if not unicodedata.combining(part) and part != TATWEEL and not is_ignorable(part)
    )


def has_line_end_hyphen(text: str) -> bool:
    """Whether a word of ``text`` is broken by a hyphen at a line end."""
    return bool(LINE_END_HYPHEN.search(text))


def match_form(text: str, *, join: bool = True) -> tuple[str, list[int]]:
    """The form ``text`` is matched in, with the index in ``text`` of each of its characters.

    ``join``: words broken by a hyphen at a line end are joined ("Khut-\nkyy"); without it,
    the hyphen stays ("Natani-\nlike"): a text holding one is matched both ways.
    """
    if not CANDIDATE.search(text) and not (join and has_line_end_hyphen(text)):
        return fold_with_origin(text)
    hyphens = LINE_END_HYPHEN.finditer(text) if join else ()
    joined = {i for m in hyphens for i in range(m.start(), m.end())}
    form: list[str] = []
    origin: list[int] = []
    start = 0

    def fold_run(end: int) -> None:
        folded, where = fold_with_origin(text[start:end])
        form.append(folded)
        origin.extend(start + index for index in where)

    for index, char in enumerate(text):
        kept_script = CANDIDATE.match(char) and KEPT.match(unicodedata.normalize("NFKC", char))
        if index in joined or kept_script:
            fold_run(index)
            start = index + 1
            if index not in joined:
                kept = _kept(char)
                form.append(kept)
                origin.extend([index] * len(kept))
    fold_run(len(text))
    return "".join(form), origin


def letter_runs(text: str) -> list[str]:
    """The runs of letters and digits of ``text`` in match form: "Zoë O'Brien" -> zoe, o, brien."""
    return re.findall(r"[^\W_]+", match_form(text)[0])


def _script(char: str) -> str:
    if re.match(f"[{UNSPACED}]", char):
        return "unspaced"
    if re.match(f"[{ARABIC}]", char):
        return "arabic"
    if re.match(f"[{HANGUL}]", char):
        return "hangul"
    return "spaced"


def before(char: str) -> str:
    """What must precede a name whose first character (in match form) is ``char``."""
    return {
        "unspaced": "",
        "arabic": f"(?<![{ARABIC}]){ARABIC_PROCLITICS}",
        "hangul": f"(?<![{HANGUL}])",
        "spaced": "(?<![a-z])",
    }[_script(char)]


def after(char: str) -> str:
    """What must follow a name whose last character (in match form) is ``char``."""
    return {
        "unspaced": "",
        "arabic": f"(?![{ARABIC}])",
        "hangul": "",
        "spaced": "(?![a-z])",
    }[_script(char)]


def is_word_char(char: str) -> bool:
    """Whether a replacement next to ``char`` needs a separator ("Natani2013" -> "… 2013")."""
    return char.isalnum() and _script(char) == "spaced"

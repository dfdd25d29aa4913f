"""The book's LaTeX defaults: week chapters without "Chapter One", contents and introduction
on one page, and (with LuaLaTeX) fonts for every script the archive may hold.

Each default is set only where ``latex_elements`` does not set the key itself.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

#: LuaLaTeX: Noto fonts (Debian's fonts-noto-*) with fallbacks for Chinese, Japanese and Korean,
#: Arabic and emoji (Symbola: outline glyphs any PDF viewer shows); babel's bidi puts
#: right-to-left runs in their order and gives Arabic its own font and shaping.
LUALATEX_SCRIPTS = {
    "polyglossia": "",
    "babel": "\n".join(
        [
            r"\usepackage[bidi=basic]{babel}",
            r"\babelprovide[import,onchar=ids fonts]{arabic}",
        ]
    ),
    "fontpkg": "\n".join(
        [
            r"\directlua{luaotfload.add_fallback('seminarfallback', {",
            r"  'Noto Serif CJK SC:mode=harf;', 'Noto Naskh Arabic:mode=harf;',",
            r"  'Noto Sans Symbols:mode=harf;', 'Symbola:mode=harf;'})}",
            r"\setmainfont{Noto Serif}[RawFeature={fallback=seminarfallback}]",
            r"\setsansfont{Noto Sans}[RawFeature={fallback=seminarfallback}]",
            r"\setmonofont{Noto Sans Mono}[Scale=0.9,RawFeature={fallback=seminarfallback}]",
            r"\babelfont[arabic]{rm}[RawFeature={fallback=seminarfallback}]{Noto Naskh Arabic}",
            r"\babelfont[arabic]{sf}[RawFeature={fallback=seminarfallback}]{Noto Sans Arabic}",
        ]
    ),
}

BOOK = {
    # the week is the chapter's title: no "CHAPTER ONE" banner (sphinxseminarbook.sty)
    "fncychap": "",
    # an on-screen book: no blank pages before chapters
    "extraclassoptions": "openany,oneside",
    # the contents and the archive's introduction share a page
    "tableofcontents": r"\pagenumbering{arabic}\sphinxseminarcontents",
}


def set_book_defaults(app: Sphinx, config: Config) -> None:
    """``config-inited``: the book's defaults, under the project's own ``latex_elements``."""
    defaults = dict(BOOK)
    if config.latex_engine == "lualatex":
        defaults.update(LUALATEX_SCRIPTS)
    config.latex_elements = {**defaults, **config.latex_elements}


#: the domain's index of students, which Sphinx's LaTeX writer prints without the names
NAMELESS_INDEX = "seminar-students"


def drop_nameless_index(app: Sphinx) -> None:
    """``builder-inited`` (LaTeX): every domain index but the students' (the book has its own,
    :mod:`.people`), unless ``latex_domain_indices`` names the indices itself."""
    if app.builder.format != "latex" or app.config.latex_domain_indices is not True:
        return
    app.config.latex_domain_indices = [
        f"{domain.name}-{index.name}"
        for domain in app.env.domains.sorted()
        for index in domain.indices
        if f"{domain.name}-{index.name}" != NAMELESS_INDEX
    ]

"""The PDF's metadata and reproducibility: title, author, subject, language; fixed dates and
document id, so the same sources give the same PDF bytes.

The date is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention; the Makefile
sets it from the last commit), else the newest modification time of the sources.
"""

from __future__ import annotations

import hashlib
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import _ as sphinx_label
from sphinx.util.i18n import format_date

from ..i18n import _


def source_epoch(app: Sphinx) -> int:
    """Seconds since 1970 the book is dated: ``SOURCE_DATE_EPOCH``, else the newest source."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if fixed.isdigit():
        return int(fixed)
    suffixes = tuple(app.config.source_suffix)
    sources = [p for p in Path(app.srcdir).rglob("*") if p.name.endswith(suffixes)]
    sources.append(Path(app.confdir) / "conf.py")
    return max(int(p.stat().st_mtime) for p in sources if p.is_file())


def pdf_date(epoch: int) -> str:
    """``D:20131010120000Z``: a PDF date in UTC."""
    return time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(epoch))


def hypersetup(app: Sphinx, epoch: int) -> str:
    """hyperref's metadata keys and the engine's fixed trailer id."""
    config = app.config
    course = config.interrogations_course or config.project
    subject = _("%s: weekly interrogations of the readings and the instructor's responses") % (
        course
    )
    date = pdf_date(epoch)
    identity = hashlib.md5(f"{config.project}\n{epoch}".encode(), usedforsecurity=False)
    digest = identity.hexdigest()
    fields = {
        "pdfsubject": subject,
        "pdflang": config.language or "en",
        "pdfcreationdate": date,
        "pdfmoddate": date,
        "pdfcreator": "Sphinx",
    }
    keys = ",\n  ".join(f"{key}={{{tex_text(value)}}}" for key, value in fields.items())
    return (
        f"\\hypersetup{{\n  {keys}}}\n"
        "\\ifdefined\\pdfvariable\n"
        f"  \\pdfvariable trailerid {{[<{digest}><{digest}>]}}\n"
        "\\else\\ifdefined\\pdftrailerid\n"
        f"  \\pdftrailerid{{{digest}}}\n"
        "\\fi\\fi\n"
    )


def tex_text(text: str) -> str:
    """``text`` safe inside a hyperref key (its special characters spelled out)."""
    special = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "#": r"\#"}
    special |= {"&": r"\&", "$": r"\$", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
    return "".join(special.get(char, char) for char in text)


def fix_metadata(app: Sphinx) -> None:
    """``builder-inited`` (LaTeX): the date on the title page and the PDF's metadata."""
    if app.builder.format != "latex":
        return
    epoch = source_epoch(app)
    context = app.builder.context  # type: ignore[attr-defined]
    if "date" not in app.config.latex_elements and not app.config.today:
        today_fmt = app.config.today_fmt or sphinx_label("%b %d, %Y")  # as Sphinx dates
        day = datetime.fromtimestamp(epoch, tz=UTC)
        context["date"] = format_date(today_fmt, date=day, language=app.config.language)
    context["hyperref"] = context["hyperref"] + hypersetup(app, epoch)

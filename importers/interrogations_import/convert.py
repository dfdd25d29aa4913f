"""The import pipeline: read a document, parse it, write a week page, prove nothing was lost."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .docx_reader import read_docx
from .lossless import check
from .model import Document, Notice
from .source import Reading, Source, read_text
from .text import parse
from .writer_myst import write_myst
from .writer_rst import write_rst

#: output format -> file suffix
FORMATS = {"rst": ".rst", "myst": ".md"}
#: the archive's source folder, and where week pages imported into no term go (relative to
#: the archive's root)
SOURCE_DIR = Path("source")
WEEKS_DIR = SOURCE_DIR / "weeks"


@dataclass(frozen=True, slots=True)
class Conversion:
    source: Source
    document: Document
    output: str
    output_format: str
    repairs: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    #: files written next to the week page (pictures): name relative to its folder -> bytes
    attachments: dict[str, bytes] = field(default_factory=dict)
    #: what the reader kept, resolved or turned into text (one line each, for the report)
    report: tuple[str, ...] = ()

    @property
    def file_name(self) -> str:
        """``week06.rst`` (or ``.md``)."""
        return f"week{self.document.week.number:02d}{FORMATS[self.output_format]}"

    @property
    def default_path(self) -> Path:
        """``source/weeks/week06.rst`` (or ``.md``)."""
        return WEEKS_DIR / self.file_name

    def attachment_paths(self, folder: Path) -> list[Path]:
        """Where the attachments go when the week page is written to ``folder``."""
        return [folder / name for name in self.attachments]


def read(path: Path, encoding: str = "utf-8") -> Reading:
    """Read a .docx, or any other file as UTF-8 (or ``encoding``) light-Markdown text."""
    if path.suffix.lower() == ".docx":
        return read_docx(path)
    return Reading(read_text(path, encoding))


def convert_source(
    document: Source | Reading,
    *,
    output_format: str = "rst",
    marker: str = "EOW",
    week: int | None = None,
    numbered_students: bool = False,
) -> Conversion:
    """Import a document (its lines, or all :func:`read` gave: notices, pictures, report lines);
    raise :class:`~.errors.DocumentError` if it cannot be done losslessly."""
    reading = document if isinstance(document, Reading) else Reading(document)
    source = reading.source
    parsed = parse(source, marker, week, numbered_students)
    if output_format == "myst":
        output, writer_notices = write_myst(parsed.document)
    else:
        output, writer_notices = write_rst(parsed.document), []
    check(source, output, output_format, marker, parsed.outline)
    return Conversion(
        source=source,
        document=parsed.document,
        output=output,
        output_format=output_format,
        repairs=parsed.repairs,
        warnings=[*reading.notices, *parsed.warnings, *writer_notices],
        attachments=dict(reading.attachments),
        report=reading.report,
    )


def convert(
    path: Path,
    *,
    output_format: str = "rst",
    marker: str = "EOW",
    week: int | None = None,
    numbered_students: bool = False,
    encoding: str = "utf-8",
) -> Conversion:
    """Import the document at ``path``."""
    return convert_source(
        read(path, encoding),
        output_format=output_format,
        marker=marker,
        week=week,
        numbered_students=numbered_students,
    )

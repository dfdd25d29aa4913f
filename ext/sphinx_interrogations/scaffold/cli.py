"""The command ``interrogations-new PATH --course NAME --term KEY [...]``: a new course archive."""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path

from . import spec as checks
from .prompts import Asker
from .requirement import DISTRIBUTION, documentation, requirement_spec
from .spec import ArchiveSpec, InputError

PROG = "interrogations-new"
#: Options with no default: without a terminal to ask on, they must be given.
REQUIRED = {"path": "PATH", "course": "--course", "term": "--term"}


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Start the interrogations archive of a course: its configuration, Makefile, "
        "first term, empty roster and anchor lock, README and CI script. Missing values are "
        "asked for when standard input is a terminal.",
    )
    option = parser.add_argument
    option("path", nargs="?", metavar="PATH", help="the new archive's folder (new or empty)")
    option("--course", metavar="NAME", help='the course, e.g. "Sociology 929"')
    option("--term", metavar="KEY", help="the first term's key: lowercase, e.g. 2015-fall")
    option("--term-title", metavar="TITLE", help="the term's title (default from the key)")
    option("--year", metavar="YYYY", help="the term's year (default: the key's)")
    option("--responder", metavar="NAME", help=f"who responds ({checks.DEFAULT_RESPONDER})")
    option("--language", metavar="LANG", help=f"language tag (default: {checks.DEFAULT_LANGUAGE})")
    option("--baseurl", metavar="URL", help="where the archive will be published (http/https)")
    option(
        "--requirement",
        metavar="SPEC",
        help=f"pip requirement the archive installs (default: this {DISTRIBUTION}, "
        "from where it was installed)",
    )
    option("--force", action="store_true", help="write into a non-empty folder")
    return parser.parse_args(argv)


def _spec(args: argparse.Namespace, asker: Asker) -> ArchiveSpec:
    path = asker.value(args.path, "Folder of the new archive", lambda v: _path(v, args.force))
    course = asker.value(args.course, "Course name", lambda v: _text("the course name", v))
    term = asker.value(args.term, "Key of the first term (e.g. 2015-fall)", checks.check_term)
    title = asker.value(
        args.term_title, "Title of the term", lambda v: _text("the term title", v),
        checks.term_title(term),
    )
    year = asker.value(
        args.year, "Year of the term", lambda v: checks.check_year(v, term), checks.key_year(term)
    )
    responder = asker.value(
        args.responder, "Who writes the responses", lambda v: _text("the responder", v),
        checks.DEFAULT_RESPONDER,
    )
    language = asker.value(
        args.language, "Language", checks.check_language, checks.DEFAULT_LANGUAGE
    )
    baseurl = asker.value(
        args.baseurl, "Address where it will be published (empty: not yet)", checks.check_baseurl
    )
    return ArchiveSpec(path, course, term, title, year, responder, language, baseurl)


def _path(value: str, force: bool) -> Path:
    if not value.strip():
        raise InputError("the archive's folder (PATH) must not be empty")
    return checks.check_path(Path(value).expanduser(), force=force)


def _text(what: str, value: str) -> str:
    return checks.check_text(what, value, required=True)


def _installed_from(given: str | None) -> tuple[str, str]:
    """The requirement the archive installs (``given`` or this package's), and its docs."""
    if given is not None and (not given.strip() or "\n" in given):
        raise InputError("--requirement must be one pip requirement line")
    try:
        return (given.strip() if given is not None else requirement_spec()), documentation()
    except metadata.PackageNotFoundError as error:
        raise InputError(
            f"{DISTRIBUTION} is not installed here: install it, or pass --requirement"
        ) from error


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status (2 for a value that cannot be used)."""
    args = _arguments(argv)
    interactive = sys.stdin.isatty()
    missing = [flag for name, flag in REQUIRED.items() if getattr(args, name) is None]
    if missing and not interactive:
        return _fail(
            f"missing {', '.join(missing)} (standard input is not a terminal, so nothing can "
            "be asked)"
        )
    try:
        spec = _spec(args, Asker(interactive=interactive))
        requirement, docs = _installed_from(args.requirement)
    except InputError as error:
        return _fail(str(error))
    except (EOFError, KeyboardInterrupt):
        print(f"\n{PROG}: interrupted; nothing written", file=sys.stderr)
        return 1
    from .writer import archive_files, write_archive

    replaced = [path for path in archive_files(spec) if path.exists()]
    try:
        written = write_archive(spec, requirement, docs)
    except OSError as error:
        return _fail(f"cannot write the archive: {error}")
    for path in replaced:
        print(f"replaced {path}")
    print(f"Created the {spec.course} archive in {spec.path} ({len(written)} files), "
          f"with the term {spec.term} ({spec.term_title}).")
    print(f"Next: cd {spec.path} && make all   (then see README.md: write a week, import, publish)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

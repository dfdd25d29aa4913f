"""The one error a backup that cannot be written raises."""

from __future__ import annotations

from sphinx_interrogations.errors import ArchiveError


class BackupError(ArchiveError):
    """The course cannot become a correct Moodle backup; the message says what and where.

    Raised before anything is written: Moodle would refuse such a backup, abort its restore
    half-way or restore it with content silently lost (see ``moodle-backup.md``).
    """

    category = "Moodle backup error"

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "".join(f"\n  {problem}" for problem in problems)
        super().__init__(f"Moodle backup not written: {len(problems)} problem(s):{lines}")

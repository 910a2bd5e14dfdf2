"""Problems found in a configuration file, and the error that carries them.

Messages are for technicians (logs and ``torgkiosk check-config``), so they are
English prose; residents never see them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong in a configuration file.

    Attributes:
        key: The dotted key, e.g. ``schedule.staffed.monday`` or ``demo.cards[1].uid``;
            empty for problems with the file as a whole (syntax errors, unreadable file).
        line: 1-based line of the key, or of its table header when the key is missing;
            None when the file does not say (a missing section).
        message: What is wrong, for a technician.
        source: The file's name, used as the prefix of ``str(problem)``.
    """

    key: str
    line: int | None
    message: str
    source: str = ""

    def __str__(self) -> str:
        location = self.source
        if self.line is not None:
            location = f"{location}:{self.line}" if location else f"line {self.line}"
        parts = [part for part in (location, self.key) if part]
        return ": ".join([*parts, self.message])


class ConfigError(Exception):
    """A configuration file could not be used; ``problems`` says every reason."""

    def __init__(self, path: Path, problems: Sequence[ConfigProblem]) -> None:
        self.path = path
        self.problems: tuple[ConfigProblem, ...] = tuple(problems)
        count = len(self.problems)
        lines = "".join(f"\n  {problem}" for problem in self.problems)
        super().__init__(f"{path}: {count} configuration problem{'s' if count != 1 else ''}{lines}")

"""Typed access to a parsed TOML document that collects problems instead of raising.

Validation must report every problem in one go (a technician on site fixes them
all at once), so each getter records what is wrong and returns a default, and
the loader decides at the end whether the configuration is usable.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import TypeVar, cast

from kiosk.config.locator import LineLocator, Path, format_path
from kiosk.config.problems import ConfigProblem

T = TypeVar("T")

#: Marks "the key is not in the file" apart from any value TOML can hold.
MISSING: object = object()


_TYPE_NAMES: dict[type, str] = {
    bool: "a boolean",
    int: "an integer",
    float: "a float",
    str: "a string",
    list: "an array",
    dict: "a table",
}


def kind_name(kind: type) -> str:
    """How TOML would call values of type ``kind``, for messages."""
    return _TYPE_NAMES.get(kind, f"a {kind.__name__}")


def show(value: object) -> str:
    """A value as TOML would write it, for messages (strings in double quotes)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def type_name(value: object) -> str:
    """How TOML would call the type of ``value``, for messages."""
    return kind_name(type(value))


class Reader:
    """Reads values out of nested TOML tables and remembers what was wrong."""

    def __init__(self, locator: LineLocator, source: str) -> None:
        self._locator = locator
        self._source = source
        self.problems: list[ConfigProblem] = []

    def problem(self, path: Path, message: str, *, at: Path | None = None) -> None:
        """Record a problem with the key ``path``.

        Args:
            path: The key the problem is about.
            message: What is wrong.
            at: Where in the file to point, when more precise than ``path`` (the
                array element at fault, say); defaults to ``path``.
        """
        line = self._locator.line_of(at if at is not None else path)
        self.problems.append(ConfigProblem(format_path(path), line, message, self._source))

    def table(
        self, parent: Mapping[str, object], path: Path, allowed: Collection[str] | None
    ) -> dict[str, object] | None:
        """The table at ``path`` (None if absent), reporting keys not in ``allowed``.

        ``allowed=None`` accepts any key (driver options are free-form).
        """
        value = parent.get(str(path[-1]), MISSING)
        if value is MISSING:
            return None
        if not isinstance(value, dict):
            self.problem(path, f"must be a table, not {type_name(value)}")
            return None
        if allowed is not None:
            self.unknown_keys(value, path, allowed)
        return value

    def unknown_keys(
        self, table: Mapping[str, object], path: Path, allowed: Collection[str]
    ) -> None:
        """Report every key of ``table`` that is not in ``allowed``."""
        for key in table:
            if key not in allowed:
                known = ", ".join(allowed)
                self.problem((*path, key), f"unknown key (expected one of: {known})")

    def value(self, table: Mapping[str, object], path: Path, kind: type[T], default: T) -> T:
        """``table[path[-1]]`` if it has type ``kind``; else report and return ``default``.

        ``int`` never accepts a boolean; ``float`` also accepts an integer.
        """
        value = table.get(str(path[-1]), MISSING)
        if value is MISSING:
            return default
        if kind is float and type(value) is int:
            return cast(T, float(value))  # kind is float here
        if type(value) is not kind:
            self.problem(path, f"must be {kind_name(kind)}, not {type_name(value)}")
            return default
        return value

    def required_str(self, table: Mapping[str, object] | None, path: Path) -> str | None:
        """A non-empty string that must be present; None (and a problem) otherwise."""
        if table is None or str(path[-1]) not in table:
            self.problem(path, "is required")
            return None
        value = self.value(table, path, str, "")
        if not value.strip():
            if str(path[-1]) in table and isinstance(table[str(path[-1])], str):
                self.problem(path, "must not be empty")
            return None
        return value

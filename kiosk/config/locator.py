"""Map dotted TOML keys to the lines they are written on.

``tomllib`` returns plain dicts without positions, but a technician fixing a
terminal's configuration needs ``site.toml:12:``. This is a small scanner, not a
TOML parser: it runs only on text ``tomllib`` has already accepted, so it can be
lenient, and it never raises. It records where each table header, each
``key =`` assignment (bare, quoted and dotted keys, also inside inline tables)
and each array element starts.
"""

from __future__ import annotations

from collections.abc import Mapping

#: One step of a path: a table key, or an index into an array.
PathPart = str | int
Path = tuple[PathPart, ...]

_BARE_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[Path, int] = {}
        self._array_table_counts: dict[Path, int] = {}

    # -- low-level helpers -------------------------------------------------------
    def _peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def _advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self.pos < len(self.text):
                if self.text[self.pos] == "\n":
                    self.line += 1
                self.pos += 1

    def _skip_blank(self, *, newlines: bool) -> None:
        """Skip spaces and comments; with ``newlines`` also line breaks."""
        while self.pos < len(self.text):
            char = self._peek()
            if char in " \t\r" or (newlines and char == "\n"):
                self._advance()
            elif char == "#":
                while self.pos < len(self.text) and self._peek() != "\n":
                    self._advance()
            else:
                return

    def _skip_to_line_end(self) -> None:
        while self.pos < len(self.text) and self._peek() != "\n":
            self._advance()

    def _record(self, path: Path, line: int) -> None:
        # The first mention wins: that is where a technician looks for the key.
        self.lines.setdefault(path, line)

    # -- keys and strings ---------------------------------------------------------
    def _read_string(self) -> str:
        quote = self._peek()
        if self.text.startswith(quote * 3, self.pos):
            self._advance(3)
            end = self.text.find(quote * 3, self.pos)
            end = len(self.text) if end < 0 else end
            # A multi-line string may end with up to two more quotes.
            while self.text.startswith(quote, end + 3):
                end += 1
            value = self.text[self.pos : end]
            self._advance(end + 3 - self.pos)
            return value
        self._advance()
        chars: list[str] = []
        while self.pos < len(self.text) and self._peek() not in (quote, "\n"):
            if quote == '"' and self._peek() == "\\":
                chars.append(self._unescape())
                continue
            chars.append(self._peek())
            self._advance()
        self._advance()  # closing quote
        return "".join(chars)

    def _unescape(self) -> str:
        self._advance()  # backslash
        char = self._peek()
        simple = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
        if char in simple:
            self._advance()
            return simple[char]
        width = {"u": 4, "U": 8}.get(char)
        if width:
            digits = self.text[self.pos + 1 : self.pos + 1 + width]
            self._advance(width + 1)
            try:
                return chr(int(digits, 16))
            except ValueError:
                return ""
        self._advance()
        return char

    def _read_key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self._skip_blank(newlines=False)
            char = self._peek()
            if char in ('"', "'"):
                parts.append(self._read_string())
            else:
                start = self.pos
                while self.pos < len(self.text) and self._peek() in _BARE_KEY_CHARS:
                    self._advance()
                if self.pos == start:
                    return tuple(parts)
                parts.append(self.text[start : self.pos])
            self._skip_blank(newlines=False)
            if self._peek() != ".":
                return tuple(parts)
            self._advance()

    # -- values ------------------------------------------------------------------
    def _read_value(self, path: Path) -> None:
        char = self._peek()
        if char in ('"', "'"):
            self._read_string()
        elif char == "[":
            self._read_array(path)
        elif char == "{":
            self._read_inline_table(path)
        else:
            while self.pos < len(self.text) and self._peek() not in ",]}\n#":
                self._advance()

    def _read_array(self, path: Path) -> None:
        self._advance()  # [
        index = 0
        while self.pos < len(self.text):
            self._skip_blank(newlines=True)
            char = self._peek()
            if char == "]":
                self._advance()
                return
            if char == ",":
                self._advance()
                continue
            if not char:
                return
            element = (*path, index)
            self._record(element, self.line)
            start = self.pos
            self._read_value(element)
            if self.pos == start:  # cannot happen on valid TOML; never loop forever
                self._advance()
            index += 1

    def _read_inline_table(self, path: Path) -> None:
        self._advance()  # {
        while self.pos < len(self.text):
            self._skip_blank(newlines=True)
            char = self._peek()
            if char == "}":
                self._advance()
                return
            if char == ",":
                self._advance()
                continue
            if not char:
                return
            self._read_assignment(path)

    def _read_assignment(self, table: Path) -> None:
        line = self.line
        key = self._read_key()
        if not key:
            self._skip_to_line_end()
            return
        full = (*table, *key)
        for depth in range(len(table) + 1, len(full) + 1):
            self._record(full[:depth], line)
        self._skip_blank(newlines=False)
        if self._peek() == "=":
            self._advance()
            self._skip_blank(newlines=False)
            self._read_value(full)

    # -- statements ---------------------------------------------------------------
    def _read_header(self) -> Path:
        line = self.line
        is_array = self.text.startswith("[[", self.pos)
        self._advance(2 if is_array else 1)
        key = self._read_key()
        self._advance(2 if is_array else 1)
        table: Path = key
        if is_array:
            index = self._array_table_counts.get(key, 0)
            self._array_table_counts[key] = index + 1
            table = (*key, index)
        for depth in range(1, len(table) + 1):
            self._record(table[:depth], line)
        return table

    def scan(self) -> dict[Path, int]:
        table: Path = ()
        while self.pos < len(self.text):
            self._skip_blank(newlines=True)
            if self.pos >= len(self.text):
                break
            start = self.pos
            if self._peek() == "[":
                table = self._read_header()
            else:
                self._read_assignment(table)
            self._skip_blank(newlines=False)
            if self.pos == start:
                self._skip_to_line_end()
                self._advance()
        return self.lines


class LineLocator:
    """Answers "on which line is this key?" for one TOML source text."""

    def __init__(self, text: str) -> None:
        try:
            self._lines: Mapping[Path, int] = _Scanner(text).scan()
        except Exception:  # a locator bug must never hide the real problem
            self._lines = {}

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, else of its nearest written ancestor, else None.

        A missing key is reported at its table's header; a problem inside a value
        (an array element, say) at the element, or at its key if that is all we know.
        """
        for depth in range(len(path), 0, -1):
            line = self._lines.get(path[:depth])
            if line is not None:
                return line
        return None


def format_path(path: Path) -> str:
    """``("demo", "cards", 1, "uid")`` -> ``demo.cards[1].uid``; odd keys are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        text = part if part and set(part) <= _BARE_KEY_CHARS else f'"{part}"'
        out = f"{out}.{text}" if out else text
    return out

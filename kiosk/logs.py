"""Structured logs: one JSON object per line on stdout, which journald keeps.

Personal data (fødselsnummer, card numbers, PINs, names) must never be logged.
The code logs events and codes, not values; as a second line of defence the
formatter masks anything shaped like a fødselsnummer or a card UID.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import sys
import time
from typing import TextIO

# Attributes every LogRecord has; anything else came in through ``extra=``.
_STANDARD_ATTRS = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", None, None)).keys() | {"message", "asctime"}
)


@functools.cache
def _personal() -> re.Pattern[str]:
    # 11 digits (fødselsnummer/D-nummer) and 8+ hex digit runs (card UIDs). Masking
    # may hide an innocent number in a log line; that is the cheaper mistake.
    # Compiled on first use: the first log line comes after the first paint.
    return re.compile(r"(?<![0-9A-Za-z])(\d{6}\s?\d{5}|[0-9A-Fa-f]{8,20})(?![0-9A-Za-z])")


def mask_personal_data(text: str) -> str:
    """Replace anything shaped like a fødselsnummer or a card UID with ``***``."""
    return _personal().sub("***", text)


class JsonLineFormatter(logging.Formatter):
    """Formats a record as one JSON line: time, level, logger, message and extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": mask_personal_data(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = mask_personal_data(value) if isinstance(value, str) else value
        if record.exc_info and record.exc_info[0] is not None:
            entry["exc_type"] = record.exc_info[0].__name__
            entry["traceback"] = mask_personal_data(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(level: int = logging.INFO, stream: TextIO | None = None) -> None:
    """Send every log record to ``stream`` (stdout by default) as JSON lines."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonLineFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)

"""Reading ``site.toml``: every problem collected, each with its key and line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

from kiosk.config.locator import LineLocator
from kiosk.config.model import KioskConfig
from kiosk.config.problems import ConfigError, ConfigProblem
from kiosk.config.reader import Reader
from kiosk.config.sections import (
    read_central,
    read_demo,
    read_devices,
    read_schedule,
    read_session,
    read_site,
    read_storage,
)

SECTIONS = ("site", "schedule", "session", "central", "devices", "demo", "storage")

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")


def demo_config_path() -> Path:
    """The demo configuration shipped inside the package (``kiosk/demo/site.toml``)."""
    return Path(__file__).resolve().parent.parent / "demo" / "site.toml"


def load_config(
    path: Path, *, known_drivers: Mapping[str, frozenset[str]] | None = None
) -> KioskConfig:
    """Read and validate a site configuration file.

    Args:
        path: The ``site.toml`` to read.
        known_drivers: Valid driver names per device kind; defaults to
            ``kiosk.wiring.KNOWN_DRIVERS``.

    Raises:
        ConfigError: The file is unreadable, is not TOML, or has any invalid value;
            ``problems`` lists them all.
    """
    config, problems = _load(path, known_drivers)
    if problems or config is None:
        raise ConfigError(path, problems)
    return config


def check_config(
    path: Path, *, known_drivers: Mapping[str, frozenset[str]] | None = None
) -> list[ConfigProblem]:
    """Every problem in a configuration file; empty when it is valid (for ``check-config``)."""
    return _load(path, known_drivers)[1]


def parse_config(
    text: str,
    source: str = "<string>",
    *,
    known_drivers: Mapping[str, frozenset[str]] | None = None,
) -> tuple[KioskConfig | None, list[ConfigProblem]]:
    """Validate configuration text; the config is None exactly when problems is not empty.

    Args:
        text: TOML source.
        source: Name used in problem messages (usually the file's name).
        known_drivers: As for :func:`load_config`.
    """
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(exc, source)]
    reader = Reader(LineLocator(text), source)
    reader.unknown_keys(doc, (), SECTIONS)
    site = read_site(reader, doc)
    schedule = read_schedule(reader, doc)
    session = read_session(reader, doc)
    central = read_central(reader, doc)
    devices = read_devices(reader, doc, _known_drivers(known_drivers))
    demo = read_demo(reader, doc)
    storage = read_storage(reader, doc)
    if reader.problems or site is None:
        # File order: a technician works down the file.
        problems = sorted(reader.problems, key=lambda p: (p.line is None, p.line or 0))
        return None, problems
    return KioskConfig(site, schedule, session, central, devices, demo, storage), []


def _load(
    path: Path, known_drivers: Mapping[str, frozenset[str]] | None
) -> tuple[KioskConfig | None, list[ConfigProblem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return None, [ConfigProblem("", None, f"cannot read the file: {reason}", path.name)]
    return parse_config(text, path.name, known_drivers=known_drivers)


def _syntax_problem(exc: tomllib.TOMLDecodeError, source: str) -> ConfigProblem:
    message = str(exc)
    match = _TOML_POSITION.search(message)
    line = int(match.group(1)) if match else None
    text = _TOML_POSITION.sub("", message) if match else message
    return ConfigProblem("", line, f"TOML syntax error: {text}", source)


def _known_drivers(
    known_drivers: Mapping[str, frozenset[str]] | None,
) -> Mapping[str, frozenset[str]]:
    if known_drivers is not None:
        return known_drivers
    from kiosk.drivers import KNOWN_DRIVERS

    return KNOWN_DRIVERS

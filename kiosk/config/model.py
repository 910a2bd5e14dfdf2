"""The validated site configuration: frozen values the rest of the kiosk reads.

Every field has been checked by the loader; code holding a ``KioskConfig`` never
needs to re-validate. Section defaults here are the "safe defaults" used when a
section or key is missing from ``site.toml``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from types import MappingProxyType
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Europe/Oslo"
DEFAULT_IDLE_TIMEOUT_SECONDS = 120.0
DEFAULT_WARNING_SECONDS = 30.0
#: WCAG 2.2.1 (Timing Adjustable): at least 20 s to react to a time-out warning.
MIN_WARNING_SECONDS = 20.0
DEFAULT_LANGUAGE = "nb"
LANGUAGES = ("nb", "nn", "en")
DEFAULT_PROBE_INTERVAL_SECONDS = 15.0
SIMULATED_DRIVER = "simulated"


class Offer(enum.StrEnum):
    """A capability the attract screen offers to residents."""

    FORMS = "forms"
    VIDEO = "video"
    LOCKERS = "lockers"
    ACCESS = "access"
    EVENTS = "events"


class Weekday(enum.IntEnum):
    """Weekday keys of ``[schedule.*]``; values match ``date.weekday()``."""

    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

    @property
    def key(self) -> str:
        """The key as written in ``site.toml`` (``"monday"``)."""
        return self.name.lower()


#: Screen kinds whose idle timeout a site may override (the attract screen never times out).
IDLE_TIMEOUT_KINDS = ("task", "info", "receipt")

DEVICE_KINDS = ("card_reader", "door", "locker_bank", "audio_out")


@dataclass(frozen=True, order=True)
class Period:
    """A half-open local-time interval ``[start, end)`` within one day.

    ``end`` is ``time.max`` when the period runs to midnight (written ``24:00``).
    """

    start: time
    end: time

    @property
    def runs_to_midnight(self) -> bool:
        """True when the period was written with ``24:00`` as its end."""
        return self.end == time.max

    def contains(self, moment: time) -> bool:
        """Whether a local wall-clock time lies inside the period."""
        return self.start <= moment < self.end or (self.runs_to_midnight and moment == time.max)

    def __str__(self) -> str:
        end = "24:00" if self.runs_to_midnight else self.end.strftime("%H:%M")
        return f"{self.start.strftime('%H:%M')}-{end}"


def _empty_week() -> Mapping[Weekday, tuple[Period, ...]]:
    return MappingProxyType({day: () for day in Weekday})


@dataclass(frozen=True)
class SiteConfig:
    """``[site]``: who this terminal is and what it offers."""

    id: str
    name: str
    timezone: str = DEFAULT_TIMEZONE
    offers: tuple[Offer, ...] = ()

    @property
    def tzinfo(self) -> ZoneInfo:
        """The site's time zone (validated when the configuration was loaded)."""
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class ScheduleConfig:
    """``[schedule]``: weekly opening periods and the days the site is closed.

    ``staffed`` and ``meraapent`` map every weekday to its periods, sorted and
    non-overlapping within one kind (a day without periods maps to ``()``).
    """

    public_holidays_closed: bool = True
    closed_dates: frozenset[date] = frozenset()
    staffed: Mapping[Weekday, tuple[Period, ...]] = field(default_factory=_empty_week)
    meraapent: Mapping[Weekday, tuple[Period, ...]] = field(default_factory=_empty_week)


@dataclass(frozen=True)
class SessionConfig:
    """``[session]``: idle timeouts, the WCAG warning, the starting language."""

    idle_timeout_default: float = DEFAULT_IDLE_TIMEOUT_SECONDS
    #: Per screen kind ("task", "info", "receipt"); kinds not listed use the default.
    idle_timeouts: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    warning_seconds: float = DEFAULT_WARNING_SECONDS
    default_language: str = DEFAULT_LANGUAGE

    def idle_timeout(self, kind: str) -> float:
        """The idle timeout in seconds on a screen of ``kind`` (a ``ScreenKind`` value)."""
        return self.idle_timeouts.get(str(kind), self.idle_timeout_default)


@dataclass(frozen=True)
class CentralConfig:
    """``[central]``: the municipality's central server, if any."""

    url: str | None = None
    probe_interval_seconds: float = DEFAULT_PROBE_INTERVAL_SECONDS


@dataclass(frozen=True)
class DeviceChoice:
    """One device: which driver runs it, and the driver's own options."""

    driver: str = SIMULATED_DRIVER
    options: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class DevicesConfig:
    """``[devices.*]``: a driver per device kind; missing kinds are simulated."""

    card_reader: DeviceChoice = DeviceChoice()
    door: DeviceChoice = DeviceChoice()
    locker_bank: DeviceChoice = DeviceChoice()
    audio_out: DeviceChoice = DeviceChoice()


@dataclass(frozen=True)
class DemoCard:
    """A card the simulator panel can present; ``uid`` is upper-case hex."""

    uid: str
    label: str


@dataclass(frozen=True)
class DemoConfig:
    """``[demo]``: data for the simulator panel (demo and development only)."""

    cards: tuple[DemoCard, ...] = ()


DEFAULT_STORE_PATH = "/var/lib/torgkiosk/kiosk.sqlite3"


@dataclass(frozen=True)
class StorageConfig:
    """``[storage]``: the terminal's SQLite database (outbox and cached content).

    The sync service (``python -m offline_cache.sync``) works on the same file.
    """

    path: str = DEFAULT_STORE_PATH


@dataclass(frozen=True)
class KioskConfig:
    """A terminal's whole, validated configuration."""

    site: SiteConfig
    schedule: ScheduleConfig = ScheduleConfig()
    session: SessionConfig = SessionConfig()
    central: CentralConfig = CentralConfig()
    devices: DevicesConfig = DevicesConfig()
    demo: DemoConfig = DemoConfig()
    storage: StorageConfig = StorageConfig()

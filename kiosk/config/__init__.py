"""Site configuration: ``site.toml`` read into frozen, validated dataclasses.

Imports only the standard library and ``kiosk.wiring`` (lazily, for the list of
known device drivers). Start with :func:`load_config`; ``check_config`` lists the
problems of a file for the ``check-config`` command. The reference for
technicians is ``docs/configuration.md``.
"""

from kiosk.config.loader import (
    SECTIONS,
    check_config,
    demo_config_path,
    load_config,
    parse_config,
)
from kiosk.config.model import (
    DEFAULT_TIMEZONE,
    DEVICE_KINDS,
    IDLE_TIMEOUT_KINDS,
    LANGUAGES,
    MIN_WARNING_SECONDS,
    CentralConfig,
    DemoCard,
    DemoConfig,
    DeviceChoice,
    DevicesConfig,
    KioskConfig,
    Offer,
    Period,
    ScheduleConfig,
    SessionConfig,
    SiteConfig,
    StorageConfig,
    Weekday,
)
from kiosk.config.problems import ConfigError, ConfigProblem

__all__ = [
    "DEFAULT_TIMEZONE",
    "DEVICE_KINDS",
    "IDLE_TIMEOUT_KINDS",
    "LANGUAGES",
    "MIN_WARNING_SECONDS",
    "SECTIONS",
    "CentralConfig",
    "ConfigError",
    "ConfigProblem",
    "DemoCard",
    "DemoConfig",
    "DeviceChoice",
    "DevicesConfig",
    "KioskConfig",
    "Offer",
    "Period",
    "ScheduleConfig",
    "SessionConfig",
    "SiteConfig",
    "StorageConfig",
    "Weekday",
    "check_config",
    "demo_config_path",
    "load_config",
    "parse_config",
]

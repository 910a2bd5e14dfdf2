"""The composition of the core: every service the UI talks to, built from the config."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from kiosk.config import KioskConfig, SessionConfig
from kiosk.connectivity import ConnectivityMonitor, monitor_for
from kiosk.local_store import LocalStore
from kiosk.schedule import SiteSchedule
from kiosk.session import Scheduler, ScreenKind, SessionLifecycle, SessionSettings
from kiosk.wiring import Devices, build_devices


@dataclass(frozen=True)
class KioskServices:
    """What the UI gets: config, schedule, session, connectivity, devices, the local database."""

    config: KioskConfig
    schedule: SiteSchedule
    session: SessionLifecycle
    connectivity: ConnectivityMonitor
    devices: Devices
    local_store: LocalStore


def session_settings(config: SessionConfig) -> SessionSettings:
    """Session timing from the site configuration."""
    return SessionSettings(
        default_idle_timeout=config.idle_timeout_default,
        idle_timeouts={ScreenKind(kind): seconds for kind, seconds in config.idle_timeouts.items()},
        warning_seconds=config.warning_seconds,
    )


def build_services(
    config: KioskConfig,
    loop: asyncio.AbstractEventLoop,
    schedule: SiteSchedule | None = None,
    *,
    session_scheduler: Scheduler | None = None,
) -> KioskServices:
    """Build every service; nothing starts running until the caller starts it.

    ``session_scheduler`` replaces the loop as the session's clock (tests use
    virtual time to let a session time out without waiting).
    """
    devices = build_devices(config.devices)
    return KioskServices(
        config=config,
        schedule=schedule or SiteSchedule.from_config(config),
        session=SessionLifecycle(
            session_settings(config.session), session_scheduler or loop, devices.audio_out
        ),
        connectivity=monitor_for(
            config.central.url, interval=config.central.probe_interval_seconds
        ),
        devices=devices,
        local_store=LocalStore(config.storage.path),
    )

"""Validation of each ``site.toml`` section into its frozen config value."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from types import MappingProxyType
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.config.locator import Path
from kiosk.config.model import (
    DEFAULT_IDLE_TIMEOUT_SECONDS,
    DEFAULT_LANGUAGE,
    DEFAULT_PROBE_INTERVAL_SECONDS,
    DEFAULT_STORE_PATH,
    DEFAULT_TIMEZONE,
    DEFAULT_WARNING_SECONDS,
    DEVICE_KINDS,
    IDLE_TIMEOUT_KINDS,
    LANGUAGES,
    MIN_WARNING_SECONDS,
    CentralConfig,
    DemoCard,
    DemoConfig,
    DeviceChoice,
    DevicesConfig,
    Offer,
    Period,
    ScheduleConfig,
    SessionConfig,
    SiteConfig,
    StorageConfig,
    Weekday,
)
from kiosk.config.reader import Reader, show, type_name

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PERIOD = re.compile(r"(\d{2}):(\d{2})-(\d{2}):(\d{2})")
_HEX_UID = re.compile(r"(?:[0-9A-Fa-f]{2}){4,10}")
_OFFER_VALUES = frozenset(offer.value for offer in Offer)
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost"})

#: Idle timeouts outside this range are surely typos (minutes for seconds, a missing digit).
_IDLE_TIMEOUT_RANGE = (10.0, 3600.0)
_MAX_WARNING_SECONDS = 600.0
_PROBE_INTERVAL_RANGE = (1.0, 3600.0)


def read_site(reader: Reader, doc: Mapping[str, object]) -> SiteConfig | None:
    """``[site]``; None when the required id or name is missing or invalid."""
    path: Path = ("site",)
    table = reader.table(doc, path, ("id", "name", "timezone", "offers"))
    if table is None:
        if "site" not in doc:
            reader.problem(path, "the [site] table is required (with id and name)")
        return None
    site_id = reader.required_str(table, (*path, "id"))
    if site_id is not None and not _SLUG.fullmatch(site_id):
        reader.problem(
            (*path, "id"),
            f"{show(site_id)} is not a slug (lower-case letters, digits, single hyphens)",
        )
        site_id = None
    name = reader.required_str(table, (*path, "name"))
    timezone = reader.value(table, (*path, "timezone"), str, DEFAULT_TIMEZONE)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        reader.problem((*path, "timezone"), f"{show(timezone)} is not an IANA time zone name")
    offers = _read_offers(reader, table, (*path, "offers"))
    if site_id is None or name is None:
        return None
    return SiteConfig(id=site_id, name=name.strip(), timezone=timezone, offers=offers)


def _read_offers(reader: Reader, table: Mapping[str, object], path: Path) -> tuple[Offer, ...]:
    raw = reader.value(table, path, list, [])
    offers: list[Offer] = []
    known = ", ".join(offer.value for offer in Offer)
    for index, item in enumerate(raw):
        if not isinstance(item, str) or item not in _OFFER_VALUES:
            reader.problem(
                (*path, index), f"{show(item)} is not an offer (expected one of: {known})"
            )
            continue
        offer = Offer(item)
        if offer in offers:
            reader.problem((*path, index), f"{show(item)} is listed twice")
            continue
        offers.append(offer)
    return tuple(offers)


def read_schedule(reader: Reader, doc: Mapping[str, object]) -> ScheduleConfig:
    """``[schedule]`` with its ``staffed`` and ``meraapent`` weeks."""
    path: Path = ("schedule",)
    allowed = ("public_holidays_closed", "closed_dates", "staffed", "meraapent")
    table = reader.table(doc, path, allowed) or {}
    holidays_closed = reader.value(table, (*path, "public_holidays_closed"), bool, True)
    closed: set[date] = set()
    for index, item in enumerate(reader.value(table, (*path, "closed_dates"), list, [])):
        # A TOML datetime is also a date in Python: only a bare date means a whole day.
        if isinstance(item, date) and not isinstance(item, datetime):
            closed.add(item)
        elif isinstance(item, str):
            reader.problem(
                (*path, "closed_dates", index),
                f"{show(item)} is a string; write the date without quotes (2026-12-24)",
            )
        else:
            reader.problem((*path, "closed_dates", index), f"must be a date, not {type_name(item)}")
    return ScheduleConfig(
        public_holidays_closed=holidays_closed,
        closed_dates=frozenset(closed),
        staffed=_read_week(reader, table, (*path, "staffed")),
        meraapent=_read_week(reader, table, (*path, "meraapent")),
    )


def _read_week(
    reader: Reader, parent: Mapping[str, object], path: Path
) -> Mapping[Weekday, tuple[Period, ...]]:
    table = reader.table(parent, path, [day.key for day in Weekday]) or {}
    week: dict[Weekday, tuple[Period, ...]] = {}
    for day in Weekday:
        day_path = (*path, day.key)
        periods: list[Period] = []
        for index, item in enumerate(reader.value(table, day_path, list, [])):
            period = _parse_period(item)
            if period is None:
                reader.problem(day_path, f"{show(item)} is not HH:MM-HH:MM", at=(*day_path, index))
            elif period.start >= period.end:
                reader.problem(
                    day_path, f"{show(item)} does not end after it starts", at=(*day_path, index)
                )
            else:
                periods.append(period)
        periods.sort()
        for earlier, later in zip(periods, periods[1:], strict=False):
            if later.start < earlier.end:
                reader.problem(day_path, f"periods {earlier} and {later} overlap")
        week[day] = tuple(periods)
    return MappingProxyType(week)


def _parse_period(item: object) -> Period | None:
    if not isinstance(item, str):
        return None
    match = _PERIOD.fullmatch(item.strip())
    if match is None:
        return None
    start_h, start_m, end_h, end_m = (int(group) for group in match.groups())
    if start_h > 23 or start_m > 59 or end_m > 59:
        return None
    if (end_h, end_m) == (24, 0):
        return Period(time(start_h, start_m), time.max)
    if end_h > 23:
        return None
    return Period(time(start_h, start_m), time(end_h, end_m))


def read_session(reader: Reader, doc: Mapping[str, object]) -> SessionConfig:
    """``[session]``: idle timeouts per screen kind, warning and language."""
    path: Path = ("session",)
    allowed = ("idle_timeout_default", "idle_timeout", "warning_seconds", "default_language")
    table = reader.table(doc, path, allowed) or {}
    default = _seconds(
        reader,
        table,
        (*path, "idle_timeout_default"),
        DEFAULT_IDLE_TIMEOUT_SECONDS,
        _IDLE_TIMEOUT_RANGE,
    )
    overrides: dict[str, float] = {}
    per_kind = reader.table(table, (*path, "idle_timeout"), IDLE_TIMEOUT_KINDS) or {}
    for kind in IDLE_TIMEOUT_KINDS:
        if kind in per_kind:
            key = (*path, "idle_timeout", kind)
            overrides[kind] = _seconds(reader, per_kind, key, default, _IDLE_TIMEOUT_RANGE)
    warning = _seconds(
        reader,
        table,
        (*path, "warning_seconds"),
        DEFAULT_WARNING_SECONDS,
        (MIN_WARNING_SECONDS, _MAX_WARNING_SECONDS),
        why=" (WCAG 2.2.1 asks for at least 20 s to react)",
    )
    language = reader.value(table, (*path, "default_language"), str, DEFAULT_LANGUAGE)
    if language not in LANGUAGES:
        reader.problem(
            (*path, "default_language"),
            f"{show(language)} is not one of: {', '.join(LANGUAGES)}",
        )
        language = DEFAULT_LANGUAGE
    return SessionConfig(
        idle_timeout_default=default,
        idle_timeouts=MappingProxyType(overrides),
        warning_seconds=warning,
        default_language=language,
    )


def _seconds(
    reader: Reader,
    table: Mapping[str, object],
    path: Path,
    default: float,
    bounds: tuple[float, float],
    why: str = "",
) -> float:
    value = reader.value(table, path, float, default)
    low, high = bounds
    if not low <= value <= high:
        reader.problem(path, f"{value:g} s is outside {low:g}..{high:g} s{why}")
        return default
    return value


def read_central(reader: Reader, doc: Mapping[str, object]) -> CentralConfig:
    """``[central]``: the server's URL (https, or loopback http) and probe interval."""
    path: Path = ("central",)
    table = reader.table(doc, path, ("url", "probe_interval_seconds")) or {}
    url: str | None = reader.value(table, (*path, "url"), str, "") or None
    if url is not None and not _url_allowed(url):
        reader.problem(
            (*path, "url"),
            f"{show(url)} must be an https:// URL (plain http only to 127.0.0.1 or localhost)",
        )
        url = None
    interval = _seconds(
        reader,
        table,
        (*path, "probe_interval_seconds"),
        DEFAULT_PROBE_INTERVAL_SECONDS,
        _PROBE_INTERVAL_RANGE,
    )
    return CentralConfig(url=url.rstrip("/") if url else None, probe_interval_seconds=interval)


def read_storage(reader: Reader, doc: Mapping[str, object]) -> StorageConfig:
    """``[storage]``: where the terminal's database lives (``~`` is expanded)."""
    path: Path = ("storage",)
    table = reader.table(doc, path, ("path",)) or {}
    value: str = reader.value(table, (*path, "path"), str, DEFAULT_STORE_PATH)
    if not value.strip():
        reader.problem((*path, "path"), "must name a file")
        value = DEFAULT_STORE_PATH
    return StorageConfig(path=os.path.expanduser(value))


def _url_allowed(url: str) -> bool:
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    if not host:
        return False
    return parts.scheme == "https" or (parts.scheme == "http" and host in _LOOPBACK_HOSTS)


def read_devices(
    reader: Reader, doc: Mapping[str, object], known_drivers: Mapping[str, frozenset[str]]
) -> DevicesConfig:
    """``[devices.<kind>]``: the driver per kind; every other key is a driver option."""
    path: Path = ("devices",)
    table = reader.table(doc, path, DEVICE_KINDS) or {}
    choices: dict[str, DeviceChoice] = {}
    for kind in DEVICE_KINDS:
        kind_path = (*path, kind)
        device = reader.table(table, kind_path, None)
        if device is None:
            continue
        if "driver" not in device:
            reader.problem((*kind_path, "driver"), "is required when the table is present")
            continue
        driver = reader.value(device, (*kind_path, "driver"), str, "")
        valid = known_drivers.get(kind, frozenset())
        if driver not in valid:
            if isinstance(device["driver"], str):
                choices_text = ", ".join(sorted(valid)) or "none"
                reader.problem(
                    (*kind_path, "driver"),
                    f"unknown driver {show(driver)} for {kind} (known: {choices_text})",
                )
            continue
        options = {key: value for key, value in device.items() if key != "driver"}
        choices[kind] = DeviceChoice(driver=driver, options=MappingProxyType(options))
    return DevicesConfig(**choices)


def read_demo(reader: Reader, doc: Mapping[str, object]) -> DemoConfig:
    """``[demo]``: cards for the simulator panel."""
    path: Path = ("demo",)
    table = reader.table(doc, path, ("cards",)) or {}
    cards: list[DemoCard] = []
    seen: set[str] = set()
    for index, item in enumerate(reader.value(table, (*path, "cards"), list, [])):
        card_path = (*path, "cards", index)
        if not isinstance(item, dict):
            reader.problem(card_path, f"must be a table {{uid, label}}, not {type_name(item)}")
            continue
        reader.unknown_keys(item, card_path, ("uid", "label"))
        uid = reader.required_str(item, (*card_path, "uid"))
        label = reader.required_str(item, (*card_path, "label"))
        if uid is not None and not _HEX_UID.fullmatch(uid):
            reader.problem((*card_path, "uid"), f"{show(uid)} is not a 4 to 10 byte hex UID")
            uid = None
        if uid is not None and uid.upper() in seen:
            reader.problem((*card_path, "uid"), f"{show(uid)} is listed twice")
            uid = None
        if uid is not None and label is not None:
            seen.add(uid.upper())
            cards.append(DemoCard(uid=uid.upper(), label=label))
    return DemoConfig(cards=tuple(cards))

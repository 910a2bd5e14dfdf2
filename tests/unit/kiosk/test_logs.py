"""JSON-line logging keeps personal data out."""

from __future__ import annotations

import io
import json
import logging

from kiosk.logs import JsonLineFormatter, configure_logging, mask_personal_data


def _record(msg: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord("kiosk.test", logging.INFO, __file__, 1, msg, args, None)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_each_record_is_one_json_line_with_extras() -> None:
    line = JsonLineFormatter().format(_record("door %s", "released", event="door_released"))
    entry = json.loads(line)
    assert entry["msg"] == "door released"
    assert entry["event"] == "door_released"
    assert entry["level"] == "info"
    assert "\n" not in line


def test_fodselsnummer_and_card_uids_are_masked() -> None:
    line = JsonLineFormatter().format(
        _record("lookup %s for card %s", "01017012345", "04A1B2C3D4", detail="nr 010170 12345")
    )
    assert "01017012345" not in line
    assert "04A1B2C3D4" not in line
    assert "12345" not in line
    assert mask_personal_data("opening hours 10:00-15:00") == "opening hours 10:00-15:00"


def test_configure_logging_writes_to_the_given_stream() -> None:
    stream = io.StringIO()
    configure_logging(stream=stream)
    try:
        logging.getLogger("kiosk.x").warning("hello", extra={"event": "probe"})
    finally:
        logging.getLogger().handlers.clear()
    assert json.loads(stream.getvalue())["event"] == "probe"

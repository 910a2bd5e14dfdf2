"""Qt's warnings land in the kiosk's log, not raw on stderr."""

from __future__ import annotations

import logging

from PySide6.QtCore import qInstallMessageHandler, qWarning

from ui.qt_logging import forward_qt_message


def test_qt_warnings_become_log_records(qapp, caplog) -> None:
    previous = qInstallMessageHandler(forward_qt_message)
    try:
        with caplog.at_level(logging.WARNING, logger="qt"):
            qWarning("plugin says hello")
    finally:
        qInstallMessageHandler(previous)
    records = [r for r in caplog.records if r.name == "qt"]
    assert [r.getMessage() for r in records] == ["plugin says hello"]
    assert records[0].levelno == logging.WARNING
    assert records[0].event == "qt_message"

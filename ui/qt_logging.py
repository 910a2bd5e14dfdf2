"""Qt's own messages (warnings from plugins, QML) into the kiosk's JSON log."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def forward_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """A Qt message handler: one log record per Qt message, with its category."""
    log.log(
        _LEVELS.get(kind, logging.WARNING),
        message,
        extra={"event": "qt_message", "category": context.category or "default"},
    )


def install_qt_log_bridge() -> None:
    """Route Qt's messages to ``logging`` (and so to the journal as JSON lines)."""
    qInstallMessageHandler(forward_qt_message)

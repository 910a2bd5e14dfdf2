"""Search every live widget, model and input buffer for a piece of text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def _widget_texts(widget: QWidget) -> list[str]:
    texts = [
        widget.accessibleName(),
        widget.accessibleDescription(),
        widget.toolTip(),
        widget.windowTitle(),
        widget.statusTip(),
        widget.whatsThis(),
    ]
    if isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.displayText(), widget.placeholderText()]
    if isinstance(widget, QTextEdit):
        texts += [widget.toPlainText(), widget.toHtml()]
    if isinstance(widget, QPlainTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    return texts


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    texts = []
    try:
        columns = max(1, model.columnCount(parent))
    except TypeError:  # list models make columnCount private: one column
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.EditRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                value = model.data(index, role)
                if value is not None:
                    texts.append(str(value))
            if columns > 1 or not isinstance(model, QAbstractListModel):
                try:
                    if model.hasChildren(index):
                        texts += _model_texts(model, index)
                except TypeError:  # flat models make hasChildren private
                    pass
    return texts


def _all_objects() -> list[QObject]:
    app = QApplication.instance()
    assert app is not None
    objects: list[QObject] = [app, *app.children()]
    for widget in QApplication.allWidgets():
        objects.append(widget)
        objects += widget.findChildren(QObject)
    return objects


def places_holding(text: str, *, extra_buffers: dict[str, str] | None = None) -> list[str]:
    """Where ``text`` is still findable: widgets, item models, clipboard, input method."""
    found: list[str] = []
    for widget in QApplication.allWidgets():
        if any(text in t for t in _widget_texts(widget)):
            found.append(f"widget {type(widget).__name__} {widget.objectName()!r}")
    for obj in _all_objects():
        if isinstance(obj, QAbstractItemModel) and any(text in t for t in _model_texts(obj)):
            found.append(f"model {type(obj).__name__}")
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        if text in clipboard.text(mode):
            found.append(f"clipboard {mode.name}")
    query = QGuiApplication.focusObject()
    if query is not None and isinstance(query, QWidget):
        value = query.inputMethodQuery(Qt.InputMethodQuery.ImSurroundingText)
        if value and text in str(value):
            found.append("input method surrounding text")
    for name, buffer in (extra_buffers or {}).items():
        if text in buffer:
            found.append(name)
    return found

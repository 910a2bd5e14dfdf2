"""Reusable Qt widgets shared by the screens (keyboard, PIN pad, icons, ...).

Part of ``ui``: may import PySide6 and ``kiosk``, nothing from the other layers.
Each module holds one widget; import it from its module, e.g.
``from ui.widgets.pin_pad import PinPad``.
"""

"""Everything Qt: entry point, main window, screens, view-models, translations.

The only package that imports PySide6 or qasync. May import ``kiosk`` (and, in
``ui.simulator_panel``, the device simulators ``kiosk.wiring`` hands it).
"""

"""Torgkiosk's application core: services, session lifecycle, configuration, wiring.

May import ``devices`` and ``offline_cache``. Never ``ui``, never PySide6 or qasync:
everything here runs under plain asyncio and is tested without a display.
"""

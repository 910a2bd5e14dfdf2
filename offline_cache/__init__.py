"""Local truth and the way to central: SQLite store, outbox, central API client, sync.

Imports nothing from ``kiosk``, ``ui`` or ``devices``.
"""

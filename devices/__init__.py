"""Device ports, real drivers and simulators: one folder per device kind.

Imports nothing from ``kiosk``, ``ui`` or ``offline_cache``. Each kind has a
``typing.Protocol`` port with one exception type, a simulator, and (from its own
issue on) a real driver; one contract test runs against every implementation.
"""

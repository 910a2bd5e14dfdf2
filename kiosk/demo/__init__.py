"""Packaged demo data: ``site.toml`` for "Heggedal innbyggertorg".

``torgkiosk run --demo`` loads it through ``kiosk.config.demo_config_path()``.
Every device is simulated and the central server is the reference server on
127.0.0.1, so the demo runs on any laptop.
"""

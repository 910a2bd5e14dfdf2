"""``torgkiosk-sync``: the sync service for a terminal, configured from its ``site.toml``.

A process of its own (systemd unit ``torgkiosk-sync.service``): a crash or a
restart of the UI never stops the outbox, and the other way round. It reads
the same site configuration as the kiosk (database path, central URL), logs
JSON lines like the kiosk, and runs ``offline_cache.sync``'s engine.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from pathlib import Path

from kiosk.config import ConfigError, demo_config_path, load_config
from kiosk.logs import configure_logging
from offline_cache import sync

log = logging.getLogger("kiosk.sync_service")

DEFAULT_CONFIG = Path("/etc/torgkiosk/site.toml")
DEFAULT_TOKEN_FILE = Path("/etc/torgkiosk/terminal.token")
EX_CONFIG = 78  # sysexits: the configuration is wrong; systemd should not spin on it


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="torgkiosk-sync", description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="site configuration")
    source.add_argument("--demo", action="store_true", help="the packaged demo configuration")
    parser.add_argument("--token-file", type=Path, default=DEFAULT_TOKEN_FILE)
    parser.add_argument("--ca-bundle", type=Path, help="PEM bundle pinning central's CA")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run until SIGTERM; exit 78 when the configuration cannot be used."""
    args = _parser().parse_args(argv)
    configure_logging()
    # One line per HTTP request is noise in the journal; failures are logged by the engine.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        config = load_config(demo_config_path() if args.demo else args.config)
    except ConfigError as error:
        for problem in error.problems:
            log.error(
                "configuration problem", extra={"event": "config_invalid", "problem": str(problem)}
            )
        return EX_CONFIG
    if config.central.url is None:
        log.error("no [central] url configured; nothing to sync", extra={"event": "sync_disabled"})
        return EX_CONFIG
    Path(config.storage.path).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    engine_args = [
        "--db",
        config.storage.path,
        "--central",
        config.central.url,
        "--token-file",
        str(args.token_file),
    ]
    if args.ca_bundle is not None:
        engine_args += ["--ca-bundle", str(args.ca_bundle)]
    return sync.main(engine_args)

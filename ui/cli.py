"""The ``torgkiosk`` command: ``run`` the kiosk, or ``check-config`` a site file.

Kept free of Qt imports at module level, so ``check-config`` runs on a machine
without a display and ``run`` pays for Qt only once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_CONFIG = Path("/etc/torgkiosk/site.toml")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="torgkiosk", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="start the kiosk")
    run.add_argument("--demo", action="store_true", help="demo site, simulated devices, windowed")
    run.add_argument("--config", type=Path, help=f"site configuration (default {DEFAULT_CONFIG})")
    run.add_argument("--windowed", action="store_true", help="a window instead of fullscreen")
    check = commands.add_parser("check-config", help="validate a site configuration file")
    check.add_argument("path", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``torgkiosk`` console script."""
    args = _parser().parse_args(argv)
    if args.command == "check-config":
        return check_config_command(args.path)
    from ui.app import RunOptions, run

    config_path = args.config
    if config_path is None and not args.demo:
        config_path = DEFAULT_CONFIG
    return run(
        RunOptions(config_path=config_path, demo=args.demo, windowed=args.windowed or args.demo)
    )


def check_config_command(path: Path) -> int:
    """Print every problem of ``path`` with its key and line; non-zero exit if any."""
    from kiosk.config import check_config

    problems = check_config(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{path}: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

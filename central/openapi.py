"""Export the OpenAPI document: ``python -m central.openapi [--check] [PATH]``.

The committed copy (``docs/api/openapi.json``) is what kiosk developers and other
clients read; a test fails when it differs from what the code generates.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from central.app import create_app
from central.settings import Settings

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "docs" / "api" / "openapi.json"


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document generated from the code (no database is touched)."""
    return create_app(Settings(database_url="sqlite://")).openapi()


def render(document: dict[str, Any]) -> str:
    """Stable text: sorted keys, two-space indent, trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m central.openapi", description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = render(openapi_document())
    if args.check:
        current = args.path.read_text(encoding="utf-8") if args.path.exists() else ""
        if current != text:
            print(f"{args.path} is stale: run python -m central.openapi", file=sys.stderr)
            return 1
        return 0
    args.path.parent.mkdir(parents=True, exist_ok=True)
    args.path.write_text(text, encoding="utf-8")
    print(f"wrote {args.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m central``: the same command line as ``torgkiosk-central``."""

from central.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

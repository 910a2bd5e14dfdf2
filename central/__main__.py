"""``python -m central --host 127.0.0.1 --port 8765 [--quiet]``.

Prints one line, ``central: serving on http://HOST:PORT``, once the socket is
bound (so ``--port 0`` can be used and the chosen port read back), then serves
until SIGTERM or Ctrl+C and exits 0.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from central.server import build_server


def main(argv: list[str] | None = None) -> int:
    """Run the placeholder central server in the foreground."""
    parser = argparse.ArgumentParser(prog="python -m central", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (0: any free port)")
    parser.add_argument("--quiet", action="store_true", help="no access log on stderr")
    args = parser.parse_args(argv)

    server = build_server(args.host, args.port, quiet=args.quiet)
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # serve_forever() runs on a worker thread so the main thread is free to take
    # the signal; shutdown() from a signal handler on the serving thread deadlocks.
    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    worker = threading.Thread(
        target=server.serve_forever, args=(0.1,), name="central-http", daemon=True
    )
    worker.start()
    host, port = server.server_address[:2]
    print(f"central: serving on http://{host!s}:{port}", flush=True)
    try:
        stop.wait()
    finally:
        server.shutdown()
        server.server_close()
        worker.join()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

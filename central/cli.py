"""``torgkiosk-central`` (also ``python -m central``): serve, migrate, seed, enrol.

``serve`` prints exactly one line, ``central: serving on http://HOST:PORT``, once the
socket is bound and listening (so ``--port 0`` works and the port can be read back),
then serves until SIGTERM or Ctrl+C and exits 0. Without a subcommand, ``serve`` is
assumed (``python -m central --port 8765`` keeps working).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import sys
from pathlib import Path
from types import FrameType

from central import demo, store
from central.clock import utc_now
from central.db import create_db_engine, migrate
from central.settings import ADMIN_TOKEN_ENV, DATABASE_ENV, Settings, default_database_url

COMMANDS = ("serve", "migrate", "demo-data", "create-terminal")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="torgkiosk-central", description="Torgkiosk's reference central API server."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--db",
            default=None,
            help=f"database URL: sqlite:///path or postgresql+psycopg://... "
            f"(default ${DATABASE_ENV}, else {default_database_url()})",
        )
        return sub

    serve = with_db(commands.add_parser("serve", help="run the API (migrates first)"))
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="port (0: any free port)")
    serve.add_argument(
        "--admin-token",
        default=None,
        help=f"token for /admin (better: ${ADMIN_TOKEN_ENV}, which ps cannot show); "
        "without one the admin API is off",
    )
    serve.add_argument("--quiet", action="store_true", help="no access log on stderr")

    with_db(commands.add_parser("migrate", help="create or upgrade the schema"))

    seed = with_db(commands.add_parser("demo-data", help="seed Asker's eight torg"))
    seed.add_argument("--token-file", type=Path, help="write the demo terminal's token here")

    enrol = with_db(commands.add_parser("create-terminal", help="register a terminal"))
    enrol.add_argument("--site", required=True, help="site id, e.g. heggedal")
    enrol.add_argument("--name", required=True, help="a name staff recognise")
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list.insert(0, "serve")
    args = _parser().parse_args(args_list)
    url = args.db or default_database_url()
    if args.command == "serve":
        return _serve(url, args.host, args.port, args.admin_token, quiet=args.quiet)
    engine = create_db_engine(url)
    try:
        migrate(engine)
        if args.command == "migrate":
            print("central: database is at the latest schema", flush=True)
        elif args.command == "demo-data":
            terminal = demo.seed(engine, utc_now())
            print(f"central: seeded {len(demo.SITES)} sites of {demo.MUNICIPALITY}")
            if args.token_file:
                _write_secret(args.token_file, terminal.token + "\n")
                print(
                    f"central: demo terminal {terminal.terminal_id} at {terminal.site_id}, "
                    f"token written to {args.token_file}"
                )
            else:
                print(
                    f"central: demo terminal {terminal.terminal_id} at {terminal.site_id}, "
                    f"token {terminal.token}"
                )
        else:
            try:
                with engine.begin() as conn:
                    created = store.create_terminal(
                        conn, site_id=args.site, name=args.name, now=utc_now()
                    )
            except store.UnknownSiteError:
                print(f"central: no site {args.site!r}", file=sys.stderr)
                return 2
            # Shown once: the database keeps only the hash.
            print(json.dumps({"terminal_id": created.terminal_id, "token": created.token}))
    finally:
        engine.dispose()
    return 0


def _write_secret(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(text)


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket for uvicorn, bound before the banner is printed.

    ``IPPROTO_TCP``, not 0: accepted sockets inherit the protocol, and asyncio sets
    ``TCP_NODELAY`` only on sockets that say they are TCP. Without it, Nagle plus delayed
    ACKs stall every reply on a kept-alive connection by ~40 ms, which capped the sync
    engine's drain at ~1 500 events/s.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    # Listening before the banner: a client that reads it and connects at once is
    # queued in the backlog until uvicorn accepts, never refused.
    sock.listen(2048)
    return sock


def _serve(url: str, host: str, port: int, admin_token: str | None, *, quiet: bool) -> int:
    import uvicorn

    from central.app import create_app

    engine = create_db_engine(url)
    try:
        migrate(engine)
    finally:
        engine.dispose()
    token = admin_token or os.environ.get(ADMIN_TOKEN_ENV) or None
    app = create_app(Settings(database_url=url, admin_token=token))

    sock = listen(host, port)
    family = sock.family
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if family == socket.AF_INET6 else bound_host
    print(f"central: serving on http://{shown}:{bound_port}", flush=True)

    def ignore(_signum: int, _frame: FrameType | None) -> None:
        # uvicorn re-raises the signal that stopped it once it has shut down; this
        # handler swallows it so SIGTERM ends in a clean exit 0.
        pass

    signal.signal(signal.SIGTERM, ignore)
    signal.signal(signal.SIGINT, ignore)
    config = uvicorn.Config(
        app,
        log_level="warning" if quiet else "info",
        access_log=not quiet,
        timeout_graceful_shutdown=5,
        server_header=False,
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    return 0

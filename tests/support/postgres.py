"""A throwaway PostgreSQL server for tests: Debian's binaries, a temp dir, a loopback port.

Usage (a session-scoped fixture in ``tests/central/conftest.py`` does this)::

    with temporary_postgres() as pg:          # initdb + postgres, waits until ready
        url = pg.create_database("central_1") # postgresql+psycopg://postgres@127.0.0.1:PORT/central_1
    # the server is stopped by PID and its directory removed

Binaries: ``$TORGKIOSK_PG_BINDIR``, else the newest ``/usr/lib/postgresql/*/bin``, else
``initdb`` on ``PATH``. Missing binaries raise ``PostgresUnavailable`` with the fix;
the caller turns that into a test *failure*, never a skip.

Run as root (CI containers), ``initdb`` refuses to start, so both ``initdb`` and
``postgres`` run as Debian's ``postgres`` system user (created by the ``postgresql``
package) with the temp directory chowned to it: ``subprocess.Popen(user=...)``
switches user in the child itself, so the PID we hold is the postmaster's own and
stopping it by PID needs no ``runuser``/``su`` in between. As any other user, the
server runs as that user. Authentication is ``trust``, on 127.0.0.1 only: the cluster
lives as long as the test session and holds nothing but test data.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

READY = "database system is ready to accept connections"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0


class PostgresUnavailable(RuntimeError):  # noqa: N818 - reads better at the call site
    """PostgreSQL's server binaries are not installed."""


def find_bindir() -> Path:
    """Where ``initdb`` and ``postgres`` live."""
    if configured := os.environ.get("TORGKIOSK_PG_BINDIR"):
        candidates = [Path(configured)]
    else:
        versions = sorted(
            Path("/usr/lib/postgresql").glob("*/bin"),
            key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
            reverse=True,
        )
        on_path = shutil.which("initdb")
        candidates = versions + ([Path(on_path).parent] if on_path else [])
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "postgres").is_file():
            return bindir
    raise PostgresUnavailable(
        "PostgreSQL server binaries not found (looked in $TORGKIOSK_PG_BINDIR, "
        "/usr/lib/postgresql/*/bin and PATH). Install them: apt-get install postgresql "
        "(make apt does this when run as root)."
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class TemporaryPostgres:
    """A running server; ``url(db)`` and ``create_database(name)`` give SQLAlchemy URLs."""

    port: int
    pid: int
    user: str = "postgres"
    log: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event, repr=False)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A fresh, empty database (dropped first if a previous run left it)."""
        dsn = f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _run_as() -> dict[str, object]:
    """Popen arguments that drop root to the ``postgres`` user (nothing otherwise)."""
    if os.geteuid() != 0:
        return {}
    try:
        account = pwd.getpwnam("postgres")
    except KeyError as error:
        raise PostgresUnavailable(
            "running as root, but there is no 'postgres' system user to run the server as "
            "(apt-get install postgresql creates it)"
        ) from error
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}


@contextlib.contextmanager
def temporary_postgres() -> Iterator[TemporaryPostgres]:
    """Start a private PostgreSQL cluster; stop it by PID and delete it afterwards."""
    bindir = find_bindir()
    run_as = _run_as()
    root = Path(tempfile.mkdtemp(prefix="torgkiosk-pg-"))
    data = root / "data"
    try:
        data.mkdir(mode=0o700)
        if run_as:
            for path in (root, data):
                os.chown(path, run_as["user"], run_as["group"])  # type: ignore[arg-type]
        env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8", "HOME": str(root)}
        subprocess.run(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--no-sync"],
            cwd=root, env=env, check=True, capture_output=True, timeout=120, **run_as,
        )  # fmt: skip
        port = free_port()
        process = subprocess.Popen(
            [str(bindir / "postgres"), "-D", str(data), "-p", str(port),
             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={root}",
             "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "logging_collector=off"],
            cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            **run_as,
        )  # fmt: skip
        server = TemporaryPostgres(port=port, pid=process.pid)
        pump = threading.Thread(target=_pump, args=(process, server), daemon=True)
        pump.start()
        try:
            if not server.ready.wait(START_TIMEOUT) or process.poll() is not None:
                raise RuntimeError("PostgreSQL did not start:\n" + "\n".join(server.log[-30:]))
            yield server
        finally:
            _stop(process)
            pump.join(STOP_TIMEOUT)
            assert process.stderr is not None
            process.stderr.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _pump(process: subprocess.Popen[str], server: TemporaryPostgres) -> None:
    """Drain the server's log (so the pipe never fills) and spot the "ready" line."""
    assert process.stderr is not None
    for line in process.stderr:
        server.log.append(line.rstrip())
        if READY in line:
            server.ready.set()


def _stop(process: subprocess.Popen[str]) -> None:
    """SIGINT is PostgreSQL's fast shutdown: roll back, close clients, exit."""
    if process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGINT)
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(STOP_TIMEOUT)

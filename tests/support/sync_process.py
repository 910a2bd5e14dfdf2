"""The kiosk's sync service as a real OS process, for fault tests and benchmarks.

Two ways to start ``offline_cache.sync.main(argv)`` in its own process:

* :func:`spawn_sync` runs ``python -m offline_cache.sync ARGV`` exactly as systemd would.
* :class:`SyncForkServer` forks it from a ``multiprocessing`` fork server that has already
  imported ``offline_cache.sync``: still a separate process with its own PID, its own SQLite
  connection and its own flock, killed with a real SIGKILL, but it starts in milliseconds
  instead of ~0.4 s of imports. That is what lets the kill -9 loop run 200 cycles in the
  normal suite. The fork server imports nothing else and never opens the database, so no
  SQLite state crosses the fork.

Both return a :class:`SyncProcess`, stopped by PID.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
STOP_TIMEOUT = 30.0


def sync_argv(
    db: Path,
    url: str,
    token_file: Path,
    *,
    batch_size: int = 7,
    idle_poll: float = 0.02,
    base_delay: float = 0.01,
    max_delay: float = 0.1,
    collections: str = "",
    log_level: str = "WARNING",
) -> list[str]:
    """The sync service's command line with test-sized intervals (no pulls, no heartbeats)."""
    return [
        "--db", str(db),
        "--central", url,
        "--token-file", str(token_file),
        "--batch-size", str(batch_size),
        "--idle-poll", str(idle_poll),
        "--base-delay", str(base_delay),
        "--max-delay", str(max_delay),
        "--collections", collections,
        "--pull-interval", "3600",
        "--heartbeat-interval", "3600",
        "--log-level", log_level,
    ]  # fmt: skip


@dataclass
class SyncProcess:
    """One running sync service, by PID, however it was started."""

    pid: int
    _popen: subprocess.Popen[bytes] | None = None
    _process: Any = None  # multiprocessing.Process (untyped there)

    def wait(self, timeout: float) -> int | None:
        """The exit status (negative: killed by that signal), or ``None`` if still running."""
        if self._popen is not None:
            try:
                return self._popen.wait(timeout)
            except subprocess.TimeoutExpired:
                return None
        self._process.join(timeout)
        code = self._process.exitcode
        return None if code is None else int(code)

    def kill9(self) -> None:
        """SIGKILL, if it still runs (the kernel drops its flock and its SQLite locks)."""
        if self.wait(0) is None:
            os.kill(self.pid, signal.SIGKILL)

    def stop(self, timeout: float = STOP_TIMEOUT) -> int:
        """SIGTERM and wait (SIGKILL if it hangs); the exit status."""
        if self.wait(0) is None:
            os.kill(self.pid, signal.SIGTERM)
        code = self.wait(timeout)
        if code is None:
            os.kill(self.pid, signal.SIGKILL)
            code = self.wait(timeout)
        assert code is not None
        self.close()
        return code

    def stderr_text(self) -> str:
        """What a spawned service wrote to stderr (fork-server children share the server's)."""
        if self._popen is None or self._popen.stderr is None or self._popen.stderr.closed:
            return ""
        if self._popen.poll() is None:
            # Reading a live process's stderr waits for its end: this is only ever asked
            # for a failure message, so end it first rather than hang the test run.
            self._popen.kill()
            self._popen.wait()
        return self._popen.stderr.read().decode(errors="replace")[-4000:]

    def close(self) -> None:
        if self._popen is not None and self._popen.stderr is not None:
            self._popen.stderr.close()
        if self._process is not None and self._process.exitcode is not None:
            self._process.close()
            self._process = _Closed()


class _Closed:
    exitcode = 0

    def join(self, timeout: float | None = None) -> None:
        return None

    def close(self) -> None:
        return None


def spawn_sync(argv: list[str]) -> SyncProcess:
    """``python -m offline_cache.sync ARGV`` (stderr kept for failure messages)."""
    popen = subprocess.Popen(
        [sys.executable, "-m", "offline_cache.sync", *argv],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return SyncProcess(popen.pid, _popen=popen)


class SyncForkServer:
    """Starts sync services by forking a server that has ``offline_cache.sync`` imported."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["offline_cache.sync"])

    def start(self, argv: list[str]) -> SyncProcess:
        from offline_cache.sync import main

        process = self._context.Process(target=main, args=(argv,), daemon=False)
        # multiprocessing makes each child re-import the parent's main script as __mp_main__;
        # under pytest that is pytest's launcher (importing pytest costs ~0.3 s a child). The
        # child needs nothing from it: hide the script's path while the child is prepared.
        launcher = sys.modules["__main__"]
        path = launcher.__dict__.pop("__file__", None)
        try:
            process.start()
        finally:
            if path is not None:
                launcher.__file__ = path
        assert process.pid is not None
        return SyncProcess(process.pid, _process=process)


@contextmanager
def sync_fork_server() -> Iterator[SyncForkServer]:
    """A fork server for the duration; stopped (with its resource tracker's pipe) afterwards."""
    server = SyncForkServer()
    try:
        yield server
    finally:
        # The fork server exits when its "alive" pipe closes; _stop closes it and reaps it.
        stop: Callable[[], None] = getattr(multiprocessing.forkserver._forkserver, "_stop")  # noqa: B009
        stop()

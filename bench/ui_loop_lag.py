"""GUI loop lag benchmark: the kiosk's window stays smooth while the outbox drains.

The real kiosk main window (the demo configuration, services attached, inside a qasync loop,
as ``torgkiosk run`` builds it) runs offscreen. A 1 ms ``QTimer`` probe records the worst gap
between its ticks, while the GUI thread also reads ``offline_cache.sync.read_status`` every
second (what the home screen's "N hendelser venter" does). Two phases in one run:

* idle: no sync process, ``--seconds`` long → ``ui_max_loop_lag_ms_idle`` (the baseline);
* drain: the real central on loopback and the real sync process draining ``--events`` events
  (10 000) from the same store file the window reads → ``ui_max_loop_lag_ms_during_drain``,
  over the whole drain.

Prints one ``name: value unit`` line per figure on stdout (progress on stderr)::

    ui_max_loop_lag_ms_idle: 3.1 ms
    ui_max_loop_lag_ms_during_drain: 6.2 ms
    ui_loop_lag_p99_ms_during_drain: 1.4 ms
    ui_drain_s: 4.1 s

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_loop_lag.py [--events N]
[--seconds S] [--db URL]``. Every process it starts is stopped by PID, also on error.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
for _path in (str(REPO), str(BENCH_DIR)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import qasync  # noqa: E402
from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sync_drain import (  # noqa: E402
    BenchError,
    fill_store,
    log,
    running_central,
    sync_process,
)

from kiosk.config import demo_config_path, load_config  # noqa: E402
from kiosk.schedule import SiteSchedule  # noqa: E402
from kiosk.services import build_services  # noqa: E402
from offline_cache.outbox import DEFAULT_BATCH  # noqa: E402
from offline_cache.store import Store  # noqa: E402
from offline_cache.sync import read_status  # noqa: E402
from ui.i18n import LanguageSwitcher  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

STATUS_INTERVAL_MS = 1000


class LagProbe:
    """A 1 ms precise timer; every gap between its ticks, in milliseconds."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._last = 0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.gaps.append((now - self._last) / 1e6)
        self._last = now


def run_loop_until(
    loop: asyncio.AbstractEventLoop, done: Callable[[], bool], timeout: float
) -> None:
    """Spin the qasync loop (Qt's loop underneath) until ``done()`` or the deadline."""

    async def wait() -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                raise BenchError(f"not done after {timeout:.0f} s")
            await asyncio.sleep(0.05)

    loop.run_until_complete(wait())


def p99(gaps: list[float]) -> float:
    return statistics.quantiles(gaps, n=100, method="inclusive")[98] if len(gaps) > 1 else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of the idle phase")
    parser.add_argument("--db", help="central's database URL (default: a temp SQLite file)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds for the drain")
    parser.add_argument(
        "--central-nice", type=int, default=10, help="niceness of the local central stand-in"
    )
    parser.add_argument("--sync-nice", type=int, default=0, help="niceness of the sync process")
    args = parser.parse_args(argv)

    app = QApplication(sys.argv[:1])
    languages = LanguageSwitcher(app)
    config = load_config(demo_config_path())
    languages.set_language(config.session.default_language)
    schedule = SiteSchedule.from_config(config)
    window = MainWindow(config, schedule, languages)
    window.resize(1080, 1920)
    window.show()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window.attach(build_services(config, loop, schedule))

    with tempfile.TemporaryDirectory(prefix="torgkiosk-bench-") as tmp:
        workdir = Path(tmp)
        db = workdir / "terminal.db"
        store = Store(db)
        status_reads: list[int] = []

        def read_outbox_depth() -> None:  # the home screen's periodic read, on the GUI thread
            status_reads.append(read_status(store).pending)

        status_timer = QTimer()
        status_timer.setInterval(STATUS_INTERVAL_MS)
        status_timer.timeout.connect(read_outbox_depth)
        status_timer.start()
        probe = LagProbe()
        try:
            run_loop_until(loop, lambda: window.painted, 30)
            fill_store(store, args.events)
            log(f"idle phase: {args.seconds:.0f} s")
            probe.start()
            idle_until = time.monotonic() + args.seconds
            run_loop_until(loop, lambda: time.monotonic() >= idle_until, args.seconds + 30)
            probe.stop()
            idle = list(probe.gaps)

            db_url = args.db or f"sqlite:///{workdir / 'central.sqlite3'}"
            with running_central(db_url) as central:
                # On a terminal central is another machine; here it shares the CPUs.
                os.setpriority(os.PRIO_PROCESS, central.pid, args.central_nice)
                _terminal_id, token = central.create_terminal("bench ui lag")
                token_file = workdir / "token"
                token_file.write_text(token)
                log(f"drain phase: {args.events} events through central {central.url}")
                probe.start()
                start = time.perf_counter()
                with sync_process(db, central.url, token_file, args.batch_size) as process:
                    os.setpriority(os.PRIO_PROCESS, process.pid, args.sync_nice)

                    def drained() -> bool:
                        if process.poll() is not None:
                            raise BenchError(f"the sync process exited with {process.returncode}")
                        return bool(status_reads) and status_reads[-1] == 0

                    run_loop_until(loop, drained, args.timeout)
                    drain_s = time.perf_counter() - start
                probe.stop()
                during = list(probe.gaps)
        except (BenchError, subprocess.CalledProcessError) as error:
            print(f"ui_loop_lag: {error}", file=sys.stderr)
            return 1
        finally:
            status_timer.stop()
            store.close()
            window.close()
    print(f"ui_max_loop_lag_ms_idle: {max(idle):.1f} ms")
    print(f"ui_max_loop_lag_ms_during_drain: {max(during):.1f} ms")
    print(f"ui_loop_lag_p99_ms_during_drain: {p99(during):.1f} ms")
    print(f"ui_drain_s: {drain_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

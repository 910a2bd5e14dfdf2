"""Start-up benchmark: ``torgkiosk run --demo`` against a bare PySide6 window.

Each contender is spawned as a subprocess with ``TORGKIOSK_EXIT_AFTER_FIRST_PAINT=1``;
the time from spawn to reading the line ``first-paint`` on its stdout is one
sample. Rounds are interleaved (alternating which contender goes first) so drift
on a noisy machine hits both alike, and the first round of each is a warm-up
that is not counted (fontconfig cache, .pyc files, page cache).

Prints one ``name: value unit`` line per figure on stdout; progress goes to stderr::

    startup_ms: 243.1 ms
    startup_p90_ms: 260.4 ms
    bare_qt_startup_ms: 171.9 ms
    bare_qt_startup_p90_ms: 180.2 ms
    startup_ratio_vs_bare_qt: 1.41 x

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--rounds N]
[--platform offscreen|xcb] [--only app|bare_qt] [--app-cmd "CMD ..."]``.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SCREEN = "1080x1920x24"
MARKER = b"first-paint"


class BenchError(Exception):
    """A contender did not follow the first-paint protocol."""


@dataclass
class Contender:
    """One program under test and its samples (milliseconds)."""

    name: str
    command: list[str]
    samples: list[float] = field(default_factory=list)


def time_first_paint(command: Sequence[str], env: Mapping[str, str], timeout: float) -> float:
    """Spawn ``command``; return milliseconds from spawn to its ``first-paint`` line.

    Raises:
        BenchError: If the program exits, hangs or fails instead.
    """
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=dict(env))
        # readline() blocks; a timer kills a hung contender so the bench cannot hang.
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        try:
            elapsed_ms = _await_marker(process, start)
            try:
                process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
                raise BenchError(f"{command[0]}: still running after first-paint") from None
        except BenchError as error:
            process.kill()
            process.wait()
            stderr.seek(0)
            tail = stderr.read()[-2000:].decode(errors="replace")
            raise BenchError(f"{error}\n--- stderr (tail) ---\n{tail}") from None
        finally:
            watchdog.cancel()
    if process.returncode != 0:
        raise BenchError(f"{command[0]}: exit status {process.returncode} after first-paint")
    return elapsed_ms


def _await_marker(process: subprocess.Popen[bytes], start: float) -> float:
    assert process.stdout is not None
    # The app also logs JSON lines to stdout; skip them.
    for line in process.stdout:
        if line.strip() == MARKER:
            return (time.perf_counter() - start) * 1000.0
    process.wait()
    raise BenchError(f"exited with status {process.returncode} before printing first-paint")


@contextmanager
def xvfb(env: dict[str, str]) -> Iterator[None]:
    """Run a private Xvfb the size of the kiosk screen; point ``env`` at it."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "rb") as pipe:
            display = pipe.readline().strip().decode()  # written once the server is ready
        if not display:
            raise BenchError("Xvfb did not start (is the xvfb package installed?)")
        env["DISPLAY"] = f":{display}"
        yield
    finally:
        server.terminate()
        server.wait()


def default_app_command() -> list[str]:
    """``torgkiosk`` from the interpreter's own venv (``.venv/bin/torgkiosk``)."""
    # Not resolve(): the venv's python is a symlink to the system interpreter.
    return [str(Path(sys.executable).parent / "torgkiosk"), "run", "--demo"]


def summarize(name: str, samples: list[float]) -> list[str]:
    """The report lines for one contender."""
    p90 = statistics.quantiles(samples, n=10, method="inclusive")[-1]
    return [f"{name}_ms: {statistics.median(samples):.1f} ms", f"{name}_p90_ms: {p90:.1f} ms"]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="counted rounds (default 10)")
    parser.add_argument(
        "--platform",
        choices=["offscreen", "xcb"],
        default=os.environ.get("QT_QPA_PLATFORM") or "offscreen",
        help="Qt platform; xcb runs a private Xvfb (default: $QT_QPA_PLATFORM or offscreen)",
    )
    parser.add_argument("--only", choices=["app", "bare_qt"], help="measure one contender")
    parser.add_argument(
        "--app-cmd",
        type=shlex.split,
        default=None,
        help="command line of the app (default: torgkiosk run --demo next to this python)",
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per start")
    args = parser.parse_args(argv)
    if args.rounds < 2:
        parser.error("--rounds must be at least 2")

    app = Contender("startup", args.app_cmd or default_app_command())
    bare = Contender("bare_qt_startup", [sys.executable, str(BENCH_DIR / "bare_qt.py")])
    contenders = {"app": [app], "bare_qt": [bare], None: [app, bare]}[args.only]
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, TORGKIOSK_EXIT_AFTER_FIRST_PAINT="1")
    print(f"# {args.rounds} rounds + 1 warm-up, platform {args.platform}", file=sys.stderr)
    try:
        with xvfb(env) if args.platform == "xcb" else nullcontext():
            for round_no in range(args.rounds + 1):
                order = contenders if round_no % 2 == 0 else contenders[::-1]
                for contender in order:
                    ms = time_first_paint(contender.command, env, args.timeout)
                    if round_no > 0:
                        contender.samples.append(ms)
                    label = "warm-up" if round_no == 0 else f"round {round_no}"
                    print(f"# {label}: {contender.name} {ms:.1f} ms", file=sys.stderr)
    except FileNotFoundError as error:
        print(
            f"error: {error.filename} not found (install the project: make setup)", file=sys.stderr
        )
        return 2
    except BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    for contender in contenders:
        print("\n".join(summarize(contender.name, contender.samples)))
    if len(contenders) == 2:
        ratio = statistics.median(app.samples) / statistics.median(bare.samples)
        print(f"startup_ratio_vs_bare_qt: {ratio:.2f} x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``torgkiosk-sync`` as a terminal runs it: from site.toml, logging JSON, stopping on SIGTERM."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from offline_cache.store import Store
from tests.support.central import running_central, sqlite_url

SYNC = str(Path(sys.executable).with_name("torgkiosk-sync"))


def _site_toml(path: Path, central_url: str, store: Path) -> Path:
    path.write_text(
        f'[site]\nid = "heggedal"\nname = "Heggedal"\n'
        f'[central]\nurl = "{central_url}"\n[storage]\npath = "{store}"\n',
        encoding="utf-8",
    )
    return path


def test_events_written_by_the_kiosk_reach_central(tmp_path: Path) -> None:
    store_path = tmp_path / "state" / "kiosk.sqlite3"
    store_path.parent.mkdir()
    with Store(store_path) as store, store.transaction() as tx:
        tx.enqueue("session.ended", "heggedal", {"reason": "timeout", "seconds": 42})
    with running_central(sqlite_url(tmp_path)) as central:
        terminal = central.create_terminal("heggedal")
        token = tmp_path / "terminal.token"
        token.write_text(terminal.token, encoding="utf-8")
        config = _site_toml(tmp_path / "site.toml", central.url, store_path)
        service = subprocess.Popen(
            [SYNC, "--config", str(config), "--token-file", str(token)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            deadline = time.monotonic() + 30
            events: list[object] = []
            while not events and time.monotonic() < deadline:
                events = central.admin_get("/admin/events", terminal_id=terminal.terminal_id)[
                    "events"
                ]
            service.terminate()
            output, _ = service.communicate(timeout=30)
        finally:
            service.kill()
    assert len(events) == 1
    assert service.returncode == 0
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert lines, output
    assert all(terminal.token not in line for line in output.splitlines())
    with Store(store_path) as store:
        assert store.outbox.pending_count() == 0


def test_a_broken_config_stops_with_exit_78_and_says_why(tmp_path: Path) -> None:
    config = tmp_path / "site.toml"
    config.write_text('[site]\nid = "Not A Slug"\nname = "X"\n', encoding="utf-8")
    result = subprocess.run(
        [SYNC, "--config", str(config)], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 78
    assert "site.id" in result.stdout

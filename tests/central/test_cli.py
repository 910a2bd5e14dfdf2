"""``torgkiosk-central``'s subcommands, run as real processes (both backends)."""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.support.central import central_command, run_cli, running_central


def config_status(api: str, token: str) -> int:
    response = httpx.get(f"{api}/terminal/config", headers={"Authorization": f"Bearer {token}"})
    return response.status_code


def test_migrate_is_idempotent(db_url: str) -> None:
    for _ in range(2):
        assert "latest schema" in run_cli("migrate", "--db", db_url).stdout


def test_demo_data_writes_a_private_token_that_works_and_reseeding_rotates_it(
    db_url: str, tmp_path: Path
) -> None:
    token_file = tmp_path / "secrets" / "demo-token"
    output = run_cli("demo-data", "--db", db_url, "--token-file", str(token_file)).stdout
    assert "seeded 8 sites" in output
    first = token_file.read_text().strip()
    assert first not in output
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600

    run_cli("demo-data", "--db", db_url, "--token-file", str(token_file))
    second = token_file.read_text().strip()

    with running_central(db_url, demo_data=False) as central:
        assert config_status(central.api, second) == 200
        assert config_status(central.api, first) == 401
        demo_terminals = [
            t
            for t in central.admin_get("/admin/terminals")["terminals"]
            if t["site_id"] == "heggedal"
        ]
        assert len(demo_terminals) == 1  # re-seeding reuses the demo terminal


def test_demo_data_without_a_token_file_prints_the_token(db_url: str) -> None:
    output = run_cli("demo-data", "--db", db_url).stdout
    token = output.rsplit("token ", 1)[1].strip()
    with running_central(db_url, demo_data=False) as central:
        assert config_status(central.api, token) == 200


def test_create_terminal_prints_its_token_once(db_url: str) -> None:
    run_cli("demo-data", "--db", db_url)
    created = json.loads(run_cli("create-terminal", "--db", db_url, "--site", "tofte",
                                 "--name", "Tofte lobby").stdout)  # fmt: skip
    with running_central(db_url, demo_data=False) as central:
        config = httpx.get(
            f"{central.api}/terminal/config",
            headers={"Authorization": f"Bearer {created['token']}"},
        ).json()
        assert (config["terminal_id"], config["site_id"]) == (created["terminal_id"], "tofte")
        assert created["token"] not in json.dumps(central.admin_get("/admin/terminals"))


def test_create_terminal_for_an_unknown_site_fails(db_url: str) -> None:
    with pytest.raises(subprocess.CalledProcessError) as failure:
        run_cli("create-terminal", "--db", db_url, "--site", "atlantis", "--name", "x")
    assert failure.value.returncode == 2
    assert "atlantis" in failure.value.stderr


def test_a_bad_database_url_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [*central_command(), "migrate", "--db", "mysql://nowhere/db"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "unsupported database URL" in result.stderr


def test_the_admin_api_is_off_without_an_admin_token(db_url: str) -> None:
    with running_central(db_url, admin_token="", demo_data=False) as central:
        response = httpx.get(
            f"{central.api}/admin/terminals", headers={"Authorization": "Bearer x"}
        )
        assert response.status_code == 401

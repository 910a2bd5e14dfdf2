"""Every central test runs twice: on a SQLite file and on a private PostgreSQL server."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.central import CentralServer, running_central, sqlite_url
from tests.support.postgres import TemporaryPostgres

BACKENDS = ["sqlite", "postgresql"]
_databases = itertools.count(1)


@pytest.fixture(scope="module", params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh, empty database per test module and backend."""
    module = re.sub(r"\W", "_", request.module.__name__.rsplit(".", 1)[-1])
    if request.param == "sqlite":
        directory: Path = tmp_path_factory.mktemp(module)
        return sqlite_url(directory)
    server: TemporaryPostgres = request.getfixturevalue("postgres")
    return server.create_database(f"{module}_{next(_databases)}")


@pytest.fixture(scope="module")
def central(db_url: str) -> Iterator[CentralServer]:
    """A real ``torgkiosk-central serve`` with the demo data, per module and backend.

    Tests share it but never each other's data: each creates its own terminals and
    event ids.
    """
    with running_central(db_url, admin_token="admin-token-for-tests") as server:
        yield server

"""The end-to-end sync tests run against central on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from tests.support.central import sqlite_url
from tests.support.postgres import TemporaryPostgres

BACKENDS = ["sqlite", "postgresql"]
_databases = itertools.count(1)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Central's database engine for this module's run."""
    param: str = request.param
    return param


@pytest.fixture(scope="module")
def make_db_url(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[], str]:
    """``make_db_url()``: the URL of a new, empty central database on ``backend``."""
    server: TemporaryPostgres | None = (
        request.getfixturevalue("postgres") if backend == "postgresql" else None
    )

    def make() -> str:
        number = next(_databases)
        if server is None:
            return sqlite_url(tmp_path_factory.mktemp(f"central_{number}"))
        return server.create_database(f"sync_e2e_{number}")

    return make

"""The committed OpenAPI document is the one the code generates."""

from __future__ import annotations

import json

from central.openapi import DEFAULT_PATH, openapi_document, render

CONTRACT_PATHS = {
    "/api/v1/health": "get",
    "/api/v1/terminal/config": "get",
    "/api/v1/sites/{site_id}": "get",
    "/api/v1/collections/{name}": "get",
    "/api/v1/events:batch": "post",
    "/api/v1/heartbeat": "post",
    "/api/v1/admin/terminals": "post",
    "/api/v1/admin/events": "get",
}


def test_committed_openapi_document_is_current() -> None:
    committed = DEFAULT_PATH.read_text(encoding="utf-8")
    assert committed == render(openapi_document()), (
        "docs/api/openapi.json is stale: run .venv/bin/python -m central.openapi"
    )


def test_rendering_is_stable() -> None:
    assert render(openapi_document()) == render(openapi_document())
    assert render({"b": 1, "a": {"d": 2, "c": 3}}) == render({"a": {"c": 3, "d": 2}, "b": 1})


def test_document_covers_the_contract() -> None:
    document = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.1")
    for path, method in CONTRACT_PATHS.items():
        assert method in document["paths"][path], path
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    batch = document["paths"]["/api/v1/events:batch"]["post"]
    assert {"200", "401", "403", "422"} <= set(batch["responses"])

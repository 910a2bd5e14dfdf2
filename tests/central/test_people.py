"""Demo people and their cards, as the staff side reads them (both backends)."""

from __future__ import annotations

import httpx

from tests.support.central import CentralServer


def test_demo_data_seeds_people_whose_cards_match_the_kiosk_demo(central: CentralServer) -> None:
    people = {p["person_id"]: p for p in central.admin_get("/admin/people")["people"]}
    assert people["p-kari"]["display_name"] == "Kari Nordmann"
    assert people["p-kari"]["cards"] == [{"uid": "04A1B2C3", "label": "lånekort"}]
    assert people["p-sperret"]["blocked"] is True
    uids = {card["uid"] for person in people.values() for card in person["cards"]}
    assert "04000000" not in uids  # the demo's "unknown card" stays unknown


def test_people_are_for_staff_only(central: CentralServer) -> None:
    terminal = central.create_terminal("heggedal")
    response = httpx.get(f"{central.api}/admin/people", headers=terminal.headers)
    assert response.status_code in (401, 403)
    assert "Kari" not in response.text

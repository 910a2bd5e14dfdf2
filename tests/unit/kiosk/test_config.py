"""site.toml: loading, defaults, and every validation rule with its key and line."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from kiosk.config import (
    ConfigError,
    ConfigProblem,
    DeviceChoice,
    KioskConfig,
    Offer,
    Period,
    Weekday,
    check_config,
    demo_config_path,
    load_config,
    parse_config,
)
from kiosk.config.locator import LineLocator, format_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "config"

DRIVERS = {
    "card_reader": frozenset({"simulated"}),
    "door": frozenset({"simulated"}),
    "locker_bank": frozenset({"simulated"}),
    "audio_out": frozenset({"simulated", "aplay"}),
}

SITE = '[site]\nid = "test"\nname = "Test innbyggertorg"\n'


def parse(text: str) -> tuple[KioskConfig | None, list[ConfigProblem]]:
    return parse_config(text, "site.toml", known_drivers=DRIVERS)


def valid(text: str) -> KioskConfig:
    config, problems = parse(text)
    assert problems == []
    assert config is not None
    return config


def problems_of(text: str) -> list[tuple[str, int | None]]:
    config, problems = parse(text)
    assert config is None
    return [(problem.key, problem.line) for problem in problems]


# -- the shipped demo and the fixtures -----------------------------------------------


def test_demo_config_is_packaged_and_valid_against_the_real_driver_list() -> None:
    path = demo_config_path()
    assert path.parent.name == "demo"
    assert path.parent.parent.name == "kiosk"

    config = load_config(path)  # default known drivers: kiosk.wiring.KNOWN_DRIVERS

    assert config.site.id == "heggedal"
    assert config.site.name == "Heggedal innbyggertorg"
    assert set(config.site.offers) == set(Offer)
    assert config.schedule.staffed[Weekday.THURSDAY] == (Period(time(10), time(18)),)
    assert config.schedule.staffed[Weekday.SATURDAY] == ()
    assert config.schedule.meraapent[Weekday.SUNDAY] == (Period(time(7), time(22)),)
    assert date(2026, 12, 24) in config.schedule.closed_dates
    assert config.central.url == "http://127.0.0.1:8765"
    assert config.devices.locker_bank == DeviceChoice("simulated", {"compartments": 12})
    assert config.devices.audio_out.driver == "simulated"
    labels = [card.label for card in config.demo.cards]
    assert "Ukjent kort" in labels
    assert "Sperret kort" in labels
    assert len(labels) >= 4


def test_minimal_file_gets_safe_defaults() -> None:
    config = load_config(FIXTURES / "minimal.toml", known_drivers=DRIVERS)

    assert config.site.timezone == "Europe/Oslo"
    assert config.site.tzinfo.key == "Europe/Oslo"
    assert config.site.offers == ()
    assert config.schedule.public_holidays_closed is True
    assert config.schedule.closed_dates == frozenset()
    assert all(config.schedule.staffed[day] == () for day in Weekday)
    assert all(config.schedule.meraapent[day] == () for day in Weekday)
    assert config.session.idle_timeout_default == 120
    assert config.session.warning_seconds == 30
    assert config.session.default_language == "nb"
    assert config.central.url is None
    assert config.central.probe_interval_seconds == 15
    assert config.devices.card_reader == DeviceChoice("simulated", {})
    assert config.devices.door.driver == "simulated"
    assert config.devices.locker_bank.driver == "simulated"
    assert config.devices.audio_out.driver == "simulated"
    assert config.demo.cards == ()


def test_broken_file_reports_every_problem_with_its_key_and_line() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(FIXTURES / "broken.toml", known_drivers=DRIVERS)

    found = [(problem.key, problem.line) for problem in caught.value.problems]
    assert found == [
        ("sitename", 2),
        ("site.id", 5),
        ("site.timezone", 7),
        ("site.offers[1]", 8),
        ("schedule.closed_dates[1]", 11),
        ("schedule.staffed.monday", 14),
        ("schedule.staffed.tuesday", 15),
        ("schedule.staffed.wednesday", 18),
        ("schedule.staffed.funday", 20),
        ("session.warning_seconds", 23),
        ("session.default_language", 24),
        ("session.idle_timeout.video", 28),
        ("central.url", 31),
        ("devices.door.driver", 34),
        ("devices.printer", 36),
        ("demo.cards[1].uid", 42),
    ]
    assert caught.value.path == FIXTURES / "broken.toml"
    assert "16 configuration problems" in str(caught.value)
    monday = caught.value.problems[5]
    assert str(monday) == 'broken.toml:14: schedule.staffed.monday: "10-15" is not HH:MM-HH:MM'


def test_every_line_marked_in_the_broken_fixture_is_reported() -> None:
    # Guards the fixture itself: a problem line added to it must also be asserted.
    text = (FIXTURES / "broken.toml").read_text(encoding="utf-8").splitlines()
    marked = {number for number, line in enumerate(text, start=1) if "<- problem" in line}
    reported = {problem.line for problem in check_config(FIXTURES / "broken.toml")}
    assert marked == reported


def test_check_config_is_empty_for_a_valid_file() -> None:
    assert check_config(FIXTURES / "minimal.toml", known_drivers=DRIVERS) == []


def test_syntax_error_becomes_a_problem_with_its_line() -> None:
    problems = check_config(FIXTURES / "syntax_error.toml", known_drivers=DRIVERS)

    assert len(problems) == 1
    assert problems[0].key == ""
    assert problems[0].line == 7
    assert "at line" not in problems[0].message  # the position moved into ``line``
    assert str(problems[0]).startswith("syntax_error.toml:7: TOML syntax error: ")


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / "site.toml"

    problems = check_config(missing, known_drivers=DRIVERS)
    with pytest.raises(ConfigError):
        load_config(missing, known_drivers=DRIVERS)

    assert [(p.key, p.line) for p in problems] == [("", None)]
    assert "cannot read" in problems[0].message


def test_non_utf8_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_bytes(SITE.encode() + b"# \xff\n")

    assert "cannot read" in check_config(path, known_drivers=DRIVERS)[0].message


# -- problem rendering ------------------------------------------------------------------


def test_problem_renders_source_line_key_and_message() -> None:
    assert str(ConfigProblem("site.id", 3, "is required", "site.toml")) == (
        "site.toml:3: site.id: is required"
    )
    assert str(ConfigProblem("site", None, "is required", "site.toml")) == (
        "site.toml: site: is required"
    )
    assert str(ConfigProblem("", 4, "bad", "")) == "line 4: bad"


# -- [site] -------------------------------------------------------------------------------


def test_missing_site_table_is_an_error_without_a_line() -> None:
    assert problems_of("[session]\nwarning_seconds = 30\n") == [("site", None)]


def test_missing_id_and_name_are_reported_at_the_site_header() -> None:
    assert problems_of('# comment\n[site]\ntimezone = "Europe/Oslo"\n') == [
        ("site.id", 2),
        ("site.name", 2),
    ]


def test_empty_name_is_rejected() -> None:
    assert problems_of('[site]\nid = "x"\nname = "  "\n') == [("site.name", 3)]


@pytest.mark.parametrize("site_id", ["heggedal", "asker-heggedal", "torg2"])
def test_slug_ids_are_accepted(site_id: str) -> None:
    config = valid(f'[site]\nid = "{site_id}"\nname = "N"\n')
    assert config.site.id == site_id


@pytest.mark.parametrize("site_id", ["Heggedal", "hegge dal", "-x", "x--y", "æøå", ""])
def test_non_slug_ids_are_rejected(site_id: str) -> None:
    assert problems_of(f'[site]\nid = "{site_id}"\nname = "N"\n') == [("site.id", 2)]


def test_id_of_wrong_type_is_reported_once() -> None:
    config, problems = parse('[site]\nid = 12\nname = "N"\n')
    assert config is None
    assert [(p.key, p.line, p.message) for p in problems] == [
        ("site.id", 2, "must be a string, not an integer")
    ]


def test_timezone_is_validated_with_zoneinfo() -> None:
    assert valid(SITE + 'timezone = "America/New_York"\n').site.timezone == "America/New_York"
    assert problems_of(SITE + 'timezone = "Oslo"\n') == [("site.timezone", 4)]
    assert problems_of(SITE + 'timezone = "../../etc/passwd"\n') == [("site.timezone", 4)]


def test_offers_keep_their_order_and_reject_unknown_and_duplicates() -> None:
    config = valid(SITE + 'offers = ["lockers", "forms"]\n')
    assert config.site.offers == (Offer.LOCKERS, Offer.FORMS)
    assert problems_of(SITE + 'offers = ["forms", "forms", 3]\n') == [
        ("site.offers[1]", 4),
        ("site.offers[2]", 4),
    ]


def test_unknown_key_in_a_section_is_reported() -> None:
    assert problems_of(SITE + 'nmae = "typo"\n') == [("site.nmae", 4)]


def test_section_that_is_not_a_table_is_reported() -> None:
    assert problems_of(SITE.replace("[site]\n", "session = 3\n[site]\n")) == [("session", 1)]


# -- [schedule] ------------------------------------------------------------------------


def test_schedule_periods_are_parsed_and_sorted() -> None:
    config = valid(
        SITE
        + "[schedule.staffed]\n"
        + 'monday = ["12:00-15:00", "09:00-11:30"]\n'
        + 'friday = ["10:00-12:00", "12:00-14:00"]\n'  # touching is not overlapping
        + "[schedule.meraapent]\n"
        + 'sunday = ["06:00-24:00"]\n'
    )
    staffed = config.schedule.staffed
    assert staffed[Weekday.MONDAY] == (
        Period(time(9), time(11, 30)),
        Period(time(12), time(15)),
    )
    assert len(staffed[Weekday.FRIDAY]) == 2
    assert staffed[Weekday.TUESDAY] == ()
    sunday = config.schedule.meraapent[Weekday.SUNDAY][0]
    assert sunday.runs_to_midnight
    assert str(sunday) == "06:00-24:00"


@pytest.mark.parametrize(
    "period",
    ["10-15", "10:00", "10:00 - 15:00x", "1000-1500", "25:00-26:00", "10:60-11:00", "24:00-24:00"],
)
def test_malformed_periods_are_rejected(period: str) -> None:
    config, problems = parse(SITE + f'[schedule.staffed]\nmonday = ["{period}"]\n')
    assert config is None
    assert [(p.key, p.line) for p in problems] == [("schedule.staffed.monday", 5)]
    assert "is not HH:MM-HH:MM" in problems[0].message


@pytest.mark.parametrize("period", ["15:00-10:00", "10:00-10:00"])
def test_periods_must_end_after_they_start(period: str) -> None:
    assert problems_of(SITE + f'[schedule.meraapent]\nmonday = ["{period}"]\n') == [
        ("schedule.meraapent.monday", 5)
    ]


def test_overlapping_periods_of_one_kind_are_rejected() -> None:
    assert problems_of(SITE + '[schedule.staffed]\nmonday = ["10:00-12:00", "08:00-10:30"]\n') == [
        ("schedule.staffed.monday", 5)
    ]


def test_staffed_and_meraapent_may_overlap() -> None:
    config = valid(
        SITE + '[schedule.staffed]\nmonday = ["10:00-15:00"]\n'
        '[schedule.meraapent]\nmonday = ["07:00-22:00"]\n'
    )
    assert config.schedule.meraapent[Weekday.MONDAY] == (Period(time(7), time(22)),)


def test_unknown_weekday_and_unknown_period_kind_are_rejected() -> None:
    assert problems_of(
        SITE + '[schedule.staffed]\nmandag = ["10:00-15:00"]\n'
        '[schedule.selfservice]\nmonday = ["10:00-15:00"]\n'
    ) == [("schedule.staffed.mandag", 5), ("schedule.selfservice", 6)]


def test_weekday_must_be_a_list() -> None:
    assert problems_of(SITE + '[schedule.staffed]\nmonday = "10:00-15:00"\n') == [
        ("schedule.staffed.monday", 5)
    ]


def test_closed_dates_must_be_toml_dates() -> None:
    config = valid(SITE + "[schedule]\nclosed_dates = [2026-12-24, 2026-12-31]\n")
    assert config.schedule.closed_dates == {date(2026, 12, 24), date(2026, 12, 31)}
    assert problems_of(
        SITE
        + "[schedule]\nclosed_dates = [\n"
        + '  "2026-12-24",\n'
        + "  2026-12-31T10:00:00,\n"
        + "  12:00:00,\n"
        + "]\n"
    ) == [
        ("schedule.closed_dates[0]", 6),
        ("schedule.closed_dates[1]", 7),
        ("schedule.closed_dates[2]", 8),
    ]


def test_public_holidays_closed_must_be_a_boolean() -> None:
    assert (
        valid(SITE + "[schedule]\npublic_holidays_closed = false\n").schedule.public_holidays_closed
        is False
    )
    assert problems_of(SITE + '[schedule]\npublic_holidays_closed = "yes"\n') == [
        ("schedule.public_holidays_closed", 5)
    ]


# -- [session] ---------------------------------------------------------------------------


def test_idle_timeouts_fall_back_to_the_default_per_kind() -> None:
    config = valid(
        SITE + "[session]\nidle_timeout_default = 90\n[session.idle_timeout]\nreceipt = 20\n"
    )
    assert config.session.idle_timeout("receipt") == 20
    assert config.session.idle_timeout("task") == 90
    assert config.session.idle_timeout("info") == 90


@pytest.mark.parametrize(("seconds", "ok"), [(19, False), (20, True), (30, True), (20.5, True)])
def test_warning_seconds_meets_wcag_2_2_1(seconds: float, ok: bool) -> None:
    config, problems = parse(SITE + f"[session]\nwarning_seconds = {seconds}\n")
    if ok:
        assert config is not None
        assert config.session.warning_seconds == seconds
    else:
        assert [(p.key, p.line) for p in problems] == [("session.warning_seconds", 5)]
        assert "WCAG 2.2.1" in problems[0].message


@pytest.mark.parametrize("value", ["true", '"120"', "0", "-5", "100000"])
def test_bad_idle_timeouts_are_rejected(value: str) -> None:
    assert problems_of(SITE + f"[session.idle_timeout]\ntask = {value}\n") == [
        ("session.idle_timeout.task", 5)
    ]


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_default_language_accepts_the_three_languages(language: str) -> None:
    config = valid(SITE + f'[session]\ndefault_language = "{language}"\n')
    assert config.session.default_language == language


def test_default_language_rejects_others() -> None:
    assert problems_of(SITE + '[session]\ndefault_language = "no"\n') == [
        ("session.default_language", 5)
    ]


# -- [central] -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://torg.asker.kommune.no",
        "https://torg.example.no:8443/api/",
        "http://127.0.0.1:8765",
        "http://localhost:8765",
        "http://localhost",
    ],
)
def test_accepted_central_urls(url: str) -> None:
    config = valid(SITE + f'[central]\nurl = "{url}"\n')
    assert config.central.url == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://torg.example.no",
        "http://127.0.0.2:8765",
        "http://localhost.example.no",
        "ftp://torg.example.no",
        "https://",
        "torg.example.no",
        "https://torg.example.no:99999",
    ],
)
def test_rejected_central_urls(url: str) -> None:
    assert problems_of(SITE + f'[central]\nurl = "{url}"\n') == [("central.url", 5)]


def test_probe_interval_accepts_numbers_in_range() -> None:
    assert (
        valid(SITE + "[central]\nprobe_interval_seconds = 2.5\n").central.probe_interval_seconds
        == 2.5
    )
    assert problems_of(SITE + "[central]\nprobe_interval_seconds = 0\n") == [
        ("central.probe_interval_seconds", 5)
    ]


# -- [devices] ---------------------------------------------------------------------------


def test_device_options_are_passed_through_to_the_driver() -> None:
    config = valid(SITE + '[devices.audio_out]\ndriver = "aplay"\ndevice = "plughw:1,0"\n')
    assert config.devices.audio_out == DeviceChoice("aplay", {"device": "plughw:1,0"})
    assert config.devices.door == DeviceChoice()


def test_devices_as_inline_tables_report_lines_too() -> None:
    assert problems_of(
        SITE + "[devices]\n"
        'door = { driver = "simulated" }\n'
        'card_reader = { driver = "pcsc", reader = "ACS" }\n'
    ) == [("devices.card_reader.driver", 6)]


def test_driver_is_required_and_must_be_known_for_its_kind() -> None:
    assert problems_of(
        SITE + "[devices.door]\nport = 1\n"
        '[devices.locker_bank]\ndriver = "aplay"\n'
        "[devices.audio_out]\ndriver = 3\n"
    ) == [
        ("devices.door.driver", 4),  # missing: reported at its table header
        ("devices.locker_bank.driver", 7),
        ("devices.audio_out.driver", 9),
    ]


def test_known_drivers_come_from_the_argument() -> None:
    text = SITE + '[devices.door]\ndriver = "serial"\n'
    drivers = {**DRIVERS, "door": frozenset({"simulated", "serial"})}
    config, problems = parse_config(text, "site.toml", known_drivers=drivers)
    assert problems == []
    assert config is not None
    assert config.devices.door.driver == "serial"


# -- [demo] ----------------------------------------------------------------------------


def test_demo_cards_are_validated_each_at_its_line() -> None:
    text = SITE + (
        "[demo]\n"
        "cards = [\n"
        '  { uid = "04a1b2c3", label = "Kari" },\n'
        '  { uid = "04A1B2C3", label = "Kari igjen" },\n'
        '  { uid = "04A1B2C", label = "Odd length" },\n'
        '  { uid = "04D4E5F6" },\n'
        '  { uid = "04D4E5F7", label = "Ola", pin = "1234" },\n'
        '  "04D4E5F8",\n'
        "]\n"
    )
    assert problems_of(text) == [
        ("demo.cards[1].uid", 7),
        ("demo.cards[2].uid", 8),
        ("demo.cards[3].label", 9),
        ("demo.cards[4].pin", 10),
        ("demo.cards[5]", 11),
    ]


def test_demo_card_uids_are_normalised_to_upper_case() -> None:
    config = valid(SITE + '[demo]\ncards = [{uid = "04a1b2c3", label = "Kari"}]\n')
    assert [(card.uid, card.label) for card in config.demo.cards] == [("04A1B2C3", "Kari")]


def test_demo_cards_as_array_of_tables() -> None:
    text = SITE + '[[demo.cards]]\nuid = "04A1B2C3"\nlabel = "A"\n[[demo.cards]]\nuid = "zz"\n'
    assert problems_of(text) == [("demo.cards[1].label", 7), ("demo.cards[1].uid", 8)]


# -- the line locator ---------------------------------------------------------------------


def test_locator_handles_dotted_quoted_keys_and_strings_that_look_like_toml() -> None:
    text = "\n".join(
        [
            "title = 'x'  # [not.a.header]",  # 1
            'notes = """',  # 2
            "[fake.header]",  # 3
            'key = "inside a string"',  # 4
            '"""',  # 5
            "[a . 'b.c']",  # 6
            'd.e = { f = 1, "g h" = [1, {i = 2}] }',  # 7
            "j = [",  # 8
            "  'k',  # comment ]",  # 9
            '  "l\\"]",',  # 10
            "]",  # 11
            "[[m]]",  # 12
            "[[m]]",  # 13
            "n = 1",  # 14
        ]
    )
    locator = LineLocator(text)
    assert locator.line_of(("title",)) == 1
    assert locator.line_of(("notes",)) == 2
    assert locator.line_of(("fake",)) is None
    assert locator.line_of(("key",)) is None
    assert locator.line_of(("a", "b.c")) == 6
    assert locator.line_of(("a", "b.c", "d", "e", "f")) == 7
    assert locator.line_of(("a", "b.c", "d", "e", "g h", 1, "i")) == 7
    assert locator.line_of(("a", "b.c", "j", 1)) == 10
    assert locator.line_of(("a", "b.c", "j", 9)) == 8  # falls back to the key
    assert locator.line_of(("m", 1, "n")) == 14
    assert locator.line_of(("m", 0)) == 12
    assert locator.line_of(("nowhere",)) is None


def test_format_path_quotes_odd_keys() -> None:
    assert format_path(("demo", "cards", 1, "uid")) == "demo.cards[1].uid"
    assert format_path(("a", "b c")) == 'a."b c"'


def test_storage_path_defaults_to_the_state_dir_and_expands_home() -> None:
    minimal = '[site]\nid = "x"\nname = "X"\n'
    config, problems = parse_config(minimal)
    assert problems == []
    assert config is not None
    assert config.storage.path == "/var/lib/torgkiosk/kiosk.sqlite3"
    config, problems = parse_config(minimal + '[storage]\npath = "~/kiosk.sqlite3"\n')
    assert config is not None
    assert not config.storage.path.startswith("~")
    assert config.storage.path.endswith("/kiosk.sqlite3")
    _, problems = parse_config(minimal + '[storage]\npath = ""\nsize = 3\n')
    assert {p.key for p in problems} == {"storage.path", "storage.size"}

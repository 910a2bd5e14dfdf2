"""The shipped translations: complete, finished, placeholder-safe, and compiling.

These tests run Qt's own tools (``pyside6-lupdate``, ``pyside6-lrelease``) from
the venv, so a ``tr()`` string added to ``ui/`` without a translation fails here
and names the string. ``docs/translations.md`` describes the workflow.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from ui.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[3]
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = UI_DIR / "translations"
BIN_DIR = Path(sys.executable).parent
TOOL_TIMEOUT_S = 60

LOCALES = {language.code: language.locale for language in LANGUAGES}
# Norwegian (both written forms) and English each have two plural forms.
NUMERUS_FORMS = {"nb": 2, "nn": 2, "en": 2}

# Qt's %1..%9 (also %L1) and %n (also %Ln), and str.format()'s {name}.
QT_PLACEHOLDER = re.compile(r"%L?([1-9n])")
FORMAT_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


@dataclass(frozen=True)
class Entry:
    """One ``<message>`` of a ``.ts`` file."""

    context: str
    source: str
    comment: str
    numerus: bool
    state: str  # "" when finished, else "unfinished", "vanished" or "obsolete"
    forms: tuple[str, ...]  # the translation, or each numerus form

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies a message to Qt: context, source and disambiguation."""
        return (self.context, self.source, self.comment)

    def __str__(self) -> str:
        comment = f" [{self.comment}]" if self.comment else ""
        return f"{self.context}: {self.source!r}{comment}"


@dataclass(frozen=True)
class TsFile:
    """A parsed ``.ts`` file."""

    language: str
    source_language: str
    entries: tuple[Entry, ...]

    def by_key(self) -> dict[tuple[str, str, str], Entry]:
        return {entry.key: entry for entry in self.entries}


def parse_ts(path: Path) -> TsFile:
    """Read a Qt Linguist ``.ts`` file."""
    root = ET.parse(path).getroot()
    assert root.tag == "TS", f"{path.name}: not a Qt .ts file"
    entries: list[Entry] = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name} message without <translation>"
            numerus = message.get("numerus") == "yes"
            if numerus:
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source", ""),
                    comment=message.findtext("comment", ""),
                    numerus=numerus,
                    state=translation.get("type", ""),
                    forms=forms,
                )
            )
    return TsFile(root.get("language", ""), root.get("sourcelanguage", ""), tuple(entries))


def tool(name: str) -> Path:
    """A Qt tool shipped in the PySide6 wheel, next to this interpreter."""
    path = BIN_DIR / name
    assert path.exists(), f"{name} not found in {BIN_DIR}: is the venv installed (make setup)?"
    return path


def run_tool(name: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(tool(name)), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT_S,
        check=False,
    )


def ui_sources() -> list[Path]:
    """Every Python file under ui/, tracked by git or not."""
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def extract(sources: list[Path], out: Path) -> TsFile:
    """What ``make update-translations`` would find in ``sources``."""
    result = run_tool("pyside6-lupdate", "-no-obsolete", "-locations", "none", *sources, "-ts", out)
    assert result.returncode == 0, f"lupdate failed:\n{result.stdout}{result.stderr}"
    return parse_ts(out)


def missing_from(shipped: TsFile, extracted: TsFile) -> list[Entry]:
    """Extracted messages that ``shipped`` lacks or has not finished."""
    have = shipped.by_key()
    return [
        entry
        for entry in extracted.entries
        if entry.key not in have or have[entry.key].state or not all(have[entry.key].forms)
    ]


def placeholders(text: str) -> set[str]:
    qt = {f"%{match}" for match in QT_PLACEHOLDER.findall(text)}
    return qt | set(FORMAT_PLACEHOLDER.findall(text))


def ts_path(code: str) -> Path:
    return TRANSLATIONS_DIR / f"torgkiosk_{code}.ts"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> TsFile:
    return extract(ui_sources(), tmp_path_factory.mktemp("lupdate") / "extracted.ts")


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each shipped language compiled to ``.qm``, with lrelease's output."""
    out_dir = tmp_path_factory.mktemp("lrelease")
    results: dict[str, tuple[Path, str]] = {}
    for code in LOCALES:
        qm = out_dir / f"torgkiosk_{code}.qm"
        result = run_tool("pyside6-lrelease", ts_path(code), "-qm", qm)
        assert result.returncode == 0, f"lrelease {code} failed:\n{result.stdout}{result.stderr}"
        results[code] = (qm, result.stdout + result.stderr)
    return results


languages = pytest.mark.parametrize("code", list(LOCALES))


def test_exactly_the_shipped_languages_have_ts_files() -> None:
    on_disk = {path.name for path in TRANSLATIONS_DIR.glob("*.ts")}
    assert on_disk == {ts_path(code).name for code in LOCALES}


@languages
def test_ts_header_names_the_language(code: str) -> None:
    ts = parse_ts(ts_path(code))
    assert ts.language == LOCALES[code]
    assert ts.source_language == "en"


@languages
def test_every_entry_is_finished_and_filled(code: str) -> None:
    ts = parse_ts(ts_path(code))
    assert ts.entries, f"{ts_path(code).name} has no messages"
    not_finished = [f"{entry} ({entry.state})" for entry in ts.entries if entry.state]
    assert not not_finished, "unfinished, vanished or obsolete:\n" + "\n".join(not_finished)
    empty = [str(entry) for entry in ts.entries if not all(form.strip() for form in entry.forms)]
    assert not empty, "empty translations:\n" + "\n".join(empty)


@languages
def test_plural_entries_have_every_numerus_form(code: str) -> None:
    ts = parse_ts(ts_path(code))
    wrong = [
        f"{entry}: {len(entry.forms)} forms"
        for entry in ts.entries
        if entry.numerus and len(entry.forms) != NUMERUS_FORMS[code]
    ]
    assert not wrong, f"need {NUMERUS_FORMS[code]} numerus forms:\n" + "\n".join(wrong)


@languages
def test_every_source_string_is_translated(code: str, extracted: TsFile) -> None:
    assert extracted.entries, "lupdate found no strings in ui/: is the extraction broken?"
    missing = missing_from(parse_ts(ts_path(code)), extracted)
    assert not missing, (
        f"{len(missing)} UI string(s) without a finished translation in {ts_path(code).name} "
        "(run `make update-translations`, then translate; see docs/translations.md):\n"
        + "\n".join(f"  {entry}" for entry in missing)
    )


@languages
def test_no_stale_entries(code: str, extracted: TsFile) -> None:
    in_code = extracted.by_key()
    stale = [str(entry) for entry in parse_ts(ts_path(code)).entries if entry.key not in in_code]
    assert not stale, "strings no longer in ui/ (run `make update-translations`):\n" + "\n".join(
        stale
    )


@languages
def test_placeholders_match_the_source(code: str) -> None:
    wrong = []
    for entry in parse_ts(ts_path(code)).entries:
        expected = placeholders(entry.source)
        for form in entry.forms:
            if placeholders(form) != expected:
                wrong.append(f"{entry} -> {form!r}: has {sorted(placeholders(form))}")
    assert not wrong, "placeholders differ from the source:\n" + "\n".join(wrong)


@languages
def test_lrelease_compiles_without_warnings(
    code: str, compiled: dict[str, tuple[Path, str]]
) -> None:
    qm, output = compiled[code]
    count = len(parse_ts(ts_path(code)).entries)
    assert qm.stat().st_size > 0
    assert f"Generated {count} translation(s) ({count} finished and 0 unfinished)" in output, output
    report = "\n".join(line for line in output.splitlines() if not line.startswith("Updating"))
    for word in ("untranslated", "warning", "error", "ignored"):
        assert word not in report.lower(), output


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nb", "Trenger du hjelp?"), ("nn", "Treng du hjelp?"), ("en", "Need help?")],
)
def test_compiled_file_translates(
    code: str, expected: str, compiled: dict[str, tuple[Path, str]]
) -> None:
    translator = QTranslator()
    assert translator.load(str(compiled[code][0]))
    assert translator.language() == LOCALES[code]
    assert translator.translate("Footer", "Need help?") == expected


@pytest.mark.parametrize(
    ("code", "one", "many"),
    [("nb", "om 1 sekund,", "om 5 sekunder,"), ("en", "in 1 second,", "in 5 seconds,")],
)
def test_compiled_plurals_follow_the_number(
    code: str, one: str, many: str, compiled: dict[str, tuple[Path, str]]
) -> None:
    source = "The screen will start over in %n second(s), and what you entered will be deleted."
    translator = QTranslator()
    assert translator.load(str(compiled[code][0]))
    singular = translator.translate("IdleWarning", source, None, 1)
    plural = translator.translate("IdleWarning", source, None, 5)
    assert singular is not None
    assert plural is not None
    # QTranslator picks the form; the caller (QObject.tr) substitutes %n.
    assert one in singular.replace("%n", "1")
    assert many in plural.replace("%n", "5")


def test_a_new_string_without_translation_is_reported(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from PySide6.QtCore import QObject\n\n\n"
        "class Probe(QObject):\n"
        "    def text(self) -> str:\n"
        '        return self.tr("A string nobody has translated yet")\n',
        encoding="utf-8",
    )
    extracted = extract([*ui_sources(), probe], tmp_path / "extracted.ts")
    missing = missing_from(parse_ts(ts_path("nb")), extracted)
    assert "Probe: 'A string nobody has translated yet'" in [str(entry) for entry in missing]

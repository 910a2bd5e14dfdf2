# Torgkiosk: `make run` starts the demo, `make test` runs every check.
# Both set themselves up from a fresh clone: apt packages (when run as root),
# a venv in .venv with the locked Python dependencies, and the translations.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.8

# Run-time libraries the PySide6 wheels load on Debian 12 (xcb and offscreen
# platforms, Qt Virtual Keyboard, Qt Multimedia), plus Xvfb for the benchmark.
APT_PACKAGES := python3-venv libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libpulse0 libwayland-cursor0 \
	libwayland-client0 libwayland-egl1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
	libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libx11-xcb1 fonts-dejavu-core xvfb xauth alsa-utils postgresql

TS_FILES := $(wildcard ui/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: run test lint bench soak translations update-translations lock setup apt clean

# The demo: a local central with demo data, the sync service and the kiosk, all on
# loopback; state in ~/.local/state/torgkiosk as kiosk/demo/site.toml says.
# Ctrl-C or closing the window stops all three.
DEMO_STATE ?= $$HOME/.local/state/torgkiosk
DEMO_CENTRAL_DB = sqlite:///$(DEMO_STATE)/demo-central.sqlite3

run: setup
	@state="$(DEMO_STATE)"; mkdir -p "$$state"; chmod 700 "$$state"; \
	$(BIN)/torgkiosk-central demo-data --db "$(DEMO_CENTRAL_DB)" --token-file "$$state/demo-terminal.token" >/dev/null; \
	$(BIN)/torgkiosk-central serve --db "$(DEMO_CENTRAL_DB)" --port 8765 --quiet & central=$$!; \
	$(BIN)/torgkiosk-sync --demo --token-file "$$state/demo-terminal.token" & sync=$$!; \
	trap 'kill $$central $$sync 2>/dev/null; wait' EXIT INT TERM; \
	$(BIN)/torgkiosk run --demo --windowed

test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py
	$(BIN)/python bench/sync_drain.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/ui_loop_lag.py

# 1 000 kill -9 cycles of the sync process per backend (SQLite, PostgreSQL): nothing lost or
# doubled on central, integrity_check ok on the terminal. ~3 minutes per backend.
soak: setup
	TORGKIOSK_SYNC_KILL_CYCLES=1000 QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -o faulthandler_timeout=0 \
		tests/offline_cache/test_sync_end_to_end.py -k kill_9

setup: .stamp-venv translations

apt:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing apt packages:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "Missing apt packages (run 'make' as root, or: sudo apt-get install $$missing)"; \
	fi

# uv installs from a hash-locked file in seconds; see docs/operations.md.
.stamp-venv: requirements/lock.txt pyproject.toml | apt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(UV) || $(BIN)/pip install -q "uv==$(UV_VERSION)"
	$(UV) pip sync -q --python $(BIN)/python requirements/lock.txt
	$(UV) pip install -q --python $(BIN)/python --no-deps -C editable_mode=compat -e .
	@touch $@

translations: .stamp-venv $(QM_FILES)

ui/translations/%.qm: ui/translations/%.ts .stamp-venv
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts sources from the code (developers, after changing UI text).
update-translations: .stamp-venv
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(git ls-files 'ui/*.py') -ts $(TS_FILES)

# Re-resolve the locked dependencies after editing pyproject.toml.
lock: .stamp-venv
	$(UV) pip compile -q pyproject.toml --extra dev --extra central --generate-hashes --python-version 3.11 -o requirements/lock.txt
	$(UV) pip compile -q pyproject.toml --generate-hashes --python-version 3.11 -o requirements/runtime.txt

clean:
	rm -rf $(VENV) .stamp-* ui/translations/*.qm artifacts

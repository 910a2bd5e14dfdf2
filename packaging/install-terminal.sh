#!/usr/bin/env bash
# Install (or update) Torgkiosk on a Debian 12 terminal, from a checkout of the repository.
#
#   sudo packaging/install-terminal.sh --config /path/to/site.toml
#   sudo packaging/install-terminal.sh                 # update; keeps /etc/torgkiosk/site.toml
#   packaging/install-terminal.sh --dry-run --config x # print the steps, change nothing
#
# Idempotent: every step checks before it changes anything, so running it again updates
# the app and leaves a correct installation as it is. Until the .deb exists
# (packaging/README.md), this script is the installation procedure.
#
# Steps: apt packages -> torgkiosk system user -> venv in /opt/venvs/torgkiosk from the
# hash-locked requirements/runtime.txt (uv) -> the app itself -> config check and copy to
# /etc/torgkiosk/site.toml (0640 root:torgkiosk) -> state dir (tmpfiles.d) -> fontconfig
# cache -> systemd unit (enabled; started on the next boot, restarted now if running).

set -euo pipefail

readonly APP=torgkiosk
readonly VENV=/opt/venvs/$APP
readonly ETC_DIR=/etc/$APP
readonly SITE_CONFIG=$ETC_DIR/site.toml
readonly STATE_DIR=/var/lib/$APP
readonly UNIT=$APP.service
readonly SYNC_UNIT=$APP-sync.service
# Keep in step with UV_VERSION in the Makefile.
readonly UV_VERSION=0.13.8
readonly PYTHON=/usr/bin/python3

# Run-time packages. Qt's wayland platform plugin and its libraries, the compositor,
# fonts (Arabic and Ethiopic scripts are in fonts-noto-core) and speech (Qt TextToSpeech's
# speechd plugin needs libspeechd2 and a running speech-dispatcher with espeak-ng).
readonly APT_PACKAGES=(
    python3 python3-venv
    cage
    libgl1 libegl1 libopengl0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
    libglib2.0-0 libpulse0 libwayland-client0 libwayland-cursor0 libwayland-egl1
    fontconfig fonts-noto-core fonts-dejavu-core
    speech-dispatcher speech-dispatcher-espeak-ng libspeechd2 espeak-ng
)

SOURCE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CONFIG=""
DRY_RUN=0
WITH_APT=1
ENABLE=1

usage() {
    cat <<USAGE
Usage: $0 [--config FILE] [--source DIR] [--no-apt] [--no-enable] [--dry-run]

  --config FILE  site configuration to install as $SITE_CONFIG (checked first).
                 Required on the first install; without it an existing file is kept.
  --source DIR   repository checkout to install from (default: $SOURCE)
  --no-apt       do not install Debian packages (they must already be present)
  --no-enable    install the unit but do not enable it or make graphical.target default
  --dry-run      print what would be done; change nothing (no root needed)
USAGE
}

log() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Every command that changes the system goes through run, so --dry-run is honest.
run() {
    if ((DRY_RUN)); then
        printf '    +'; printf ' %q' "$@"; printf '\n'
    else
        "$@"
    fi
}

while (($#)); do
    case $1 in
        --config) CONFIG=${2:?--config needs a file}; shift 2 ;;
        --source) SOURCE=${2:?--source needs a directory}; shift 2 ;;
        --no-apt) WITH_APT=0; shift ;;
        --no-enable) ENABLE=0; shift ;;
        --dry-run) DRY_RUN=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

# --- preflight: fail before touching anything -------------------------------------------

((DRY_RUN)) || [[ $(id -u) == 0 ]] || die "run as root (or try --dry-run)"
[[ -f $SOURCE/pyproject.toml && -f $SOURCE/requirements/runtime.txt ]] \
    || die "$SOURCE is not a Torgkiosk checkout (no pyproject.toml / requirements/runtime.txt)"
if [[ -n $CONFIG ]]; then
    [[ -f $CONFIG ]] || die "config file not found: $CONFIG"
    CONFIG=$(realpath -- "$CONFIG")
elif [[ ! -f $SITE_CONFIG ]]; then
    ((DRY_RUN)) || die "no $SITE_CONFIG yet: pass --config FILE on the first install"
fi
if ((!DRY_RUN)); then
    [[ -x $PYTHON ]] || ((WITH_APT)) || die "$PYTHON missing"
fi

# --- 1. Debian packages ------------------------------------------------------------------

if ((WITH_APT)); then
    missing=()
    for package in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' \
            || missing+=("$package")
    done
    if ((${#missing[@]})); then
        log "installing Debian packages: ${missing[*]}"
        run apt-get update -qq
        run env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
        log "Debian packages present"
    fi
fi

if ((!DRY_RUN)); then
    # PySide6 6.12 wheels and requirements/runtime.txt are for CPython 3.11 (Debian 12).
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
        || die "$PYTHON is not Python 3.11 (Debian 12 is required)"
fi

# --- 2. system user ------------------------------------------------------------------------

if id -u "$APP" >/dev/null 2>&1; then
    log "user $APP exists"
else
    log "creating system user $APP"
    # Home = state dir; no password, no shell. The unit's PAM session gives it the seat.
    run adduser --system --group --home "$STATE_DIR" --no-create-home \
        --shell /usr/sbin/nologin --gecos "Torgkiosk terminal" "$APP"
fi

# --- 3. venv from the hash-locked requirements ---------------------------------------------

UV=${UV:-$(command -v uv || true)}
if [[ -z $UV ]]; then
    # Bootstrap a pinned uv into a tools venv; it is one static binary from PyPI.
    UV=$VENV-tools/bin/uv
    if [[ ! -x $UV ]]; then
        log "bootstrapping uv $UV_VERSION into $VENV-tools"
        run "$PYTHON" -m venv "$VENV-tools"
        run "$VENV-tools/bin/pip" install -q "uv==$UV_VERSION"
    fi
fi

if [[ ! -x $VENV/bin/python ]]; then
    log "creating venv $VENV"
    run mkdir -p "$(dirname "$VENV")"
    run "$UV" venv -q --python "$PYTHON" "$VENV"
fi
log "syncing $VENV with requirements/runtime.txt (hash-checked)"
# sync, not install: the venv ends up with exactly the locked set, nothing left over.
run "$UV" pip sync -q --python "$VENV/bin/python" --require-hashes \
    "$SOURCE/requirements/runtime.txt"
log "installing the app from $SOURCE"
# --no-deps: every dependency came from the lock above, with hashes.
run "$UV" pip install -q --python "$VENV/bin/python" --no-deps --reinstall-package "$APP" \
    "$SOURCE"

# --- 4. configuration ------------------------------------------------------------------------

run install -d -m 0750 -o root -g "$APP" "$ETC_DIR"
if [[ -n $CONFIG ]]; then
    log "checking $CONFIG"
    # Never install a config the app would refuse: check-config prints each problem
    # with its key and line, and exits non-zero.
    run "$VENV/bin/$APP" check-config "$CONFIG"
    if [[ -f $SITE_CONFIG ]] && cmp -s -- "$CONFIG" "$SITE_CONFIG"; then
        log "$SITE_CONFIG unchanged"
    else
        if [[ -f $SITE_CONFIG ]]; then
            backup=$SITE_CONFIG.$(date -u +%Y%m%dT%H%M%SZ).bak
            log "keeping the previous config as $backup"
            run cp -p -- "$SITE_CONFIG" "$backup"
        fi
        log "installing $SITE_CONFIG"
        run install -m 0640 -o root -g "$APP" -- "$CONFIG" "$SITE_CONFIG"
    fi
else
    log "keeping $SITE_CONFIG; checking it"
    run "$VENV/bin/$APP" check-config "$SITE_CONFIG"
    # Re-assert ownership and mode in case someone edited it by hand.
    run chown root:"$APP" "$SITE_CONFIG"
    run chmod 0640 "$SITE_CONFIG"
fi

# --- 5. state directory ------------------------------------------------------------------------

log "state directory $STATE_DIR (0700 $APP)"
run install -m 0644 -- "$SOURCE/packaging/tmpfiles.d/$APP.conf" "/etc/tmpfiles.d/$APP.conf"
run systemd-tmpfiles --create "/etc/tmpfiles.d/$APP.conf"

# --- 6. fontconfig cache -----------------------------------------------------------------------

# A cold fontconfig cache costs ~180 ms on every start until something builds it.
log "building the fontconfig cache"
run fc-cache -f

# --- 7. systemd unit -----------------------------------------------------------------------------

log "installing $UNIT"
run install -m 0644 -- "$SOURCE/packaging/systemd/$UNIT" "/etc/systemd/system/$UNIT"
run install -m 0644 -- "$SOURCE/packaging/systemd/$SYNC_UNIT" "/etc/systemd/system/$SYNC_UNIT"
run systemctl daemon-reload
if ((ENABLE)); then
    run systemctl enable "$UNIT" "$SYNC_UNIT"
    # The unit is WantedBy=graphical.target; a server install boots multi-user.
    if [[ $(systemctl get-default 2>/dev/null || true) != graphical.target ]]; then
        log "making graphical.target the default boot target"
        run systemctl set-default graphical.target
    fi
fi
# Restart only if it is running now (an update); a first install starts on the next boot.
run systemctl try-restart "$UNIT" "$SYNC_UNIT"

log "done. Logs: journalctl -u $APP -o cat | jq"

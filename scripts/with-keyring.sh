#!/usr/bin/env bash
# Runs a command in a private D-Bus session with an unlocked gnome-keyring, in a throw-away HOME,
# so tests exercise the real OS keychain through keytar without touching the user's own.
set -euo pipefail
# macOS and Windows have their keychain in every session; so does a Linux run already inside one.
if [ -n "${GUICHET_IN_KEYRING:-}" ] || [ "$(uname -s)" != Linux ]; then exec "$@"; fi
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "The tests need gnome-keyring and dbus: run 'sudo bash scripts/install-system-deps.sh' once." >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
# dev:web keeps its keyring (and so the demo data key) across runs in GUICHET_KEYRING_HOME.
home="${GUICHET_KEYRING_HOME:-$tmp/home}"
mkdir -p "$home"
# npm keeps its cache and config under HOME: keep using the real ones.
export npm_config_cache="${npm_config_cache:-$(npm config get cache)}"
[ -f "$HOME/.npmrc" ] && export NPM_CONFIG_USERCONFIG="${NPM_CONFIG_USERCONFIG:-$HOME/.npmrc}"
export HOME="$(cd "$home" && pwd)" XDG_RUNTIME_DIR="$tmp/run" GUICHET_IN_KEYRING=1
status=0
# shellcheck disable=SC2016
dbus-run-session -- bash -c 'echo -n guichet-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' _ "$@" \
  2> >(grep -v 'Failed to set fd limit' >&2) || status=$?
exit "$status"

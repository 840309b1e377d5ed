#!/usr/bin/env bash
# Runs a command in its own D-Bus session whose gnome-keyring holds one entry (GUICHET_SEED_ACCOUNT =
# GUICHET_SEED_VALUE, service fr.guichet.desk) in its login collection, then locked, as on a desk
# whose session was opened without the keychain's password: reads find nothing, writes are refused.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run"
# shellcheck disable=SC2016
dbus-run-session -- bash -c '
  echo -n locked-desk | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  node -e "require(\"keytar\").setPassword(\"fr.guichet.desk\", process.env.GUICHET_SEED_ACCOUNT, process.env.GUICHET_SEED_VALUE)"
  dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
  exec "$@"' _ "$@" 2> >(grep -v -e "Failed to set fd limit" -e "dbus-daemon" -e "gcr-prompter" -e "cannot open display" -e "^$" >&2)

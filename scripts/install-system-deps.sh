#!/usr/bin/env bash
# Debian packages the build and the tests need: libsecret headers for keytar, a keyring and D-Bus
# to run it against, Chromium for the e2e tests, xvfb for Electron tests where Electron exists,
# nsis (makensis) to compile the installer's /PROVISION include in the packaging tests, and the OCR-B
# font the passport MRZ tests draw their scans with; python3-dbus unlocks a test keyring locked
# mid-session (test/core/secrets/unlock-keyring.py), which no command-line tool does without a prompt;
# OpenJPEG's encoder (opj_compress) makes the JPEG 2000 scanner PDFs of the tests.
set -euo pipefail
need=(libsecret-1-dev gnome-keyring dbus dbus-x11 python3-dbus chromium fonts-dejavu-core nsis fonts-ocr-b libopenjp2-tools)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

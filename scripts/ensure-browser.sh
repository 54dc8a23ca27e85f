#!/usr/bin/env bash
# Makes sure headless Chromium and its driver are there for the browser tests, installing
# Debian's packages when this machine allows it; otherwise says how to get them.
set -euo pipefail

have_browser() {
  command -v chromedriver >/dev/null 2>&1 &&
    { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
      command -v google-chrome >/dev/null 2>&1; }
}

if have_browser || [ "${SKIP_E2E:-}" = "1" ]; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    SUDO="unavailable"
  fi
  if [ "$SUDO" != "unavailable" ]; then
    echo "Installing Chromium and ChromeDriver for the browser tests (apt-get)..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
    have_browser && exit 0
  fi
fi

cat >&2 <<'MSG'
The browser tests need Chromium (or Chrome) and a matching chromedriver on PATH, and this
script could not install them. On Debian/Ubuntu: sudo apt-get install chromium chromium-driver
On macOS: brew install --cask chromium chromedriver
To run every other test without a browser: SKIP_E2E=1 make test
MSG
exit 1

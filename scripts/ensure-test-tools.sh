#!/usr/bin/env bash
# Makes sure the tools the tests drive are there: headless Chromium and its driver (required for the
# browser tests) and redis-server (for the Celery deployment test, skipped without it). Installs
# Debian's packages when this machine allows it; otherwise says how to get them.
set -euo pipefail

have_browser() {
  command -v chromedriver >/dev/null 2>&1 &&
    { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
      command -v google-chrome >/dev/null 2>&1; }
}
have_redis() { command -v redis-server >/dev/null 2>&1; }

if [ "${SKIP_E2E:-}" = "1" ] || { have_browser && have_redis; }; then
  exit 0
fi

packages=()
have_browser || packages+=(chromium chromium-driver)
have_redis || packages+=(redis-server)

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    SUDO="unavailable"
  fi
  if [ "$SUDO" != "unavailable" ]; then
    echo "Installing ${packages[*]} for the browser tests (apt-get)..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
fi

if ! have_redis; then
  echo "redis-server is not installed: the Celery deployment test will be skipped." >&2
  echo "On Debian/Ubuntu: sudo apt-get install redis-server; on macOS: brew install redis" >&2
fi

if ! have_browser; then
  cat >&2 <<'MSG'
The browser tests need Chromium (or Chrome) and a matching chromedriver on PATH, and this
script could not install them. On Debian/Ubuntu: sudo apt-get install chromium chromium-driver
On macOS: brew install --cask chromium chromedriver
To run every other test without a browser: SKIP_E2E=1 make test
MSG
  exit 1
fi

#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, then runs them
# and closes with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi

dotnet tool restore >/dev/null

# The newsletter tests talk to a real SMTP server (tests/smtp), a small Node program.
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js (with npm) is required for the test SMTP server." >&2
  exit 1
fi
if [ ! -d tests/smtp/node_modules/smtp-server ]; then
  npm ci --prefix tests/smtp --no-audit --no-fund >/dev/null
fi

# The browser tests drive Debian's Chromium through Playwright (never a browser of Playwright's own)
# and inject axe-core from npm into the pages they check.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then as_root="sudo"; fi
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium >/dev/null
fi
# The tests of several portal instances start a Redis of their own (Debian's redis-server) on a free
# loopback port and stop it when done; the package's own service is never used.
if [ ! -x /usr/bin/redis-server ]; then
  echo "Installing Debian's redis-server for the multi-instance tests..."
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then as_root="sudo"; fi
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq redis-server >/dev/null
  # Where an init system started the packaged service on installation, stop it again.
  $as_root service redis-server stop >/dev/null 2>&1 || true
fi
if [ ! -f tests/NewsPortal.BrowserTests/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm (Node.js) is required to install axe-core for the browser tests." >&2
    exit 1
  fi
  (cd tests/NewsPortal.BrowserTests && npm ci --no-audit --no-fund --loglevel=error)
fi

# The integration suite runs a second time against PostgreSQL 15 (Debian's package): the tests start
# a throwaway cluster of their own on a loopback port and remove it when they end.
if [ ! -x /usr/lib/postgresql/15/bin/pg_ctl ]; then
  echo "Installing Debian's postgresql-15 for the PostgreSQL configuration of the tests..."
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then as_root="sudo"; fi
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq postgresql-15 >/dev/null
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test NewsPortal.sln --nologo -v quiet 2>&1 | tee "$log" || status=$?
echo "The integration tests again, on PostgreSQL:"
NEWSPORTAL_TEST_DATABASE=Postgres dotnet test tests/NewsPortal.Tests --no-build --nologo -v quiet 2>&1 | tee -a "$log" || status=$?

# Each test assembly (and the second, PostgreSQL run) prints "Passed!  - Failed: F, Passed: P, ..." (or "Failed! ..."); add them up.
passed=$(grep -Eo 'Passed: +[0-9]+,' "$log" | awk '{ n += $2 } END { print n + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+,' "$log" | awk '{ n += $2 } END { print n + 0 }')
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

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

# Debian packages the tests use, installed together (one apt-get update) when any is missing:
# - chromium: the browser tests drive Debian's Chromium through Playwright, never a browser of
#   Playwright's own;
# - redis-server: the tests of several portal instances start a Redis of their own on a free
#   loopback port and stop it when done; the package's own service is never used;
# - postgresql-15: the integration suite runs a second time against PostgreSQL; the tests start a
#   throwaway cluster of their own on a loopback port and remove it when they end.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || missing+=(postgresql-15)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the tests..."
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then as_root="sudo"; fi
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  # Where an init system started a service just installed, stop it again.
  case " ${missing[*]} " in *" redis-server "*) $as_root service redis-server stop >/dev/null 2>&1 || true ;; esac
  case " ${missing[*]} " in *" postgresql-15 "*) $as_root service postgresql stop >/dev/null 2>&1 || true ;; esac
fi
# The browser tests inject axe-core from npm into the pages they check.
if [ ! -f tests/NewsPortal.BrowserTests/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm (Node.js) is required to install axe-core for the browser tests." >&2
    exit 1
  fi
  (cd tests/NewsPortal.BrowserTests && npm ci --no-audit --no-fund --loglevel=error)
fi

# Quiet, but a failing test prints its message and stack trace.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test NewsPortal.sln --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?
echo "The integration tests again, on PostgreSQL:"
NEWSPORTAL_TEST_DATABASE=Postgres dotnet test tests/NewsPortal.Tests --no-build --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee -a "$log" || status=$?

# Each test assembly (and the second, PostgreSQL run) prints "Passed!  - Failed: F, Passed: P, ..." (or "Failed! ..."); add them up.
passed=$(grep -Eo 'Passed: +[0-9]+,' "$log" | awk '{ n += $2 } END { print n + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+,' "$log" | awk '{ n += $2 } END { print n + 0 }')
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

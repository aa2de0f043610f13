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

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test NewsPortal.sln --nologo -v quiet 2>&1 | tee "$log" || status=$?

# Each test assembly prints "Passed!  - Failed: F, Passed: P, ..." (or "Failed! ..."); add them up.
passed=$(grep -Eo 'Passed: +[0-9]+,' "$log" | awk '{ n += $2 } END { print n + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+,' "$log" | awk '{ n += $2 } END { print n + 0 }')
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

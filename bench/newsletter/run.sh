#!/usr/bin/env bash
# Sends one newsletter issue to N confirmed subscribers (10,000 by default) through a local SMTP
# server and reports messages per second, total time and the portal's peak memory.
#
#   bench/newsletter/run.sh [SUBSCRIBERS] [CONNECTIONS] [BATCH]
#
# Needs the .NET 10 SDK, node and sqlite3. Runs the Release build of the portal in a temporary
# folder; the SMTP server (tests/smtp/server.js) only counts what it receives.
# BENCH_PUBLISH_ARGS adds arguments to the publish (for example -p:PublishReadyToRun=true -r linux-x64).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
subscribers="${1:-10000}"
connections="${2:-4}"
batch="${3:-200}"

work="$(mktemp -d /tmp/newsportal-bench-XXXXXX)"
smtp_pid="" portal_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -d tests/smtp/node_modules/smtp-server ] || npm ci --prefix tests/smtp --no-audit --no-fund >/dev/null
echo "publishing the portal (Release)..."
dotnet publish src/NewsPortal.Web -c Release -o "$work/app" --nologo -v quiet ${BENCH_PUBLISH_ARGS:-} >/dev/null

node tests/smtp/server.js --port 0 --dir "$work/smtp" --discard >"$work/smtp.out" 2>&1 &
smtp_pid=$!
until grep -q "^listening " "$work/smtp.out" 2>/dev/null; do
  kill -0 "$smtp_pid" || { cat "$work/smtp.out"; exit 1; }
  sleep 0.1
done
smtp_port="$(sed -n 's/^listening //p' "$work/smtp.out")"

db="$work/portal.db"
# The garbage collector's setting from the Dockerfile, so the portal runs as it is deployed.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:0" \
  ConnectionStrings__NewsPortal="Data Source=$db" Demo__Seed=true Site__BaseUrl="https://news.example" \
  Smtp__Host=127.0.0.1 Smtp__Port="$smtp_port" Smtp__Security=None \
  Newsletter__Connections="$connections" Newsletter__BatchSize="$batch" Newsletter__PollSeconds=1 \
  Logging__LogLevel__Default=Warning
(cd "$work" && exec dotnet app/NewsPortal.Web.dll >"$work/portal.out" 2>&1) &
portal_pid=$!
# The portal has migrated and seeded once the issues table answers.
until sqlite3 "$db" "SELECT count(*) FROM Articles" 2>/dev/null | grep -qv '^0$'; do
  kill -0 "$portal_pid" || { cat "$work/portal.out"; exit 1; }
  sleep 0.2
done

sqlite3 "$db" <<SQL
.timeout 5000
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $subscribers)
INSERT INTO Subscribers (Email, Status, UnsubscribeToken, RequestedAt, SourcePage, WordingVersion, ConfirmedAt, ConfirmationSentAt)
SELECT 'reader-' || i || '@example.com', 1, lower(hex(randomblob(32))), '2026-01-01 00:00:00', '/', 'bench', '2026-01-01 00:00:00', '2026-01-01 00:00:00' FROM n;
SQL

# CPU seconds (user + system) a process has spent so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"

# Schedules one issue for now, waits until it is finished and reports it. The first issue is sent
# by a freshly started process (its code is still being compiled as it runs); the second by the
# same, now warm, process: that is what a portal that has been up for a while does.
send_issue() {
  local label="$1" portal0 smtp0
  portal0="$(cpu_ticks "$portal_pid")" smtp0="$(cpu_ticks "$smtp_pid")"
  sqlite3 "$db" <<SQL
.timeout 5000
INSERT INTO NewsletterIssues (Subject, Intro, Selection, ArticleIds, Status, CreatedAt, UpdatedAt, ScheduledAt, Recipients)
SELECT 'نشرة القياس', 'عدد لقياس سرعة الإرسال.', 0, json_group_array(Id), 1,
       strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), 0
FROM (SELECT Id FROM Articles ORDER BY PublishedAt DESC LIMIT 8);
SQL
  echo "== $label: sending to $subscribers subscribers over $connections connection(s), batches of $batch..."
  until [ "$(sqlite3 "$db" ".timeout 5000" "SELECT Status FROM NewsletterIssues ORDER BY Id DESC LIMIT 1" | tail -1)" = "3" ]; do
    kill -0 "$portal_pid" || { cat "$work/portal.out"; exit 1; }
    sleep 0.2
  done
  sqlite3 "$db" <<SQL
.timeout 5000
SELECT 'sent:           ' || (SELECT count(*) FROM Deliveries WHERE IssueId = i.Id AND Status = 2) || ' of ' || Recipients
  || char(10) || 'failed:         ' || (SELECT count(*) FROM Deliveries WHERE IssueId = i.Id AND Status = 3)
  || char(10) || 'total time:     ' || printf('%.2f s', (julianday(FinishedAt) - julianday(StartedAt)) * 86400)
  || char(10) || 'messages per s: ' || printf('%.0f', Recipients / ((julianday(FinishedAt) - julianday(StartedAt)) * 86400))
FROM NewsletterIssues i ORDER BY Id DESC LIMIT 1;
SQL
  # CPU spent by each side during this issue, to see which one limits the rate.
  awk -v a="$portal0" -v b="$(cpu_ticks "$portal_pid")" -v hz="$hz" 'BEGIN { printf "cpu, portal:    %.1f s\n", (b - a) / hz }'
  awk -v a="$smtp0" -v b="$(cpu_ticks "$smtp_pid")" -v hz="$hz" 'BEGIN { printf "cpu, smtp:      %.1f s\n", (b - a) / hz }'
}

send_issue "first issue, process just started"
send_issue "second issue, same process"
peak_kb="$(awk '/VmHWM/ { print $2 }' "/proc/$portal_pid/status")"
echo "peak memory:    $((peak_kb / 1024)) MB (VmHWM of the portal process, over both issues)"

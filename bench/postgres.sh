#!/usr/bin/env bash
# Reader pages on PostgreSQL: publishes the portal in Release, starts a PostgreSQL 15 cluster of its own
# (initdb in a temporary folder, a free loopback port), starts the portal on it with the demo content,
# the reader cache and the search results cache off, and measures with wrk the article page, the home
# page, a section archive and a search, each RUNS times for DURATION after a WARMUP. Prints requests/s, p99 and the
# portal's CPU per request for every run. Nothing is written to bench/results.md.
#
#   bench/postgres.sh                                   # about 4 minutes
#   CONNECTION_EXTRA=";Max Auto Prepare=0" bench/postgres.sh   # the same without prepared statements
#
# Environment: RUNS (3), DURATION (6s), WARMUP (20s), CONNECTIONS (32), THREADS (2), ARTICLE (12),
# QUERY (Arabic search words), CONNECTION_EXTRA (appended to the connection string).
# Needs the .NET 10 SDK, curl and Debian's postgresql-15 and wrk (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
duration="${DURATION:-6s}"
warmup="${WARMUP:-20s}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
article="${ARTICLE:-12}"
query="${QUERY:-الطاقة}"
extra="${CONNECTION_EXTRA:-}"
pg=/usr/lib/postgresql/15/bin

command -v wrk >/dev/null || { echo "installing wrk..."; apt-get install -y wrk >/dev/null; }
[ -x "$pg/initdb" ] || { echo "installing postgresql-15..."; apt-get install -y postgresql-15 >/dev/null; service postgresql stop >/dev/null 2>&1 || true; }

work="$(mktemp -d /tmp/newsportal-pgbench-XXXXXX)"
chmod 755 "$work"
portal_pid=""
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  as_postgres "$pg/pg_ctl -D $work/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

port_of() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
db_port="$(port_of)"
mkdir -p "$work/data" "$work/socket"
[ "$(id -u)" = 0 ] && chown postgres "$work/data" "$work/socket"
echo "starting PostgreSQL on port $db_port..."
as_postgres "$pg/initdb -D $work/data -A trust -U postgres >/dev/null"
as_postgres "$pg/pg_ctl -D $work/data -o '-p $db_port -k $work/socket -c listen_addresses=127.0.0.1' -l $work/data/log -w start >/dev/null"
as_postgres "$pg/createdb -h 127.0.0.1 -p $db_port -U postgres newsportal"

echo "publishing the portal (Release)..."
dotnet publish src/NewsPortal.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

web_port="$(port_of)"
base="http://127.0.0.1:$web_port"
connection="Host=127.0.0.1;Port=$db_port;Database=newsportal;Username=postgres$extra"
(
  cd "$work"
  export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"
  export ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="$base" ASPNETCORE_WEBROOT="$work/app/wwwroot" \
    Database__Provider=Postgres ConnectionStrings__NewsPortal="$connection" Database__MigrateOnStartup=true Demo__Seed=true \
    ReaderCache__Seconds=0 Search__ResultSeconds=0 RateLimits__SearchPerMinute=10000000 Logging__LogLevel__Default=Warning
  exec dotnet "$work/app/NewsPortal.Web.dll" >"$work/portal.log" 2>&1
) &
portal_pid=$!
until curl -sf "$base/healthz" >/dev/null; do
  kill -0 "$portal_pid" 2>/dev/null || { cat "$work/portal.log"; exit 1; }
  sleep 0.3
done
# The portal process itself (the subshell execs dotnet), for its CPU time.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$portal_pid/stat"; }
ticks_per_second="$(getconf CLK_TCK)"

article_url="$(curl -s -o /dev/null -w '%{url_effective}' -L "$base/articles/$article")"
search_url="$base/search?q=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
section_path="$(curl -s "$base/" | grep -oE 'href="/sections/[^"]+"' | head -1 | sed -E 's/href="([^"]+)"/\1/')"
[ -n "$section_path" ] || { echo "the home page links to no section"; exit 1; }
echo
echo "PostgreSQL $("$pg/postgres" --version | awk '{print $3}'), demo content, reader cache and search results cache off;"
echo "connection string extra: '${extra:-none}'; wrk -t$threads -c$connections; $warmup warm-up, then $runs runs of $duration."
echo
echo "| page | run | requests/s | p99 | portal CPU per request |"
echo "|---|---:|---:|---:|---:|"
for page in "article|$article_url" "home|$base/" "section archive|$base$section_path" "search, run afresh|$search_url"; do
  name="${page%%|*}" url="${page#*|}"
  code="$(curl -s -o /dev/null -w '%{http_code}' "$url")"
  [ "$code" = 200 ] || { echo "$url answered $code"; exit 1; }
  wrk -t"$threads" -c"$connections" -d"$warmup" "$url" >/dev/null
  for run in $(seq 1 "$runs"); do
    before="$(cpu_ticks)"
    out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")"
    after="$(cpu_ticks)"
    requests="$(awk '/requests in/ {print $1}' <<<"$out")"
    rps="$(awk '/^Requests\/sec:/ {printf "%d", $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    cpu="$(awk -v t=$((after - before)) -v n="$requests" -v hz="$ticks_per_second" 'BEGIN {printf "%d µs", t / hz / n * 1e6}')"
    echo "| $name | $run | $rps | $p99 | $cpu |"
  done
done

#!/usr/bin/env bash
# Reader-page benchmark: publishes the portal in Release, generates a database of 50,000 published
# articles and 100,000 confirmed subscribers (bench/DataGenerator), starts two portals on loopback
# (reader cache on, reader cache off) and measures with wrk: a static file, the cached article page,
# the uncached article page, the home page and search (with its results cache, and with every query
# run afresh, with 32 connections and with one). Each is run RUNS times for DURATION after a
# warm-up; the median run (by requests/s) is reported with its p99 latency and its ratio to the
# static file's median. Finally it publishes a draft through the admin area and checks that the very
# next home page shows it. Writes its section of bench/results.md and prints it.
#
#   bench/run.sh                      # the full run, about 11 minutes
#   RUNS=1 DURATION=5s WARMUP=5s bench/run.sh   # a quick check
#
# Environment: ARTICLES (50000), SUBSCRIBERS (100000), RUNS (3), DURATION (20s), WARMUP (20s),
# CONNECTIONS (32), THREADS (2), QUERY (Arabic search words), SEARCH_PACE (400: searches a second asked
# in the paced search run). Needs the .NET 10 SDK, curl, sqlite3;
# installs wrk with apt-get when it is missing. The generated database is kept in
# ${XDG_CACHE_HOME:-~/.cache}/newsportal-bench and reused while the generator and migrations are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
articles="${ARTICLES:-50000}"
subscribers="${SUBSCRIBERS:-100000}"
runs="${RUNS:-3}"
duration="${DURATION:-20s}"
# 20 s: the runtime keeps recompiling hot code with what it learnt for about that long; after 5 s
# the first round was still the slowest of three (uncached article 3,778 against 4,673 and 4,588).
warmup="${WARMUP:-20s}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
query="${QUERY:-الطاقة الميناء}"
search_pace="${SEARCH_PACE:-400}"
admin_email="bench-admin@newsportal.local"
admin_password="$(head -c 24 /dev/urandom | base64 | tr -d "/+=")"
started_at=$(date +%s)

command -v wrk >/dev/null || { echo "installing wrk..."; apt-get install -y wrk >/dev/null; }
command -v sqlite3 >/dev/null || { echo "installing sqlite3..."; apt-get install -y sqlite3 >/dev/null; }

work="$(mktemp -d /tmp/newsportal-bench-XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "publishing the portal and the generator (Release)..."
dotnet publish src/NewsPortal.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
dotnet build bench/DataGenerator -c Release -o "$work/gen" --nologo -v quiet >/dev/null

# The database depends only on the generator, the model and the migrations: keep it between runs.
key="$( (git ls-files -s bench/DataGenerator migrations src/NewsPortal.Core; git diff HEAD -- bench/DataGenerator migrations src/NewsPortal.Core; echo "$articles $subscribers") | sha1sum | cut -c1-12)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/newsportal-bench"
seed="$cache/bench-$key.db"
mkdir -p "$cache"
if [ ! -f "$seed" ]; then
  echo "generating $articles articles and $subscribers subscribers..."
  rm -f "$cache"/bench-*.db
  dotnet "$work/gen/DataGenerator.dll" "$seed.tmp" "$articles" "$subscribers"
  mv "$seed.tmp" "$seed"
else
  echo "reusing the generated database $seed"
fi

# Two portals, each on its own copy: reader cache and search results cache on (an hour, so they
# never expire mid-run) and both off.
port_of() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_portal() { # name cache-seconds; sets $port
  local name="$1" seconds="$2"
  port="$(port_of)"
  mkdir -p "$work/$name"
  cp "$seed" "$work/$name/portal.db"
  (
    cd "$work/$name"
    # The garbage collector's setting from the Dockerfile, so the portal runs as it is deployed.
    export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"
    # The web root is the published app's: without it the portal, started from its own folder, has
    # no wwwroot and its static-file endpoints answer 200 with an empty body.
    export ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_WEBROOT="$work/app/wwwroot" \
      ConnectionStrings__NewsPortal="Data Source=$work/$name/portal.db" Database__MigrateOnStartup=true Demo__Seed=false \
      ReaderCache__Seconds="$seconds" Search__ResultSeconds="$seconds" Admin__Email="$admin_email" Admin__Password="$admin_password" \
      RateLimits__SearchPerMinute=10000000 RateLimits__SignInPerMinute=10000000 RateLimits__PublicFormsPerMinute=10000000 \
      Logging__LogLevel__Default=Warning Logging__LogLevel__NewsPortal=Information
    exec dotnet "$work/app/NewsPortal.Web.dll" >"$work/$name/portal.log" 2>&1
  ) &
  pids+=($!)
  local pid=$! t0=$SECONDS
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/$name/portal.log"; exit 1; }
    sleep 0.2
  done
  echo "$name portal up in $((SECONDS - t0)) s;" | tee -a "$work/startup.log"
}
start_portal cached 3600; cached_port="$port"
start_portal uncached 0; uncached_port="$port"
cached="http://127.0.0.1:$cached_port"
uncached="http://127.0.0.1:$uncached_port"

# Addresses: an article from the middle of the archive (its canonical address), the fingerprinted stylesheet.
article_id=$((articles / 2))
article_path="$(curl -s -o /dev/null -w '%{redirect_url}' "$cached/articles/$article_id" | sed -E 's#^https?://[^/]+##')"
[ -n "$article_path" ] || article_path="/articles/$article_id"
static_path="$(curl -s "$cached/" | grep -oE '/css/site\.[a-z0-9]+\.css' | head -1)"
[ -n "$static_path" ] || static_path="/css/site.css"
search_path="/search?q=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
for url in "$cached$static_path" "$cached$article_path" "$uncached$article_path" "$uncached/" "$uncached$search_path"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$url")"
  [ "$code" = 200 ] || { echo "$url answered $code"; exit 1; }
done
static_bytes="$(curl -s "$cached$static_path" | wc -c)"
[ "$static_bytes" -gt 0 ] || { echo "$cached$static_path answered with an empty body"; exit 1; }
search_hits="$(curl -s "$uncached$search_path" | grep -c 'href="/articles/' || true)"

# name|base|path[|connections[|requests a second]]: "one connection" measures one reader's wait while
# nobody else is searching; "paced" asks at a steady rate below what the machine can answer (bench/paced.lua),
# the wait of readers on a busy site rather than the length of a queue that never empties.
targets=(
  "static file ($static_path)|$cached|$static_path"
  "article, cached|$cached|$article_path"
  "article, uncached|$uncached|$article_path"
  "home, uncached|$uncached|/"
  "search, results cached|$cached|$search_path"
  "search, uncached|$uncached|$search_path"
  "search, uncached, one connection|$uncached|$search_path|1"
  "search, uncached, $connections connections paced at $search_pace/s|$uncached|$search_path|$connections|$search_pace"
)

measure() { # url [connections [requests a second]] -> "rps p99ms errors"
  local out rps p99 errors c="${2:-$connections}" pace=() delay=0
  # Paced: each connection's mean gap, so that the connections together ask about $3 a second.
  if [ -n "${3:-}" ]; then pace=(-s "$root/bench/paced.lua"); delay=$(( c * 1000 / $3 )); fi
  out="$(PACE_DELAY_MS=$delay wrk -t"$(( c < threads ? c : threads ))" -c"$c" -d"$duration" \
    --timeout 10s --latency "${pace[@]}" "$1")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}' <<<"$out")"
  errors="$(awk '/Non-2xx or 3xx responses:/ {n+=$NF} /Socket errors:/ {n+=1} END {print n+0}' <<<"$out")"
  echo "$rps $p99 $errors"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "warming up ($warmup each)..."
for t in "${targets[@]}"; do
  IFS='|' read -r _ base path _ <<<"$t"
  wrk -t"$threads" -c"$connections" -d"$warmup" "$base$path" >/dev/null
done

# Rounds: every target once per round, so a burst of outside load spreads over all of them.
declare -A results
for round in $(seq 1 "$runs"); do
  for t in "${targets[@]}"; do
    IFS='|' read -r name base path conns pace <<<"$t"
    r="$(measure "$base$path" "$conns" "$pace")"
    results["$name"]+="$r"$'\n'
    echo "round $round: $name: $r (req/s, p99 ms, errors)"
  done
done

# The median run by requests/s, with that run's p99.
median() { sort -n -k1,1 <<<"${results[$1]}" | sed '/^$/d' | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
read -r static_rps _ _ <<<"$(median "${targets[0]%%|*}")"

# A publication through the admin area; the next home page must carry the headline.
headline="$(sqlite3 "$work/cached/portal.db" 'SELECT Headline FROM Articles WHERE Status = 0 ORDER BY Id DESC LIMIT 1')"
draft_id="$(sqlite3 "$work/cached/portal.db" 'SELECT Id FROM Articles WHERE Status = 0 ORDER BY Id DESC LIMIT 1')"
jar="$work/cookies"
token() { grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"|value="[^"]+" name="__RequestVerificationToken"|name="__RequestVerificationToken"[^>]*value="[^"]+"' | head -1 | sed -E 's/.*value="([^"]+)".*/\1/'; }
curl -s "$cached/" >/dev/null   # the home page is in the cache before the publication
before="$(curl -s "$cached/" | grep -cF "$headline" || true)"
t="$(curl -s -c "$jar" -b "$jar" "$cached/admin/account/login" | token)"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$admin_email" --data-urlencode "Password=$admin_password" \
  --data-urlencode "__RequestVerificationToken=$t" "$cached/admin/account/login"
t="$(curl -s -c "$jar" -b "$jar" "$cached/admin/articles/$draft_id/edit" | token)"
publish_code="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$t" \
  "$cached/admin/articles/$draft_id/publication")"
after="$(curl -s "$cached/" | grep -cF "$headline" || true)"
if [ "$before" = 0 ] && [ "$publish_code" = 302 ] && [ "$after" != 0 ]; then
  publish_check="yes: the home page served from the cache before the publication lacked the headline; the first request after it (POST answered $publish_code) showed it"
else
  publish_check="NO: before=$before, publication POST answered $publish_code, after=$after"
fi

# results.md: this run's section replaces the previous one; the newsletter benchmark's section
# (bench/newsletter, written by hand from its output) is kept.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
{
  echo "# Reader-page benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/results.md' || echo ' (with local changes)');"
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), .NET $(dotnet --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Load average (1, 5, 15 min) before the measurements: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "Database: $articles published articles, $subscribers confirmed subscribers (bench/DataGenerator)."
  echo "wrk -t$threads -c$connections -d$duration --timeout 10s --latency on 127.0.0.1 (\"one connection\": -t1 -c1; \"paced\": -s bench/paced.lua), no Accept-Encoding (uncompressed), after a $warmup warm-up;"
  echo "$runs rounds; the median run by requests/s, with its own p99; ratio = requests/s ÷ the static file's median."
  echo "Search: \`$query\` ($search_hits result links on the first page); \"uncached\" runs every query afresh (Search:ResultSeconds=0)."
  echo
  echo "| what | requests/s | p99 ms | ratio to static | errors | all runs (req/s) |"
  echo "|---|---:|---:|---:|---:|---|"
  for t in "${targets[@]}"; do
    name="${t%%|*}"
    read -r rps p99 errors <<<"$(median "$name")"
    all="$(sed '/^$/d' <<<"${results[$name]}" | awk '{printf "%s%s", sep, $1; sep=", "}')"
    echo "| $name | $rps | $p99 | $(ratio "$rps" "$static_rps") | $errors | $all |"
  done
  echo
  echo "Next request after a publish shows it: $publish_check."
  echo
  echo "Start-up with the generated database: $(grep -h 'up in' "$work"/startup.log 2>/dev/null | tr '\n' ' ')"
  echo "Total run time: $(( $(date +%s) - started_at )) s."
} >"$work/reader-results.md"
{
  cat "$work/reader-results.md"
  if [ -f "$root/bench/results.md" ] && grep -q '^# Newsletter benchmark' "$root/bench/results.md"; then
    echo
    sed -n '/^# Newsletter benchmark/,$p' "$root/bench/results.md"
  fi
} >"$work/results.md"
mv "$work/results.md" "$root/bench/results.md"
echo
cat "$work/reader-results.md"

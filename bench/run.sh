#!/usr/bin/env bash
# How close is an article page to a static file? Serves one article from a Release build of the site (with
# Site:BaseUrl set, so content pages are pre-rendered), saves the same HTML to a folder nginx serves, then
# runs wrk against each in turn, in several rounds of the same length and connections: first with one wrk
# thread, then with two. Prints requests per second for each, the ratio site/nginx per round and its median,
# and the site's p50 and p99 latency. Then starts a fresh site and measures its first seconds, with no
# warm-up, against nginx.
#
#   bench/run.sh                       (3 rounds of 5 s per thread count after a 12 s warm-up; 10 s cold)
#   SMOKE=1 bench/run.sh               (1 short round of each: proves the script runs; CI uses it)
#
# Targets: ratio 0.7 or more with one thread and 0.9 or more with two; p99 2 ms or less at 32 connections;
# the first 10 seconds after start 0.5 or more. Binds to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -n "${SMOKE:-}" ]; then ROUNDS="${ROUNDS:-1}" DURATION="${DURATION:-2}" WARMUP="${WARMUP:-1}" COLD="${COLD:-2}"; fi
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-5}"
WARMUP="${WARMUP:-12}"
COLD="${COLD:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREAD_COUNTS="${THREADS:-1 2}"
SITE_PORT="${SITE_PORT:-5190}"
NGINX_PORT="${NGINX_PORT:-5191}"
ARTICLE="${ARTICLE:-what-is-cervicogenic-headache}"

# shellcheck source=bench/common.sh
source bench/common.sh
ensure_tool wrk wrk
ensure_tool nginx nginx-light
publish_site
start_site site "$SITE_PORT" Content__Path="$PWD/content" Site__BaseUrl="http://127.0.0.1:$SITE_PORT"

# The published site must send its fingerprinted stylesheet with a year's immutable caching.
stylesheet="$(curl -fsS "http://127.0.0.1:$SITE_PORT/" | sed -n 's/.*rel="stylesheet" href="\([^"]*\)".*/\1/p')"
cache_control="$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$SITE_PORT$stylesheet" | tr -d '\r' | sed -n 's/^[Cc]ache-[Cc]ontrol: //p')"
echo "stylesheet $stylesheet: Cache-Control: $cache_control"
case "$cache_control" in *max-age=31536000*immutable*) ;; *) echo "the stylesheet is not cached for a year" >&2; exit 1 ;; esac

mkdir -p "$work/static/articles"
curl -fsS "http://127.0.0.1:$SITE_PORT/articles/$ARTICLE" -o "$work/static/articles/$ARTICLE"
# As a clinic would run it: Debian's nginx.conf turns on sendfile and tcp_nopush and keeps connections 65 s.
start_nginx static "
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/static;
    default_type text/html;
  }"
wait_for_200 "http://127.0.0.1:$NGINX_PORT/articles/$ARTICLE" 10 || { echo "nginx did not serve the saved page" >&2; exit 1; }

# measure THREADS SECONDS URL -> "rps p50_ms p99_ms"
measure() {
  wrk -t"$1" -c"$CONNECTIONS" -d"${2}s" --latency "$3" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

ratio() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.2f", (n > 0 ? s / n : 0) }'; }

site_url="http://127.0.0.1:$SITE_PORT/articles/$ARTICLE"
nginx_url="http://127.0.0.1:$NGINX_PORT/articles/$ARTICLE"

# Pages are pre-rendered once the site is running; wait until the article answers from them.
wait_for_200 "$site_url" 10 || { echo "the site did not serve the article" >&2; exit 1; }

echo "== warming up for ${WARMUP}s"
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "$site_url" >/dev/null

for threads in $THREAD_COUNTS; do
  echo "== $ROUNDS round(s) of ${DURATION}s, $CONNECTIONS connections, $threads wrk thread(s), /articles/$ARTICLE"
  printf '%-6s %12s %12s %8s %10s %10s\n' round site_rps nginx_rps ratio site_p50 site_p99
  ratios=() p50s=() p99s=()
  for round in $(seq 1 "$ROUNDS"); do
    read -r site_rps site_p50 site_p99 <<<"$(measure "$threads" "$DURATION" "$site_url")"
    read -r nginx_rps _ _ <<<"$(measure "$threads" "$DURATION" "$nginx_url")"
    r="$(ratio "$site_rps" "$nginx_rps")"
    ratios+=("$r") p50s+=("$site_p50") p99s+=("$site_p99")
    printf '%-6s %12s %12s %8s %8sms %8sms\n' "$round" "$site_rps" "$nginx_rps" "$r" "$site_p50" "$site_p99"
  done
  target="$([ "$threads" = 1 ] && echo 0.7 || echo 0.9)"
  echo "median, $threads thread(s): ratio $(median "${ratios[@]}") (target $target or more), site p50 $(median "${p50s[@]}") ms, site p99 $(median "${p99s[@]}") ms (target 2 ms or less)"
done

# The first seconds of a fresh process, before the runtime has optimised anything: no warm-up at all.
echo "== a fresh site's first ${COLD}s, $CONNECTIONS connections, 2 wrk threads, against nginx"
kill "$site_pid" 2>/dev/null || true
wait "$site_pid" 2>/dev/null || true
start_site cold "$SITE_PORT" Content__Path="$PWD/content" Site__BaseUrl="http://127.0.0.1:$SITE_PORT"
read -r cold_rps cold_p50 cold_p99 <<<"$(measure 2 "$COLD" "$site_url")"
read -r cold_nginx _ _ <<<"$(measure 2 "$COLD" "$nginx_url")"
echo "first ${COLD}s: site $cold_rps req/s, nginx $cold_nginx req/s, ratio $(ratio "$cold_rps" "$cold_nginx") (target 0.5 or more), site p50 $cold_p50 ms, p99 $cold_p99 ms (target under 5 ms)"

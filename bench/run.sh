#!/usr/bin/env bash
# How close is an article page to a static file? Serves one article from a Release build of the site,
# saves the same HTML to a folder nginx serves, then runs wrk against each in turn, in several rounds of
# the same length, connections and threads. Prints requests per second for each, the ratio site/nginx per
# round and its median, and the site's p50 and p99 latency.
#
#   bench/run.sh                       (5 rounds of 10 s, 32 connections, 2 threads)
#   SMOKE=1 bench/run.sh               (1 round of 2 s: proves the script runs; CI uses it)
#
# Targets: ratio 0.6 or more; p99 5 ms or less at 32 connections. Binds to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -n "${SMOKE:-}" ]; then ROUNDS="${ROUNDS:-1}" DURATION="${DURATION:-2}"; fi
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
SITE_PORT="${SITE_PORT:-5190}"
NGINX_PORT="${NGINX_PORT:-5191}"
ARTICLE="${ARTICLE:-what-is-cervicogenic-headache}"

# shellcheck source=bench/common.sh
source bench/common.sh
ensure_tool wrk wrk
ensure_tool nginx nginx-light
publish_site
start_site site "$SITE_PORT" Content__Path="$PWD/content"

# The published site must send its fingerprinted stylesheet with a year's immutable caching.
stylesheet="$(curl -fsS "http://127.0.0.1:$SITE_PORT/" | sed -n 's/.*rel="stylesheet" href="\([^"]*\)".*/\1/p')"
cache_control="$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$SITE_PORT$stylesheet" | tr -d '\r' | sed -n 's/^[Cc]ache-[Cc]ontrol: //p')"
echo "stylesheet $stylesheet: Cache-Control: $cache_control"
case "$cache_control" in *max-age=31536000*immutable*) ;; *) echo "the stylesheet is not cached for a year" >&2; exit 1 ;; esac

mkdir -p "$work/static/articles"
curl -fsS "http://127.0.0.1:$SITE_PORT/articles/$ARTICLE" -o "$work/static/articles/$ARTICLE"
start_nginx static "
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/static;
    default_type text/html;
  }"
wait_for_200 "http://127.0.0.1:$NGINX_PORT/articles/$ARTICLE" 10 || { echo "nginx did not serve the saved page" >&2; exit 1; }

# measure URL -> "rps p50_ms p99_ms"
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

echo "== warming up"
wrk -t1 -c4 -d2s "http://127.0.0.1:$SITE_PORT/articles/$ARTICLE" >/dev/null

echo "== $ROUNDS round(s) of ${DURATION}s, $CONNECTIONS connections, $THREADS threads, /articles/$ARTICLE"
printf '%-6s %12s %12s %8s %10s %10s\n' round site_rps nginx_rps ratio site_p50 site_p99
ratios=() p50s=() p99s=()
for round in $(seq 1 "$ROUNDS"); do
  read -r site_rps site_p50 site_p99 <<<"$(measure "http://127.0.0.1:$SITE_PORT/articles/$ARTICLE")"
  read -r nginx_rps _ _ <<<"$(measure "http://127.0.0.1:$NGINX_PORT/articles/$ARTICLE")"
  ratio="$(awk -v s="$site_rps" -v n="$nginx_rps" 'BEGIN { printf "%.2f", (n > 0 ? s / n : 0) }')"
  ratios+=("$ratio") p50s+=("$site_p50") p99s+=("$site_p99")
  printf '%-6s %12s %12s %8s %8sms %8sms\n' "$round" "$site_rps" "$nginx_rps" "$ratio" "$site_p50" "$site_p99"
done

echo "median: ratio $(median "${ratios[@]}") (target 0.6 or more), site p50 $(median "${p50s[@]}") ms, site p99 $(median "${p99s[@]}") ms (target 5 ms or less)"

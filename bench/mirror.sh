#!/usr/bin/env bash
# The static mirror behind nginx (Site:StaticMirrorPath and deploy/nginx-config.sh), on a Release build over HTTPS:
# - an article through nginx and the mirror against nginx serving the same bytes as a plain static file (same TLS,
#   same certificate, the same headers), with wrk, in several rounds: requests per second of each, the ratio mirror/static per round
#   and its median (target 1.0x: it is nginx either way);
# - publication to the mirror: an article edited on disk, then the time until the mirror's file has the change,
#   and the time the site logs from the snapshot swap to the mirror written (target under 1 s); the median of ROUNDS;
# - with the site stopped: every article still 200 through nginx.
#
#   bench/mirror.sh                    (5 rounds of 5 s after a 5 s warm-up; 10 publications)
#   SMOKE=1 bench/mirror.sh            (1 short round, 2 publications: proves the script runs; CI uses it)
#
# Binds to 127.0.0.1 only; everything it starts is stopped when it ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -n "${SMOKE:-}" ]; then ROUNDS="${ROUNDS:-1}" DURATION="${DURATION:-2}" WARMUP="${WARMUP:-1}" PUBLICATIONS="${PUBLICATIONS:-2}"; fi
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-5}"
WARMUP="${WARMUP:-5}"
PUBLICATIONS="${PUBLICATIONS:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
SITE_PORT="${SITE_PORT:-5185}"
MIRROR_PORT="${MIRROR_PORT:-5186}"
STATIC_PORT="${STATIC_PORT:-5187}"
ARTICLE="${ARTICLE:-what-is-cervicogenic-headache}"
HOST=headacheinfo.test

# shellcheck source=bench/common.sh
source bench/common.sh
ensure_tool wrk wrk
ensure_tool nginx nginx
publish_site

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$HOST" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
cp -r content "$work/content"
mkdir -p "$work/mirror"
# AllowedHosts: with Site:BaseUrl set, the site answers only its own host; start_site asks /healthz at 127.0.0.1.
start_site site "$SITE_PORT" Content__Path="$work/content" Data__Path="$work/data" AllowedHosts=127.0.0.1 \
  Site__BaseUrl="https://$HOST:$MIRROR_PORT" Site__StaticMirrorPath="$work/mirror" \
  Serilog__MinimumLevel__Override__HeadacheInfo.Web.Mirror=Information
mirror_file="$work/mirror/articles/$ARTICLE/index.html"
for _ in $(seq 1 600); do [ -f "$mirror_file" ] && break; sleep 0.1; done
[ -f "$mirror_file" ] || { echo "the site did not write the mirror; its log:" >&2; cat "$work/site.log" >&2; exit 1; }

mkdir -p "$work/static/articles"
cp "$mirror_file" "$work/static/articles/$ARTICLE"
# The reference sends the same bytes as the mirror's page: the body and the headers of nginx-config.sh's page block.
mirror_block="$(deploy/nginx-config.sh "$work/mirror" "http://127.0.0.1:$SITE_PORT" "127.0.0.1:$MIRROR_PORT" "$work/cert.pem" "$work/key.pem")"
page_headers="$(awk '/location \/ \{/ { inside = 1 } inside && /add_header/ { print } inside && /^    \}/ { exit }' <<<"$mirror_block")"
start_nginx mirror "
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  $mirror_block
  server {
    listen 127.0.0.1:$STATIC_PORT ssl;
    ssl_certificate $work/cert.pem;
    ssl_certificate_key $work/key.pem;
    root $work/static;
    default_type text/html;
    charset utf-8;
    $page_headers
  }"

mirror_url="https://127.0.0.1:$MIRROR_PORT/articles/$ARTICLE"
static_url="https://127.0.0.1:$STATIC_PORT/articles/$ARTICLE"
status() { curl -sk -o /dev/null -w '%{http_code}' --max-time 5 -H "Host: $HOST:$MIRROR_PORT" "$1"; }
[ "$(status "$mirror_url")" = 200 ] || { echo "nginx did not serve the article from the mirror" >&2; cat "$work/mirror-error.log" >&2; exit 1; }
cmp -s <(curl -sk -H "Host: $HOST:$MIRROR_PORT" "$mirror_url") <(curl -sk "$static_url") ||
  { echo "the mirror and the static copy differ" >&2; exit 1; }

rps() { wrk -t1 -c"$CONNECTIONS" -d"${2}s" -H "Host: $HOST:$MIRROR_PORT" "$1" | awk '/Requests\/sec/ { printf "%.0f", $2 }'; }
echo "== warming up for ${WARMUP}s"
rps "$mirror_url" "$WARMUP" >/dev/null
rps "$static_url" "$WARMUP" >/dev/null
echo "== $ROUNDS round(s) of ${DURATION}s, $CONNECTIONS connections, /articles/$ARTICLE over HTTPS"
printf '%-6s %12s %12s %8s\n' round mirror_rps static_rps ratio
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  m="$(rps "$mirror_url" "$DURATION")" s="$(rps "$static_url" "$DURATION")"
  r="$(awk -v m="$m" -v s="$s" 'BEGIN { printf "%.2f", (s > 0 ? m / s : 0) }')"
  ratios+=("$r")
  printf '%-6s %12s %12s %8s\n' "$round" "$m" "$s" "$r"
done
echo "median ratio mirror/static: $(median "${ratios[@]}")x (target 1.0x)"

echo "== $PUBLICATIONS publication(s): an edit on disk until the mirror has it"
edit_ms=() swap_ms=()
for round in $(seq 1 "$PUBLICATIONS"); do
  marker="Published to the mirror, round $round at $(now_ms)."
  logged="$(grep -c 'after the snapshot swap' "$work/site.log" || true)"
  started="$(now_ms)"
  sed -i "0,/^## /s//$marker\n\n## /" "$work/content/articles/$ARTICLE.md"
  for _ in $(seq 1 600); do grep -qF "$marker" "$mirror_file" 2>/dev/null && break; sleep 0.01; done
  grep -qF "$marker" "$mirror_file" || { echo "the mirror did not get the edit within 6 s" >&2; exit 1; }
  edit_ms+=("$(($(now_ms) - started))")
  for _ in $(seq 1 100); do [ "$(grep -c 'after the snapshot swap' "$work/site.log")" -gt "$logged" ] && break; sleep 0.02; done
  swap_ms+=("$(grep 'after the snapshot swap' "$work/site.log" | tail -n 1 | sed -n 's/.*, \([0-9]*\) ms after the snapshot swap.*/\1/p')")
  echo "round $round: edit to mirror ${edit_ms[-1]} ms; snapshot swap to mirror ${swap_ms[-1]} ms"
done
echo "median edit to mirror: $(median "${edit_ms[@]}") ms (includes the content watcher's settling)"
echo "median snapshot swap to mirror: $(median "${swap_ms[@]}") ms (target under 1000 ms)"

echo "== the site stopped"
kill "$site_pid"
wait "$site_pid" 2>/dev/null || true
failed=0
for md in "$work"/content/articles/*.md; do
  slug="$(basename "$md" .md)"
  code="$(status "https://127.0.0.1:$MIRROR_PORT/articles/$slug")"
  [ "$code" = 200 ] || { echo "/articles/$slug answered $code with the site stopped" >&2; failed=$((failed + 1)); }
done
echo "with the site stopped: $(ls "$work"/content/articles/*.md | wc -l) articles, $failed not 200"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Does the site stay quick with thousands of articles? Generates 2,000 articles in a temporary folder and
# measures, on a Release build: start to the first 200 on /articles, resident memory after a warm-up, and
# edit-to-visible time (change one file, poll until the page shows the change). Then the start time with
# the shipped content. Each start is measured from launching the process.
#
#   bench/scale.sh                     (2,000 articles, 3 edits)
#   SMOKE=1 bench/scale.sh             (50 articles, 1 edit: proves the script runs; CI uses it)
#
# Targets: start 5 s or less; memory 250 MB or less; edit-to-visible 1 s or less; shipped content start
# 0.8 s or less. Site:BaseUrl is set, as in production, so content pages are pre-rendered. Binds to
# 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -n "${SMOKE:-}" ]; then ARTICLES="${ARTICLES:-50}" EDITS="${EDITS:-1}"; fi
ARTICLES="${ARTICLES:-2000}"
EDITS="${EDITS:-3}"
PORT="${PORT:-5195}"

# shellcheck source=bench/common.sh
source bench/common.sh
publish_site

echo "== generating $ARTICLES articles"
generate_articles "$work/many" "$ARTICLES"

# start_timed NAME CONTENT: starts the site; sets site_pid, and elapsed to the milliseconds from launch to
# the first 200 on /articles.
start_timed() {
  local started
  started="$(now_ms)"
  env ASPNETCORE_ENVIRONMENT=Production ${SITE_ENV:-} Serilog__MinimumLevel__Default=Warning Content__Path="$2" Site__BaseUrl="http://127.0.0.1:$PORT" \
    dotnet "$work/app/HeadacheInfo.Web.dll" --contentRoot "$work/app" --urls "http://127.0.0.1:$PORT" >"$work/$1.log" 2>&1 &
  site_pid=$!
  pids+=("$site_pid")
  wait_for_200 "http://127.0.0.1:$PORT/articles" 60 || { echo "$1 did not start" >&2; cat "$work/$1.log" >&2; exit 1; }
  elapsed=$(($(now_ms) - started))
}

stop_site() { kill "$site_pid"; wait "$site_pid" 2>/dev/null || true; }

started_many_at="$(now_ms)"
start_timed many "$work/many"
start_many="$elapsed"

# Pre-rendered pages answer with a Content-Length (the ordinary path streams); wait for them before measuring memory.
echo "== waiting for the pages to be pre-rendered"
deadline=$((SECONDS + 60))
prerendered=0
until curl -fsI "http://127.0.0.1:$PORT/articles/generated-1" | grep -qi '^content-length:'; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "the pages were not pre-rendered within 60 s" >&2; exit 1; }
  sleep 0.05
done
prerendered=$(($(now_ms) - started_many_at))

echo "== warming up"
for i in $(seq 1 "$ARTICLES"); do
  [ $((i % 10)) -eq 0 ] || continue
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/articles/generated-$i"
done
for _ in 1 2 3; do curl -fs -o /dev/null "http://127.0.0.1:$PORT/articles"; curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; done
memory="$(rss_mb "$site_pid")"

edit_times=()
for edit in $(seq 1 "$EDITS"); do
  marker="Edited title $edit $RANDOM"
  started="$(now_ms)"
  sed -i "s/^title: .*/title: $marker/" "$work/many/articles/generated-1.md"
  wait_for_text "http://127.0.0.1:$PORT/articles/generated-1" "$marker" 10 || { echo "the edit did not show within 10 s" >&2; exit 1; }
  edit_times+=($(($(now_ms) - started)))
done
stop_site

start_timed shipped "$PWD/content"
start_shipped="$elapsed"
stop_site

echo
printf '%-44s %10s %s\n' "measure" "result" "target"
printf '%-44s %8s ms %s\n' "start to first 200, $ARTICLES articles" "$start_many" "5000 ms or less"
printf '%-44s %8s ms %s\n' "start to every page pre-rendered, $ARTICLES articles" "$prerendered" "(no target)"
printf '%-44s %8s MB %s\n' "resident memory after warm-up" "$memory" "250 MB or less"
printf '%-44s %8s ms %s\n' "edit to visible (median of $EDITS)" "$(median "${edit_times[@]}")" "1000 ms or less"
printf '%-44s %8s ms %s\n' "start to first 200, shipped content" "$start_shipped" "800 ms or less"

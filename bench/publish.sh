#!/usr/bin/env bash
# How quickly does the PostgreSQL publish log bring instances up to date? Seeds the log of a throwaway
# PostgreSQL server with 2,000 generated articles (import-content), starts instance A, then measures, on a
# Release build:
# - catch-up: a fresh instance B with an empty content folder, from launching the process to 200 on /healthz
#   (it reports healthy only once it has applied the whole log); the median of 5 such starts;
# - approval to visible: a reviewer presses Approve and publish on A (after the author sent the change, both
#   through the real forms), then B is polled until its page shows the change; the median of 20 rounds.
#
#   bench/publish.sh                   (2,000 articles, 5 fresh starts, 20 approvals)
#   SMOKE=1 bench/publish.sh           (50 articles, 1 start, 2 approvals: proves the script runs; CI uses it)
#
# Targets: catch-up under 10 s; approval to visible under 1 s. Site:BaseUrl is set, as in production, so
# content pages are pre-rendered. Binds to 127.0.0.1 only; everything it starts is stopped when it ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -n "${SMOKE:-}" ]; then ARTICLES="${ARTICLES:-50}" ROUNDS="${ROUNDS:-2}" CATCHUPS="${CATCHUPS:-1}"; fi
ARTICLES="${ARTICLES:-2000}"
ROUNDS="${ROUNDS:-20}"
CATCHUPS="${CATCHUPS:-5}"
PORT_A="${PORT_A:-5196}"
PORT_B="${PORT_B:-5197}"
# Long enough to measure a catch-up far over its target rather than give up on it.
START_SECONDS="${START_SECONDS:-600}"

# shellcheck source=bench/common.sh
source bench/common.sh
publish_site
start_postgres
database=(Database__Provider=Postgres ConnectionStrings__Staff="$pg_connection")

echo "== generating $ARTICLES articles and seeding the publish log with them and the shipped content (import-content)"
# The shipped articles and pictures too: the copies link to them, and the checker refuses a change with a broken link.
mkdir -p "$work/many"
cp -r content/. "$work/many/"
generate_articles "$work/many" "$ARTICLES"
total="$(find "$work/many/articles" -name '*.md' | wc -l)"
env "${database[@]}" dotnet "$work/app/HeadacheInfo.Web.dll" import-content "$work/many"
add_staff author@clinic.example author "${database[@]}"
add_staff reviewer@clinic.example reviewer "${database[@]}"

# instance NAME: the settings of an instance with its own, empty, content folder.
instance() {
  mkdir -p "$work/content-$1"
  echo Content__Path="$work/content-$1" Publishing__Instance="$1" Site__BaseUrl="http://127.0.0.1:$2"
}

echo "== starting instance A on $PORT_A (an empty folder: it catches up first)"
# shellcheck disable=SC2046 # instance prints whitespace-free VAR=VALUE words
start_site a "$PORT_A" $(instance a "$PORT_A") "${database[@]}"

echo "== $CATCHUPS fresh instance(s) B on $PORT_B, each with an empty folder: launch to healthy"
catch_ups=()
for round in $(seq 1 "$CATCHUPS"); do
  rm -rf "$work/content-b"
  started="$(now_ms)"
  # shellcheck disable=SC2046
  start_site b "$PORT_B" $(instance b "$PORT_B") "${database[@]}"
  catch_ups+=($(($(now_ms) - started)))
  applied="$(find "$work/content-b/articles" -name '*.md' | wc -l)"
  [ "$applied" -ge "$total" ] || { echo "B reported healthy with $applied of $total articles in its folder" >&2; exit 1; }
  echo "round $round: B healthy after ${catch_ups[-1]} ms, $applied articles in its folder: $(curl -fsS "http://127.0.0.1:$PORT_B/healthz")"
  if [ "$round" -lt "$CATCHUPS" ]; then
    kill "$site_pid"
    wait "$site_pid" 2>/dev/null || true
  fi
done

echo "== $ROUNDS approval(s) on A, each polled on B until it shows"
a="http://127.0.0.1:$PORT_A"
staff_sign_in "$a" "$work/author.jar" author@clinic.example
staff_sign_in "$a" "$work/reviewer.jar" reviewer@clinic.example
visible_times=()
for round in $(seq 1 "$ROUNDS"); do
  slug="generated-$round"
  marker="Approved in round $round at $(now_ms)."
  staff_send "$a" "$work/author.jar" "$slug" "$(body_with_paragraph "$work/many/articles/$slug.md" "$marker")"
  staff_approve "$a" "$work/reviewer.jar" "$slug"
  answered=$(($(now_ms) - form_posted_at))
  deadline=$((SECONDS + 10))
  until curl -fs "http://127.0.0.1:$PORT_B/articles/$slug" | grep -qF "$marker"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "round $round: B did not show the approval within 10 s" >&2; exit 1; }
    sleep 0.01
  done
  visible_times+=($(($(now_ms) - form_posted_at)))
  echo "round $round: A answered the approval in $answered ms; visible on B after ${visible_times[-1]} ms"
done

echo
printf '%-52s %10s %s\n' "measure" "result" "target"
printf '%-52s %8s ms %s\n' "fresh instance to healthy (median of $CATCHUPS), $total articles" "$(median "${catch_ups[@]}")" "under 10000 ms"
printf '%-52s %8s ms %s\n' "fresh instance to healthy (slowest of $CATCHUPS)" "$(printf '%s\n' "${catch_ups[@]}" | sort -n | tail -n 1)" "(no target)"
printf '%-52s %8s ms %s\n' "approval on A to visible on B (median of $ROUNDS)" "$(median "${visible_times[@]}")" "under 1000 ms"
printf '%-52s %8s ms %s\n' "approval on A to visible on B (slowest of $ROUNDS)" "$(printf '%s\n' "${visible_times[@]}" | sort -n | tail -n 1)" "(no target)"

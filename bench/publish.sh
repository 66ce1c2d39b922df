#!/usr/bin/env bash
# How quickly does the publish log bring a content folder up to date? On a Release build, with each database:
#
# PostgreSQL (several instances share the log): seeds the log of a throwaway server with 2,000 generated articles
# (import-content), starts instance A, then measures
# - catch-up: a fresh instance B with an empty content folder, from launching the process to 200 on /healthz
#   (it reports healthy only once it has applied the whole log); the median of 5 such starts;
# - approval to visible: a reviewer presses Approve and publish on A (after the author sent the change, both
#   through the real forms), then B is polled until its page shows the change; the median of 20 rounds.
#
# SQLite (one instance, its own log): the instance starts on a folder holding the 2,000 articles and records
# each into its log (as edits made outside the app), then measures
# - approval to visible on the same instance: the approval commits a log row, and the log's one writer (the
#   applier) puts it in the folder; polled as above, the median of 20 rounds;
# - catch-up: the instance stopped, its content folder emptied (the database kept, as after restoring a backup
#   of the database alone), started again: launch until healthy with every article back in the folder (with
#   SQLite /healthz does not wait for the catch-up, so the folder is counted); median of 5.
#
#   bench/publish.sh                   (both databases: 2,000 articles, 5 fresh starts, 20 approvals each)
#   DATABASES=sqlite bench/publish.sh  (one of them: postgres or sqlite)
#   SMOKE=1 bench/publish.sh           (50 articles, 1 start, 2 approvals: proves the script runs; CI uses it)
#
# Targets (issue 30): catch-up under 10 s; approval to visible under 1 s. Site:BaseUrl is set, as in production,
# so content pages are pre-rendered. Binds to 127.0.0.1 only; everything it starts is stopped when it ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -n "${SMOKE:-}" ]; then ARTICLES="${ARTICLES:-50}" ROUNDS="${ROUNDS:-2}" CATCHUPS="${CATCHUPS:-1}"; fi
ARTICLES="${ARTICLES:-2000}"
ROUNDS="${ROUNDS:-20}"
CATCHUPS="${CATCHUPS:-5}"
PORT_A="${PORT_A:-5196}"
PORT_B="${PORT_B:-5197}"
PORT_S="${PORT_S:-5198}"
DATABASES="${DATABASES:-postgres sqlite}"
# Long enough to measure a catch-up far over its target rather than give up on it.
START_SECONDS="${START_SECONDS:-600}"

# shellcheck source=bench/common.sh
source bench/common.sh
publish_site

echo "== generating $ARTICLES articles beside the shipped content"
# The shipped articles and pictures too: the copies link to them, and the checker refuses a change with a broken link.
mkdir -p "$work/many"
cp -r content/. "$work/many/"
generate_articles "$work/many" "$ARTICLES"
total="$(find "$work/many/articles" -name '*.md' | wc -l)"

results=()
# result MEASURE MILLISECONDS TARGET: a line of the table printed at the end.
result() { results+=("$(printf '%-84s %8s ms  %s' "$1" "$2" "$3")"); }
slowest() { printf '%s\n' "$@" | sort -n | tail -n 1; }

# instance NAME PORT: the settings of an instance with its own content folder (empty if new).
instance() {
  mkdir -p "$work/content-$1"
  echo Content__Path="$work/content-$1" Publishing__Instance="$1" Site__BaseUrl="http://127.0.0.1:$2"
}

stop_site() {
  kill "$site_pid"
  wait "$site_pid" 2>/dev/null || true
}

# article_count FOLDER: how many articles a content folder holds (0 before it has an articles folder).
article_count() { find "$1/articles" -name '*.md' 2>/dev/null | wc -l; }

# catch_up NAME PORT [VAR=VALUE ...]: CATCHUPS starts of instance NAME with its folder emptied first, launch to
# healthy, each checked to hold every article; fills catch_ups. The last start is left running.
catch_up() {
  local name="$1" port="$2" round started applied
  shift 2
  catch_ups=()
  for round in $(seq 1 "$CATCHUPS"); do
    rm -rf "$work/content-$name"
    started="$(now_ms)"
    # shellcheck disable=SC2046 # instance prints whitespace-free VAR=VALUE words
    start_site "$name" "$port" $(instance "$name" "$port") "$@"
    # With PostgreSQL /healthz waits for the catch-up; with SQLite it does not, so the folder is counted until full.
    until [ "$(article_count "$work/content-$name")" -ge "$total" ]; do
      [ $(($(now_ms) - started)) -lt $((START_SECONDS * 1000)) ] || break
      sleep 0.05
    done
    catch_ups+=($(($(now_ms) - started)))
    applied="$(article_count "$work/content-$name")"
    [ "$applied" -ge "$total" ] || { echo "$name was healthy, and after $START_SECONDS s held $applied of $total articles in its folder" >&2; exit 1; }
    echo "round $round: $name healthy after ${catch_ups[-1]} ms, $applied articles in its folder: $(curl -fsS "http://127.0.0.1:$port/healthz")"
    if [ "$round" -lt "$CATCHUPS" ]; then stop_site; fi
  done
}

# approvals ON WATCH NAME: ROUNDS approvals through the forms of ON, each polled on WATCH (named NAME) until
# the page shows it; fills visible_times.
approvals() {
  local round slug marker answered
  staff_sign_in "$1" "$work/author.jar" author@clinic.example
  staff_sign_in "$1" "$work/reviewer.jar" reviewer@clinic.example
  visible_times=()
  for round in $(seq 1 "$ROUNDS"); do
    slug="generated-$round"
    marker="Approved in round $round at $(now_ms)."
    staff_send "$1" "$work/author.jar" "$slug" "$(body_with_paragraph "$work/many/articles/$slug.md" "$marker")"
    staff_approve "$1" "$work/reviewer.jar" "$slug"
    answered=$(($(now_ms) - form_posted_at))
    wait_for_text "$2/articles/$slug" "$marker" 10 || { echo "round $round: $3 did not show the approval within 10 s" >&2; exit 1; }
    visible_times+=($(($(now_ms) - form_posted_at)))
    echo "round $round: the approval answered in $answered ms; visible on $3 after ${visible_times[-1]} ms"
  done
}

run_postgres() {
  start_postgres
  local database=(Database__Provider=Postgres ConnectionStrings__Staff="$pg_connection")
  echo "== PostgreSQL: seeding the publish log with the $total articles (import-content)"
  env "${database[@]}" dotnet "$work/app/HeadacheInfo.Web.dll" import-content "$work/many"
  add_staff author@clinic.example author "${database[@]}"
  add_staff reviewer@clinic.example reviewer "${database[@]}"

  echo "== PostgreSQL: starting instance A on $PORT_A (an empty folder: it catches up first)"
  # shellcheck disable=SC2046
  start_site a "$PORT_A" $(instance a "$PORT_A") "${database[@]}"
  local a_pid="$site_pid"

  echo "== PostgreSQL: $CATCHUPS fresh instance(s) B on $PORT_B, each with an empty folder: launch to healthy"
  catch_up b "$PORT_B" "${database[@]}"
  result "PostgreSQL: fresh instance to healthy (median of $CATCHUPS), $total articles" "$(median "${catch_ups[@]}")" "under 10000 ms"
  result "PostgreSQL: fresh instance to healthy (slowest of $CATCHUPS)" "$(slowest "${catch_ups[@]}")" "(no target)"

  echo "== PostgreSQL: $ROUNDS approval(s) on A, each polled on B until it shows"
  approvals "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" B
  result "PostgreSQL: approval on A to visible on B (median of $ROUNDS)" "$(median "${visible_times[@]}")" "under 1000 ms"
  result "PostgreSQL: approval on A to visible on B (slowest of $ROUNDS)" "$(slowest "${visible_times[@]}")" "(no target)"
  stop_site
  site_pid="$a_pid"
  stop_site
}

# logged_articles DB: how many articles the SQLite publish log holds a row for (0 before the table exists).
logged_articles() {
  python3 - "$1" <<'PY'
import sqlite3, sys
try:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=5)
    print(db.execute("select count(distinct Name) from PublishLog where Kind = 'article'").fetchone()[0])
except sqlite3.Error:
    print(0)
PY
}

run_sqlite() {
  local database=(Database__Provider=Sqlite Data__Path="$work/data-s") base="http://127.0.0.1:$PORT_S" started seeded deadline
  mkdir -p "$work/data-s"
  rm -f "$work"/*.jar
  add_staff author@clinic.example author "${database[@]}"
  add_staff reviewer@clinic.example reviewer "${database[@]}"

  echo "== SQLite: instance S on $PORT_S starts on a folder of $total articles and records each in its log"
  rm -rf "$work/content-s"
  mkdir -p "$work/content-s"
  cp -r "$work/many/." "$work/content-s/"
  started="$(now_ms)"
  # shellcheck disable=SC2046
  start_site s "$PORT_S" $(instance s "$PORT_S") "${database[@]}"
  # Done when every article has a row in the log (SQLite's /healthz does not say the log's position).
  deadline=$((SECONDS + START_SECONDS))
  until [ "$(logged_articles "$work/data-s/staff.db")" -ge "$total" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "S did not record its $total articles in $START_SECONDS s" >&2; exit 1; }
    sleep 0.2
  done
  seeded=$(($(now_ms) - started))
  echo "S recorded every article in its log after $seeded ms"
  result "SQLite: first start on $total articles until each is in its log" "$seeded" "(no target)"

  echo "== SQLite: $ROUNDS approval(s) on S, each polled on S until it shows"
  approvals "$base" "$base" S
  result "SQLite: approval to visible on the same instance (median of $ROUNDS)" "$(median "${visible_times[@]}")" "under 1000 ms"
  result "SQLite: approval to visible on the same instance (slowest of $ROUNDS)" "$(slowest "${visible_times[@]}")" "(no target)"
  stop_site

  echo "== SQLite: $CATCHUPS restart(s) of S with its folder emptied (its database kept): launch to healthy"
  catch_up s "$PORT_S" "${database[@]}"
  result "SQLite: restart on an empty folder to every article back (median of $CATCHUPS), $total articles" "$(median "${catch_ups[@]}")" "under 10000 ms"
  result "SQLite: restart on an empty folder to every article back (slowest of $CATCHUPS)" "$(slowest "${catch_ups[@]}")" "(no target)"
  stop_site
}

for database in $DATABASES; do
  case "$database" in
    postgres) run_postgres ;;
    sqlite) run_sqlite ;;
    *) echo "DATABASES: unknown database '$database'; use postgres, sqlite or both" >&2; exit 2 ;;
  esac
done

echo
printf '%-84s %11s  %s\n' "measure" "result" "target"
printf '%s\n' "${results[@]}"

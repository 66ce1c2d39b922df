#!/usr/bin/env bash
# Runs two instances of the site behind nginx, as production would, and proves they work as one:
# each has its own content folder (no shared folder) and both use one PostgreSQL server (a throwaway one,
# started here), whose publish log carries every published change; a change published on instance A is
# served by instance B (an approval made by staff through the real forms, and an edit on A's disk); and a symptom form fetched through one instance posts successfully through the other.
#
#   deploy/two-instances.sh            (ports 5100 for nginx, 5101 and 5102 for the instances)
#   PROXY_PORT=8100 deploy/two-instances.sh
#
# Everything binds to 127.0.0.1 only, and everything the script starts is stopped when it ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PROXY_PORT="${PROXY_PORT:-5100}"
PORT_A="${PORT_A:-5101}"
PORT_B="${PORT_B:-5102}"
CONTENT="${CONTENT:-$PWD/content}"

# shellcheck source=bench/common.sh
source bench/common.sh
ensure_tool nginx nginx-light
publish_site

start_postgres
database=(Database__Provider=Postgres ConnectionStrings__Staff="$pg_connection")

# Two folders of their own: A starts from a copy of the content, B from nothing; the log fills both.
mkdir -p "$work/content-a" "$work/content-b/articles"
cp -r "$CONTENT/." "$work/content-a/"
echo "== seeding the publish log from $CONTENT (import-content)"
env "${database[@]}" dotnet "$work/app/HeadacheInfo.Web.dll" import-content "$CONTENT"

echo "== adding an author and a reviewer (add-staff)"
add_staff author@clinic.example author "${database[@]}"
add_staff reviewer@clinic.example reviewer "${database[@]}"

instance_settings=(DataProtection__KeysPath="$work/keys" ForwardedHeaders__KnownProxies__0=127.0.0.1 "${database[@]}")

# The first instance creates the shared key ring before the second starts, so both use the same key.
echo "== starting instance A on $PORT_A and instance B on $PORT_B, sharing $work/keys"
start_site a "$PORT_A" Content__Path="$work/content-a" Publishing__Instance=a "${instance_settings[@]}"
antiforgery_token "http://127.0.0.1:$PORT_A" "$work/warm.jar" >/dev/null
start_site b "$PORT_B" Content__Path="$work/content-b" Publishing__Instance=b "${instance_settings[@]}"

echo "== starting nginx on $PROXY_PORT (round robin)"
start_nginx proxy "
  upstream headacheinfo {
    server 127.0.0.1:$PORT_A;
    server 127.0.0.1:$PORT_B;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://headacheinfo;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Upstream \$upstream_addr always;
    }
  }"

# post_form URL JAR TOKEN -> prints "status outcome upstream"
post_form() {
  local headers="$work/post.headers" body="$work/post.html" status outcome upstream
  status="$(curl -sS --max-time 10 -b "$2" -D "$headers" -o "$body" -w '%{http_code}' \
    --data-urlencode "__RequestVerificationToken=$3" --data "signs=one-side&signs=starts-in-neck" "$1/symptom-check")"
  outcome="$(sed -n 's/.*<main[^>]*data-outcome="\([a-z]*\)".*/\1/p' "$body" | head -n 1)"
  upstream="$(sed -n 's/^X-Upstream: *\([^[:space:]]*\).*/\1/Ip' "$headers" | head -n 1)"
  echo "$status ${outcome:-none} ${upstream:-direct}"
}

failures=0
check() { # description expected actual
  if [ "$2" = "$3" ]; then echo "ok    $1"; else echo "FAIL  $1: expected '$2', got '$3'"; failures=$((failures + 1)); fi
}

slug="$(basename "$(ls "$work/content-a/articles/"*.md | head -n 1)" .md)"

# served_by_b WORDS: whether B serves the article with WORDS within 10 s.
served_by_b() {
  for _ in $(seq 1 100); do
    curl -fsS --max-time 2 "http://127.0.0.1:$PORT_B/articles/$slug" 2>/dev/null | grep -qF "$1" && { echo yes; return; }
    sleep 0.1
  done
  echo no
}

echo "== an approval on instance A is served by instance B (through the publish log, not a shared folder)"
marker="Approved on instance A at $(date +%s)."
staff_sign_in "http://127.0.0.1:$PORT_A" "$work/author.jar" author@clinic.example
staff_sign_in "http://127.0.0.1:$PORT_A" "$work/reviewer.jar" reviewer@clinic.example
staff_send "http://127.0.0.1:$PORT_A" "$work/author.jar" "$slug" "$(body_with_paragraph "$work/content-a/articles/$slug.md" "$marker")"
check "B does not serve the change before it is approved" no "$(curl -fsS "http://127.0.0.1:$PORT_B/articles/$slug" | grep -qF "$marker" && echo yes || echo no)"
staff_approve "http://127.0.0.1:$PORT_A" "$work/reviewer.jar" "$slug"
check "B serves the change approved on A within 10 s" yes "$(served_by_b "$marker")"

echo "== an edit on instance A's disk is served by instance B"
marker="Edited on instance A's disk at $(date +%s)."
sed -i "0,/^## /s//$marker\n\n## /" "$work/content-a/articles/$slug.md"
check "B serves the edit made on A's disk within 10 s" yes "$(served_by_b "$marker")"
check "B's /healthz says the publish log is live" yes "$(curl -fsS "http://127.0.0.1:$PORT_B/healthz" | grep -q '"publishing":"live"' && echo yes || echo no)"

echo "== a form from instance A, posted to instance B"
token="$(antiforgery_token "http://127.0.0.1:$PORT_A" "$work/direct.jar")"
read -r status outcome _ <<<"$(post_form "http://127.0.0.1:$PORT_B" "$work/direct.jar" "$token")"
check "form from A posted to B answers 200" 200 "$status"
check "form from A posted to B gives the physio outcome" physio "$outcome"

echo "== through nginx: each form is fetched from one instance and posted to the other"
crossed=0
for round in 1 2 3 4; do
  jar="$work/proxy-$round.jar"
  headers="$work/proxy-$round.headers"
  token="$(curl -fsS --max-time 10 -c "$jar" -D "$headers" "http://127.0.0.1:$PROXY_PORT/symptom-check" \
    | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)"
  served_by="$(sed -n 's/^X-Upstream: *\([^[:space:]]*\).*/\1/Ip' "$headers" | head -n 1)"
  read -r status outcome posted_to <<<"$(post_form "http://127.0.0.1:$PROXY_PORT" "$jar" "$token")"
  check "round $round: form from $served_by posted to $posted_to answers 200" 200 "$status"
  check "round $round: outcome" physio "$outcome"
  [ "$served_by" != "$posted_to" ] && crossed=$((crossed + 1))
done
check "at least one form crossed instances through nginx" yes "$([ "$crossed" -gt 0 ] && echo yes || echo no)"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "All checks passed: two instances behind nginx work as one."

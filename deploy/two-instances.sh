#!/usr/bin/env bash
# Runs two instances of the site behind nginx, as production would, and proves they work as one:
# a symptom form fetched through one instance posts successfully through the other.
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

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "== installing nginx (Debian's package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nginx-light
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && "$NGINX" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building (Release)"
dotnet publish src/HeadacheInfo.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

start_instance() { # name port
  ASPNETCORE_ENVIRONMENT=Production \
  Content__Path="$CONTENT" \
  DataProtection__KeysPath="$work/keys" \
  ForwardedHeaders__KnownProxies__0=127.0.0.1 \
    dotnet "$work/app/HeadacheInfo.Web.dll" --urls "http://127.0.0.1:$2" >"$work/$1.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "instance $1 did not start; its log:" >&2
  cat "$work/$1.log" >&2
  exit 1
}

# fetch_form URL JAR -> prints the antiforgery token; the cookie goes into JAR
fetch_form() {
  curl -fsS --max-time 10 -c "$2" "$1/symptom-check" \
    | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1
}

# post_form URL JAR TOKEN -> prints "status outcome upstream"
post_form() {
  local headers body
  headers="$(mktemp -p "$work")" body="$(mktemp -p "$work")"
  local status
  status="$(curl -sS --max-time 10 -b "$2" -D "$headers" -o "$body" -w '%{http_code}' \
    --data-urlencode "__RequestVerificationToken=$3" --data "signs=one-side&signs=starts-in-neck" "$1/symptom-check")"
  local outcome upstream
  outcome="$(sed -n 's/.*<main[^>]*data-outcome="\([a-z]*\)".*/\1/p' "$body" | head -n 1)"
  upstream="$(sed -n 's/^X-Upstream: *\([^[:space:]]*\).*/\1/Ip' "$headers" | head -n 1)"
  echo "$status ${outcome:-none} ${upstream:-direct}"
}

# The first instance creates the shared key ring before the second starts, so both use the same key.
echo "== starting instance A on $PORT_A and instance B on $PORT_B, sharing $work/keys"
start_instance a "$PORT_A"
fetch_form "http://127.0.0.1:$PORT_A" "$work/warm.jar" >/dev/null
start_instance b "$PORT_B"

cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/client_body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
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
  }
}
NGINX
echo "== starting nginx on $PROXY_PORT (round robin)"
"$NGINX" -p "$work" -c "$work/nginx.conf"

failures=0
check() { # description expected actual
  if [ "$2" = "$3" ]; then echo "ok    $1"; else echo "FAIL  $1: expected '$2', got '$3'"; failures=$((failures + 1)); fi
}

echo "== a form from instance A, posted to instance B"
token="$(fetch_form "http://127.0.0.1:$PORT_A" "$work/direct.jar")"
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

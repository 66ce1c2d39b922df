#!/usr/bin/env bash
# Sustained load while staff edit files: wrk sends mixed traffic (home, list, articles and the symptom POST
# with a valid token) to a Release build on loopback, while a background loop edits, adds and removes
# content files every 200 ms. Prints requests per second, non-2xx responses (apart from intended 429s),
# p99 latency and the process's memory at the start and the end.
#
#   bench/load.sh                      (60 s, 32 connections, 2 threads)
#   DURATION=10 CONNECTIONS=16 bench/load.sh
#
# Binds to 127.0.0.1 only, works on a copy of content/, and stops everything it starts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-5180}"
# High enough that the symptom POSTs exercise the whole page; lower it to watch intended 429s.
POST_LIMIT="${POST_LIMIT:-100000}"

# shellcheck source=bench/common.sh
source bench/common.sh
ensure_tool wrk wrk
publish_site
cp -r content "$work/content"
start_site site "$PORT" Content__Path="$work/content" RateLimiting__SymptomCheck__PermitLimit="$POST_LIMIT"

# A valid antiforgery token and cookie for the POSTs.
token="$(antiforgery_token "http://127.0.0.1:$PORT" "$work/jar")"
cookie="$(cookie_header "$work/jar")"
slugs="$(ls content/articles | sed -n 's/\.md$//p' | awk '{ printf "\"/articles/%s\",", $0 }')"

cat >"$work/mixed.lua" <<LUA
local paths = { "/", "/articles", ${slugs} }
local post_body = "__RequestVerificationToken=" .. "$(printf '%s' "$token" | sed 's/+/%2B/g; s/\//%2F/g; s/=/%3D/g')" .. "&signs=one-side&signs=starts-in-neck"
local post_headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "$cookie" }
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, limited, other = 0, 0, 0
end

function request()
  counter = counter + 1
  if counter % 5 == 0 then
    return wrk.format("POST", "/symptom-check", post_headers, post_body)
  end
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status == 429 then limited = limited + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_limited, total_other = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_limited = total_limited + thread:get("limited")
    total_other = total_other + thread:get("other")
  end
  io.write(string.format("RESULT requests_per_second=%.0f p50_ms=%.2f p99_ms=%.2f ok=%d rate_limited_429=%d other_non_2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    total_ok, total_limited, total_other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

# Staff at work: every 200 ms change an article, add one, remove it again.
editor() {
  local end=$((SECONDS + DURATION)) n=0
  while [ "$SECONDS" -lt "$end" ]; do
    n=$((n + 1))
    printf '\nEdited during the load test, round %d.\n' "$n" >>"$work/content/articles/what-is-cervicogenic-headache.md"
    sed "s/^title: .*/title: Load test article $n/" "$work/content/articles/causes-and-triggers.md" >"$work/content/articles/load-test-$n.md"
    sleep 0.2
    rm -f "$work/content/articles/load-test-$n.md"
  done
}


echo "== warming up"
wrk -t1 -c4 -d3s -s "$work/mixed.lua" "http://127.0.0.1:$PORT" >/dev/null
memory_start="$(rss_mb "$site_pid") MB"

echo "== load: ${DURATION}s, $CONNECTIONS connections, $THREADS threads, editing files every 200 ms"
editor &
pids+=("$!")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/mixed.lua" "http://127.0.0.1:$PORT" | tee "$work/wrk.txt"
memory_end="$(rss_mb "$site_pid") MB"

result="$(grep '^RESULT' "$work/wrk.txt")"
echo
echo "$result memory_start=\"$memory_start\" memory_end=\"$memory_end\""
other="$(sed -n 's/.*other_non_2xx=\([0-9]*\).*/\1/p' <<<"$result")"
if [ "${other:-1}" -ne 0 ]; then
  echo "FAIL: $other responses were neither 2xx nor an intended 429" >&2
  grep -E "ERR|FTL" "$work/site.log" | head -20 >&2 || true
  exit 1
fi
echo "ok: every response was 2xx or an intended 429"

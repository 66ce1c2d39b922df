#!/usr/bin/env bash
# Runs Lighthouse (npm package, pinned) with Debian's Chromium on the home page, an article, the symptom
# form and a search result from a Release build on loopback, and prints the four category scores per
# page. Target: 100 in performance, accessibility, best practices and SEO on every page.
#
#   tools/lighthouse.sh
#   ARTICLE=manual-therapy QUERY=exercise tools/lighthouse.sh
#
# Installs lighthouse into a temporary folder (never a browser: CHROME_PATH is /usr/bin/chromium, which
# .ci/run installs), binds to 127.0.0.1 only, and stops everything it starts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-13.5.0}"
PORT="${PORT:-5197}"
ARTICLE="${ARTICLE:-what-is-cervicogenic-headache}"
QUERY="${QUERY:-neck exercises}"
export CHROME_PATH=/usr/bin/chromium
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

# shellcheck source=bench/common.sh
source bench/common.sh
ensure_tool chromium chromium
[ -x "$CHROME_PATH" ] || { echo "Chromium is not at $CHROME_PATH" >&2; exit 1; }

echo "== installing lighthouse $LIGHTHOUSE_VERSION (npm)"
npm install --prefix "$work/lighthouse" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
lighthouse="$work/lighthouse/node_modules/.bin/lighthouse"

publish_site
start_site site "$PORT" Content__Path="$PWD/content"
base="http://127.0.0.1:$PORT"

query="$(printf '%s' "$QUERY" | sed 's/ /+/g')"
printf '%-34s %12s %14s %15s %5s\n' page performance accessibility best-practices seo
failed=0
for page in "/" "/articles/$ARTICLE" "/symptom-check" "/search?q=$query"; do
  report="$work/report.json"
  "$lighthouse" "$base$page" --quiet --chrome-flags="$CHROME_FLAGS" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$report" >/dev/null 2>"$work/lighthouse.log" || {
      echo "lighthouse failed on $page:" >&2; tail -20 "$work/lighthouse.log" >&2; exit 1; }
  scores="$(node -e '
    const r = require(process.argv[1]);
    const s = k => Math.round(r.categories[k].score * 100);
    console.log([s("performance"), s("accessibility"), s("best-practices"), s("seo")].join(" "));
  ' "$report")"
  read -r perf a11y best seo <<<"$scores"
  printf '%-34s %12s %14s %15s %5s\n' "$page" "$perf" "$a11y" "$best" "$seo"
  for score in $scores; do [ "$score" -eq 100 ] || failed=1; done
  # Name what cost points, so they can be fixed.
  node -e '
    const r = require(process.argv[1]);
    for (const [key, cat] of Object.entries(r.categories))
      for (const ref of cat.auditRefs)
        if (ref.weight > 0 && r.audits[ref.id].score !== null && r.audits[ref.id].score < 1)
        {
          const audit = r.audits[ref.id];
          console.log(`    ${key}: ${ref.id} (${audit.score}) ${audit.title}`);
          for (const item of (audit.details && audit.details.items || []).slice(0, 5))
            console.log(`      - ${JSON.stringify(item.node ? item.node.snippet : (item.description || item.url || item.source || item)).slice(0, 160)}`);
        }
  ' "$report"
done

[ "$failed" -eq 0 ] && echo "Every page scores 100 in every category." || echo "Some scores are below 100 (details above)."

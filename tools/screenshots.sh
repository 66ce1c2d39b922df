#!/usr/bin/env bash
# Saves a screenshot of every page type at a phone's width (375 px) and a desktop's (1280 px), from a
# Release build on loopback, for a person to look at: home, article list, articles with care cards and
# tables, the symptom form, each of the four results, how-it-works, search and the 404 page.
#
#   tools/screenshots.sh                 (into ./screenshots)
#   OUT=/tmp/shots tools/screenshots.sh
#
# Drives Debian's Chromium (/usr/bin/chromium) with playwright-core from npm, pinned: never a downloaded
# browser. Binds to 127.0.0.1 only and stops everything it starts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.64.1}"
PORT="${PORT:-5198}"
OUT="$(realpath -m "${OUT:-screenshots}")"

# shellcheck source=bench/common.sh
source bench/common.sh
ensure_tool chromium chromium

echo "== installing playwright-core $PLAYWRIGHT_VERSION (npm; no browser download)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$work/pw" --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null

publish_site
start_site site "$PORT" Content__Path="$PWD/content" Site__BaseUrl="http://127.0.0.1:$PORT"
mkdir -p "$OUT"

# Inside the npm folder, so the import finds playwright-core.
cat >"$work/pw/shots.mjs" <<'JS'
import { chromium } from 'playwright-core';
const [base, out] = process.argv.slice(2);
const submit = (...signs) => async page => {
  await page.goto('/symptom-check');
  for (const sign of signs) await page.check(`#sign-${sign}`);
  await page.click('form.symptom-form button[type=submit]');
  await page.waitForSelector('main[data-outcome]');
};
const go = path => page => page.goto(path);
const pages = {
  'home': go('/'),
  'article-list': go('/articles'),
  'article-urgent-help': go('/articles/when-to-get-urgent-help'),
  'article-table': go('/articles/neck-headache-or-migraine'),
  'symptom-form': go('/symptom-check'),
  'outcome-emergency': submit('thunderclap'),
  'outcome-urgent': submit('pregnant', 'one-side'),
  'outcome-gp': submit('throbbing', 'one-side', 'starts-in-neck'),
  'outcome-physio': submit('one-side', 'starts-in-neck', 'neck-movement'),
  'how-it-works': go('/symptom-check/how-it-works'),
  'search': go('/search?q=exercise'),
  'not-found': go('/no-such-page'),
};
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const width of [375, 1280]) {
  for (const [name, open] of Object.entries(pages)) {
    const context = await browser.newContext({ baseURL: base, viewport: { width, height: 800 } });
    const page = await context.newPage();
    await open(page);
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
    await context.close();
    console.log(`${out}/${name}-${width}.png`);
  }
}
await browser.close();
JS
node "$work/pw/shots.mjs" "http://127.0.0.1:$PORT" "$OUT"
echo "== saved $(ls "$OUT"/*.png | wc -l) screenshots in $OUT"

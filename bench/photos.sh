#!/usr/bin/env bash
# How long does a photo from a phone take to upload, resize and store? Makes a 12-megapixel JPEG of about
# 5 MB (4000 × 3000, bench/make-photo.cs), starts the Release build with its own content folder and SQLite
# database, signs an author in and presses "Upload picture" in the article editor with it, through the real
# form (multipart, antiforgery token and all), 5 times; prints the median of the request's total time
# (sending 5 MB over loopback, checking, decoding, making 480/960/1600 px sizes, saving the draft).
#
#   bench/photos.sh            (5 uploads)
#   ROUNDS=1 bench/photos.sh   (proves the script runs)
#
# Target: under 2 s. Also prints the size of the article page with the photo once approved (HTML + CSS,
# target under 40 KB). Binds to 127.0.0.1 only; everything it starts is stopped when it ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ROUNDS="${ROUNDS:-5}"
PORT="${PORT:-5198}"

# shellcheck source=bench/common.sh
source bench/common.sh

echo "== making a 12-megapixel JPEG"
dotnet run bench/make-photo.cs -- "$work/IMG_2034.JPG"
publish_site
mkdir -p "$work/content" "$work/data"
cp -r content/. "$work/content/"
settings=(Content__Path="$work/content" Data__Path="$work/data" RateLimiting__SignIn__PermitLimit=1000)
add_staff author@clinic.example author "${settings[@]}"
add_staff reviewer@clinic.example reviewer "${settings[@]}"
start_site site "$PORT" "${settings[@]}"
base="http://127.0.0.1:$PORT"
staff_sign_in "$base" "$work/author.jar" author@clinic.example
slug="$(find "$work/content/articles" -name '*.md' | head -n 1 | xargs basename -s .md)"

# upload: opens the editor, keeps every field as the page left it, chooses the photo and presses Upload picture.
upload() {
  local page="$work/editor.html" fields=()
  curl -fsS --max-time 10 -b "$work/author.jar" -c "$work/author.jar" -o "$page" "$base/staff/articles/$slug/edit"
  { read -r _; read -r body; } < <(python3 bench/form.py "$page" action=upload-picture PictureAlt="A room at the clinic")
  while IFS= read -r -d '' pair; do fields+=(--form-string "$pair"); done < <(python3 -c '
import sys, urllib.parse
for k, v in urllib.parse.parse_qsl(sys.argv[1], keep_blank_values=True):
    sys.stdout.write(f"{k}={v}\0")' "$body")
  curl -sS --max-time 60 -b "$work/author.jar" -c "$work/author.jar" -o "$work/upload-answer.html" \
    -w '%{http_code} %{time_total}\n' "${fields[@]}" -F "Picture=@$work/IMG_2034.JPG;type=image/jpeg" "$base/staff/articles/$slug/edit"
}

echo "== $ROUNDS uploads of $(($(stat -c %s "$work/IMG_2034.JPG") / 1024)) KB to /staff/articles/$slug/edit"
times=()
for round in $(seq 1 "$ROUNDS"); do
  read -r status seconds < <(upload)
  grep -q 'data-editor-message' "$work/upload-answer.html" && ! grep -q 'data-editor-problem' "$work/upload-answer.html" || {
    echo "round $round: the upload was refused ($status)" >&2
    sed 's/<[^>]*>/ /g' "$work/upload-answer.html" | grep -i -m 5 'picture' >&2
    exit 1
  }
  ms="$(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }')"
  times+=("$ms")
  echo "round $round: $status in $ms ms ($(grep -o 'Picture [a-z0-9-]*\.jpg added' "$work/upload-answer.html"))"
done

echo "== sending for review and approving, then weighing the article page"
submit_form "$base" "$work/author.jar" "/staff/articles/$slug/edit" action=submit-for-review
form_done || form_refused "sending $slug for review"
staff_sign_in "$base" "$work/reviewer.jar" reviewer@clinic.example
staff_approve "$base" "$work/reviewer.jar" "$slug"
form_done || form_refused "approving $slug"
sleep 2
curl -fsS -o "$work/article.html" "$base/articles/$slug"
css="$(grep -o 'href="/css/[^"]*"' "$work/article.html" | head -n 1 | sed 's/href="//; s/"$//')"
curl -fsS -o "$work/site.css" "$base$css"
html_bytes="$(stat -c %s "$work/article.html")"
css_bytes="$(stat -c %s "$work/site.css")"
grep -o '<img [^>]*srcset="[^"]*"[^>]*>' "$work/article.html" | head -n 1

echo
printf '%-52s %10s %s\n' "measure" "result" "target"
printf '%-52s %8s ms %s\n' "12 MP JPEG upload, resized and stored (median of $ROUNDS)" "$(median "${times[@]}")" "under 2000 ms"
printf '%-52s %8s ms %s\n' "slowest of $ROUNDS" "$(printf '%s\n' "${times[@]}" | sort -n | tail -n 1)" "(no target)"
printf '%-52s %8s B  %s\n' "article page with the photos: HTML + CSS" "$((html_bytes + css_bytes))" "under 40960 B"

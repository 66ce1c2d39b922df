# Shared by the scripts in bench/ and deploy/: source it, do not run it.
# Everything started through these helpers binds to 127.0.0.1 and is stopped by the EXIT trap.

work="$(mktemp -d)"
chmod 755 "$work" # nginx's workers run as another user and must be able to read what we serve
pids=()
nginx_confs=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for conf in "${nginx_confs[@]}"; do "$(nginx_bin)" -p "$work" -c "$conf" -s stop 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# ensure_tool COMMAND DEBIAN_PACKAGE: installs Debian's package when the command is missing.
ensure_tool() {
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$1" ]; then
    echo "== installing $2 (Debian's package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "$2"
  fi
}

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

# publish_site: a Release build of the site in $work/app.
publish_site() {
  echo "== building (Release)"
  # PUBLISH_FLAGS tries other builds, such as "-r linux-x64 -p:PublishReadyToRun=true".
  # shellcheck disable=SC2086
  dotnet publish src/HeadacheInfo.Web -c Release -o "$work/app" --nologo -v quiet ${PUBLISH_FLAGS:-} >/dev/null
}

# start_site NAME PORT [VAR=VALUE ...]: starts the published site in Production and waits for /healthz, at most
# START_SECONDS (default 60). Sets site_pid. The log is $work/NAME.log.
start_site() {
  local name="$1" port="$2"
  shift 2
  env ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning "$@" \
    dotnet "$work/app/HeadacheInfo.Web.dll" --contentRoot "$work/app" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
  site_pid=$!
  pids+=("$site_pid")
  wait_for_200 "http://127.0.0.1:$port/healthz" "${START_SECONDS:-60}" || {
    echo "$name did not start; its log:" >&2
    cat "$work/$name.log" >&2
    exit 1
  }
}

# wait_for_200 URL SECONDS: polls until the address answers 200, at most SECONDS.
wait_for_200() {
  local deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1")" = 200 ] && return 0
    sleep 0.05
  done
  return 1
}

# wait_for_text URL TEXT SECONDS: polls until the page at URL holds TEXT, at most SECONDS.
wait_for_text() {
  local deadline=$((SECONDS + $3))
  until curl -fs "$1" | grep -qF "$2"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.01
  done
}

# start_nginx NAME CONFIG_BODY: runs nginx with the given http { } body under $work.
start_nginx() {
  local conf="$work/$1.conf"
  cat >"$conf" <<NGINX
worker_processes 1;
pid $work/$1.pid;
error_log $work/$1-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/client_body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
$2
}
NGINX
  "$(nginx_bin)" -p "$work" -c "$conf"
  nginx_confs+=("$conf")
}

# antiforgery_token URL JAR: the symptom form's token; its cookie goes into JAR.
antiforgery_token() {
  curl -fsS --max-time 10 -c "$2" "$1/symptom-check" \
    | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1
}

# cookie_header JAR: the cookies in a curl jar as one Cookie header value.
# curl writes HttpOnly cookies (the antiforgery cookie is one) with a "#HttpOnly_" prefix.
cookie_header() {
  sed 's/^#HttpOnly_//' "$1" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }'
}

# rss_mb PID: resident memory in MB.
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# now_ms: milliseconds since the epoch.
now_ms() { date +%s%3N; }

# median NUMBER...: the middle value (the mean of the two middle values for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# start_postgres: a throwaway PostgreSQL server (Debian's package) in $work/pg on PG_PORT (default 5199), stopped
# by the EXIT trap. Sets pg_connection (an ADO.NET connection string for ConnectionStrings__Staff).
start_postgres() {
  local port="${PG_PORT:-5199}"
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -x "$pg_bin/initdb" ] || { ensure_tool pg_ctlcluster postgresql; pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"; }
  pg_as=()
  mkdir -p "$work/pg"
  # PostgreSQL refuses to run as root.
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$work/pg"; pg_as=(runuser -u postgres --); fi
  "${pg_as[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w start \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $work/pg -c fsync=off" >/dev/null
  # Globals, not locals: the trap runs after this function has returned.
  trap '"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; cleanup' EXIT
  pg_connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

# generate_articles DIR COUNT: COUNT articles in DIR/articles, copies of the shipped ones with titles of their own.
generate_articles() {
  local shipped=(content/articles/*.md) i
  mkdir -p "$1/articles"
  for i in $(seq 1 "$2"); do
    sed "s/^title: \(.*\)/title: \1 (copy $i)/" "${shipped[$((i % ${#shipped[@]}))]}" >"$1/articles/generated-$i.md"
  done
}

# body_with_paragraph FILE TEXT: the article's body (without its front matter), TEXT a new paragraph before its
# first heading.
body_with_paragraph() {
  awk 'n >= 2 { print; next } /^---$/ { n++ }' "$1" | sed "0,/^## /s//$2\n\n## /"
}

# Staff accounts, made with add-staff and driven through the real forms with curl, one cookie jar each.
staff_password="a long bench passphrase for staff"

# add_staff EMAIL ROLE [VAR=VALUE ...]: adds an account with $staff_password (the VARs name the database).
add_staff() {
  local email="$1" role="$2"
  shift 2
  echo "$staff_password" | env "$@" dotnet "$work/app/HeadacheInfo.Web.dll" add-staff \
    --email "$email" --name "${email%%@*}" --role "$role" --password-stdin >/dev/null
}

# submit_form BASE JAR PATH BUTTON [NAME=VALUE ...]: opens PATH, fills in the form holding BUTTON (see
# bench/form.py) and posts it. Sets form_status, form_location and form_posted_at (milliseconds since the epoch,
# as the post left); the answer is in $work/form-answer.html.
submit_form() {
  local base="$1" jar="$2" path="$3" button="$4" action body
  shift 4
  curl -fsS --max-time 10 -b "$jar" -c "$jar" -o "$work/form-page.html" "$base$path"
  { read -r action; read -r body; } < <(python3 bench/form.py "$work/form-page.html" "$button" "$@")
  [ -n "$action" ] || action="$path"
  form_posted_at="$(now_ms)"
  read -r form_status form_location < <(curl -sS --max-time 30 -b "$jar" -c "$jar" -o "$work/form-answer.html" \
    -w '%{http_code} %{redirect_url}\n' --data "$body" "$base$action")
}

# form_done: whether the last form went through: a redirect, or a page with no alert (role="alert").
form_done() {
  case "$form_status" in
    200 | 302 | 303) ! grep -q 'role="alert"' "$work/form-answer.html" ;;
    *) return 1 ;;
  esac
}

# form_refused WHAT: says what was refused, and why as the answer's alerts say, then fails.
form_refused() {
  echo "$1 answered $form_status" >&2
  # The page's alerts (role="alert"): the editor's problems, a refused sign-in, a conflict.
  awk '/role="alert"/ { on = 1 } on { print } on && /<\/div>/ { on = 0 }' "$work/form-answer.html" \
    | sed 's/<[^>]*>/ /g; s/  */ /g; /^ *$/d' | head -n 10 >&2
  return 1
}

# staff_sign_in BASE JAR EMAIL: signs in, with a new JAR.
staff_sign_in() {
  rm -f "$2"
  submit_form "$1" "$2" /staff/sign-in - Email="$3" Password="$staff_password"
  form_done || form_refused "signing in $3 on $1"
}

# staff_send BASE AUTHOR_JAR SLUG BODY: the author replaces the article's body and presses Send for review.
staff_send() {
  submit_form "$1" "$2" "/staff/articles/$3/edit" action=submit-for-review Body="$4"
  form_done || form_refused "sending $3 for review"
}

# staff_approve BASE REVIEWER_JAR SLUG: the reviewer opens the change from "Your work" and presses Approve and publish.
staff_approve() {
  local review
  curl -fsS --max-time 10 -b "$2" -o "$work/dashboard.html" "$1/staff"
  review="$(awk '/data-work="to-review"/ { on = 1 } on && /<\/ul>/ { on = 0 } on' "$work/dashboard.html" \
    | sed -n "s/.*<li data-slug=\"$3\"><a href=\"\([^\"]*\)\".*/\1/p" | head -n 1)"
  [ -n "$review" ] || { echo "$3 is not waiting for this reviewer" >&2; return 1; }
  submit_form "$1" "$2" "$review" action=approve Comment="Clear and accurate."
  form_done || form_refused "approving $3"
}

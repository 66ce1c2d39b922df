#!/usr/bin/env bash
# Installs a published HeadacheInfo (dotnet publish -c Release -o DIR) on Debian or Ubuntu, behind nginx with HTTPS:
#
#   sudo deploy/install.sh PUBLISHED_DIR --cert CERT_FILE --key KEY_FILE [--base-url https://NAME]
#   sudo deploy/install.sh PUBLISHED_DIR --certbot DOMAIN EMAIL
#
# It makes the user headacheinfo; /opt/headacheinfo (the site, root's), /var/lib/headacheinfo (live data, 0700,
# its files 0600), /var/cache/headacheinfo/mirror (the static mirror nginx serves), /etc/headacheinfo (settings
# and the given certificate, 0750; files 0640, the key 0600); the systemd unit deploy/headacheinfo.service; and the
# nginx site from deploy/nginx-config.sh on port 443. With --certbot, certbot gets and renews the certificate.
# Running it again with the same arguments changes nothing; with a new PUBLISHED_DIR it upgrades the site.
#
#   --root DIR   install under DIR instead of / and skip what needs the real system (the user, ownership, apt,
#                certbot, systemctl, nginx reload): for trying it out and for tests.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
  echo "usage: $0 PUBLISHED_DIR (--cert CERT_FILE --key KEY_FILE [--base-url URL] | --certbot DOMAIN EMAIL) [--root DIR]" >&2
  [ -n "${1:-}" ] && echo "error: $1" >&2
  exit 2
}

[ "$#" -ge 1 ] || usage "PUBLISHED_DIR is missing"
published="$1"
shift
cert_in="" key_in="" domain="" email="" root="" base_url=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --cert) [ "$#" -ge 2 ] || usage "--cert needs a file"; cert_in="$2"; shift 2 ;;
    --key) [ "$#" -ge 2 ] || usage "--key needs a file"; key_in="$2"; shift 2 ;;
    --certbot) [ "$#" -ge 3 ] || usage "--certbot needs DOMAIN and EMAIL"; domain="$2"; email="$3"; shift 3 ;;
    --base-url) [ "$#" -ge 2 ] || usage "--base-url needs an address"; base_url="$2"; shift 2 ;;
    --root) [ "$#" -ge 2 ] || usage "--root needs a folder"; root="$(cd "$2" && pwd)"; shift 2 ;;
    *) usage "unknown argument '$1'" ;;
  esac
done

[ -f "$published/HeadacheInfo.Web.dll" ] || usage "'$published' is not a published site (no HeadacheInfo.Web.dll): run dotnet publish src/HeadacheInfo.Web -c Release -o DIR"
if [ -n "$domain" ]; then
  [ -z "$cert_in$key_in" ] || usage "give --certbot or --cert and --key, not both"
  [[ "$domain" =~ ^[A-Za-z0-9.-]+$ ]] || usage "DOMAIN must be a host name, such as headache.clinic.example: '$domain'"
  [[ "$email" == *@* ]] || usage "EMAIL must be an email address for certbot's notices: '$email'"
  base_url="${base_url:-https://$domain}"
else
  [ -n "$cert_in" ] && [ -n "$key_in" ] || usage "give --cert and --key, or --certbot DOMAIN EMAIL"
  [ -r "$cert_in" ] && [ -r "$key_in" ] || usage "cannot read '$cert_in' or '$key_in'"
fi
real() { [ -z "$root" ]; }
real && [ "$(id -u)" != 0 ] && usage "run it as root (sudo), or with --root DIR to try it out"

user=headacheinfo
app="$root/opt/headacheinfo"
state="$root/var/lib/headacheinfo"
cache="$root/var/cache/headacheinfo"
etc="$root/etc/headacheinfo"
changes=0
say() { echo "== $*"; }
changed() { changes=$((changes + 1)); echo "   changed: $*"; }

# put FILE MODE [OWNER]: writes stdin to FILE only when it differs, then sets the mode (and owner on a real system).
put() {
  local file="$1" mode="$2" owner="${3:-root:root}" new
  new="$(mktemp)"
  cat >"$new"
  mkdir -p "$(dirname "$file")"
  if [ -f "$file" ] && cmp -s "$new" "$file"; then rm -f "$new"; else mv "$new" "$file"; changed "$file"; fi
  [ "$(stat -c %a "$file")" = "${mode#0}" ] || { chmod "$mode" "$file"; changed "mode $mode on $file"; }
  if real; then chown "$owner" "$file"; fi
}

# folder DIR MODE [OWNER]
folder() {
  local dir="$1" mode="$2" owner="${3:-root:root}"
  [ -d "$dir" ] || { mkdir -p "$dir"; changed "$dir"; }
  [ "$(stat -c %a "$dir")" = "${mode#0}" ] || { chmod "$mode" "$dir"; changed "mode $mode on $dir"; }
  if real; then chown "$owner" "$dir"; fi
}

if real; then
  say "packages: dotnet runtime, nginx${domain:+, certbot}"
  [ -x /usr/bin/dotnet ] || { echo "error: /usr/bin/dotnet is missing: install the ASP.NET Core 10 runtime (aspnetcore-runtime-10.0) first" >&2; exit 1; }
  missing=()
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -z "$domain" ] || command -v certbot >/dev/null || missing+=(certbot python3-certbot-nginx)
  if [ "${#missing[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}"
    changed "installed ${missing[*]}"
  fi
  say "user $user"
  if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/headacheinfo --no-create-home --shell /usr/sbin/nologin "$user"
    changed "user $user"
  fi
else
  say "--root $root: the user, ownership, packages, certbot, systemctl and the nginx reload are left out"
fi

say "the site in /opt/headacheinfo"
if ! diff -rq "$published" "$app" >/dev/null 2>&1; then
  rm -rf "$app.new"
  mkdir -p "$(dirname "$app")"
  cp -a "$published" "$app.new"
  chmod -R u=rwX,go=rX "$app.new"
  if real; then chown -R root:root "$app.new"; fi
  rm -rf "$app.old"
  [ -d "$app" ] && mv "$app" "$app.old"
  mv "$app.new" "$app"
  rm -rf "$app.old"
  changed "$app from $published"
fi

say "folders: live data 0700 (files 0600), the mirror, the settings"
folder "$state" 0700 "$user:$user"
find "$state" -type f ! -perm 0600 -exec chmod 0600 {} + -exec echo "   changed: mode 0600 on" {} \; | grep -c . >/dev/null && changes=$((changes + 1)) || true
if real; then chown -R "$user:$user" "$state"; fi
folder "$cache" 0755 "$user:$user"
folder "$cache/mirror" 0755 "$user:$user"
folder "$etc" 0750 "root:$user"

if [ -n "$domain" ]; then
  cert="/etc/letsencrypt/live/$domain/fullchain.pem"
  key="/etc/letsencrypt/live/$domain/privkey.pem"
  if real; then
    say "certificate from certbot for $domain"
    # Kept while valid, renewed by certbot's timer; nginx is reloaded after each renewal.
    certbot certonly --nginx --non-interactive --agree-tos --keep-until-expiring -m "$email" -d "$domain" \
      --deploy-hook "systemctl reload nginx || nginx -s reload"
  fi
else
  say "the given certificate in /etc/headacheinfo"
  cert="/etc/headacheinfo/tls/cert.pem"
  key="/etc/headacheinfo/tls/key.pem"
  folder "$etc/tls" 0700
  put "$root$cert" 0644 <"$cert_in"
  put "$root$key" 0600 <"$key_in"
fi

say "settings /etc/headacheinfo/headacheinfo.env (kept once written: edit it there)"
if [ ! -f "$etc/headacheinfo.env" ]; then
  {
    echo "# HeadacheInfo's settings, read by the service (deploy/headacheinfo.service). Restart it after a change."
    echo "Site__BaseUrl=${base_url:-https://$(hostname -f 2>/dev/null || hostname)}"
  } | put "$etc/headacheinfo.env" 0640 "root:$user"
else
  put "$etc/headacheinfo.env" 0640 "root:$user" <"$etc/headacheinfo.env"
fi

say "the service"
put "$root/etc/systemd/system/headacheinfo.service" 0644 <"$here/headacheinfo.service"

say "the nginx site, HTTPS on 443"
"$here/nginx-config.sh" /var/cache/headacheinfo/mirror http://127.0.0.1:5000 443 "$cert" "$key" \
  | put "$root/etc/nginx/sites-available/headacheinfo" 0644
if [ "$(readlink "$root/etc/nginx/sites-enabled/headacheinfo" 2>/dev/null)" != /etc/nginx/sites-available/headacheinfo ]; then
  mkdir -p "$root/etc/nginx/sites-enabled"
  ln -sfn /etc/nginx/sites-available/headacheinfo "$root/etc/nginx/sites-enabled/headacheinfo"
  changed "$root/etc/nginx/sites-enabled/headacheinfo"
fi

if real; then
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable --quiet headacheinfo
    if [ "$changes" -gt 0 ]; then systemctl restart headacheinfo; else systemctl start headacheinfo; fi
    nginx -t -q && systemctl reload nginx
  else
    echo "   systemd is not running here: start the site by hand, as the unit does:"
    echo "   cd /opt/headacheinfo && umask 077 && runuser -u $user -- env \$(grep -v '^#' /etc/headacheinfo/headacheinfo.env | xargs) ASPNETCORE_ENVIRONMENT=Production Site__Home=/var/lib/headacheinfo Site__StaticMirrorPath=/var/cache/headacheinfo/mirror dotnet /opt/headacheinfo/HeadacheInfo.Web.dll --contentRoot /opt/headacheinfo --urls http://127.0.0.1:5000"
    nginx -t -q && { nginx -s reload 2>/dev/null || nginx; }
  fi
fi

if [ "$changes" -eq 0 ]; then say "nothing changed"; else say "$changes change(s)"; fi

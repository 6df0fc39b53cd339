#!/usr/bin/env bash
# install.sh - install or upgrade the BacGiang.Cnscd portal on ONE Debian 12 server.
#
#   sudo ./install.sh PUBLISH_DIR [--domain cnscd.example.vn] [--admin-email admin@example.vn]
#
# PUBLISH_DIR is the output of `dotnet publish -c Release -r linux-x64 --self-contained true`
# (it contains the executable BacGiang.Cnscd.Web). Run the script from this deploy folder or give
# its path; the unit files, nginx site and helper scripts are taken from next to the script.
#
# Safe to run again (idempotent): it creates only what is missing, never overwrites
# /etc/cnscd/cnscd.env or an existing nginx site, and on an upgrade stops the portal, replaces
# /opt/cnscd (the previous build is kept in /opt/cnscd.previous), migrates and starts it again.
# It never prints the database password.
set -euo pipefail

readonly APP_DIR=/opt/cnscd
readonly ETC_DIR=/etc/cnscd
readonly ENV_FILE=$ETC_DIR/cnscd.env
readonly STATE_DIR=/var/lib/cnscd
readonly LOG_DIR=/var/log/cnscd
readonly SERVICE_USER=cnscd
readonly DB_NAME=cnscd
readonly DB_ROLE=cnscd
readonly SITE_AVAILABLE=/etc/nginx/sites-available/cnscd
readonly SITE_ENABLED=/etc/nginx/sites-enabled/cnscd
readonly PLACEHOLDER_DOMAIN=cnscd.example.vn
readonly PACKAGES=(postgresql nginx curl ca-certificates tzdata libicu72 libssl3 zlib1g)

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}
step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die()  { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- arguments
PUBLISH_DIR=""
DOMAIN=""
ADMIN_EMAIL=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage 0 ;;
        --domain) [[ $# -ge 2 ]] || usage 2; DOMAIN="$2"; shift 2 ;;
        --admin-email) [[ $# -ge 2 ]] || usage 2; ADMIN_EMAIL="$2"; shift 2 ;;
        -*) echo "unknown option $1" >&2; usage 2 ;;
        *) [[ -z "$PUBLISH_DIR" ]] || usage 2; PUBLISH_DIR="$1"; shift ;;
    esac
done
[[ -n "$PUBLISH_DIR" ]] || usage 2
[[ $EUID -eq 0 ]] || die "run as root (sudo $0 ...)"
[[ -d "$PUBLISH_DIR" ]] || die "$PUBLISH_DIR is not a directory"
PUBLISH_DIR="$(cd "$PUBLISH_DIR" && pwd)"
[[ -x "$PUBLISH_DIR/BacGiang.Cnscd.Web" && -f "$PUBLISH_DIR/BacGiang.Cnscd.Web.dll" ]] \
    || die "$PUBLISH_DIR does not look like the publish output (no executable BacGiang.Cnscd.Web)"
if [[ -n "$DOMAIN" && ! "$DOMAIN" =~ ^[A-Za-z0-9.-]+$ ]]; then die "--domain: not a host name: $DOMAIN"; fi
if [[ -n "$ADMIN_EMAIL" && ! "$ADMIN_EMAIL" =~ ^[^[:space:]@]+@[^[:space:]@]+$ ]]; then die "--admin-email: not an e-mail address"; fi
for f in cnscd.service cnscd-backup.service cnscd-backup.timer cnscd.env.example nginx-cnscd.conf backup-cnscd.sh cnscd-cli; do
    [[ -f "$SCRIPT_DIR/$f" ]] || die "$SCRIPT_DIR/$f is missing; run the script from the deploy folder"
done

as_postgres() { runuser -u postgres -- "$@"; }
# psql as the postgres superuser over the local socket. SQL with secrets goes in on stdin, never
# on the command line (which every user can read in /proc).
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 "$@"; }
sql_value() { psql_admin -tA "$@"; }

# ---------------------------------------------------------------- 1. packages
step "1/9 Debian packages: ${PACKAGES[*]}"
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    info "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
else
    info "all installed"
fi

if [[ ! -e "$PUBLISH_DIR/libcoreclr.so" ]]; then
    # Framework-dependent publish: the ASP.NET Core 10 runtime must be installed (README, step 3).
    if ! command -v dotnet >/dev/null || ! dotnet --list-runtimes | grep -q '^Microsoft.AspNetCore.App 10\.'; then
        die "$PUBLISH_DIR is framework-dependent but the ASP.NET Core 10 runtime is not installed; publish with --self-contained true or install aspnetcore-runtime-10.0 (see README)"
    fi
fi

# ---------------------------------------------------------------- 2. PostgreSQL running
step "2/9 PostgreSQL service"
systemctl enable --now postgresql >/dev/null
for _ in $(seq 1 30); do
    as_postgres pg_isready -q && break
    sleep 1
done
as_postgres pg_isready -q || die "PostgreSQL does not answer on the local socket (systemctl status postgresql@15-main)"
info "ready"

# ---------------------------------------------------------------- 3. system user and folders
step "3/9 system user $SERVICE_USER and folders"
if id -u "$SERVICE_USER" >/dev/null 2>&1; then
    info "user $SERVICE_USER exists"
else
    useradd --system --user-group --home-dir "$STATE_DIR" --no-create-home \
        --shell /usr/sbin/nologin --comment "BacGiang.Cnscd portal" "$SERVICE_USER"
    info "created user $SERVICE_USER (home $STATE_DIR)"
fi
# HOME of the service: data-protection keys live in $STATE_DIR/.aspnet/DataProtection-Keys.
install -d -m 0750 -o "$SERVICE_USER" -g "$SERVICE_USER" "$STATE_DIR" "$LOG_DIR"
install -d -m 0750 -o root -g "$SERVICE_USER" "$ETC_DIR"

# ---------------------------------------------------------------- 4. database role, database, settings
step "4/9 database role $DB_ROLE, database $DB_NAME and $ENV_FILE"
role_exists="$(sql_value -c "SELECT count(*) FROM pg_roles WHERE rolname = '$DB_ROLE'")"
set_role_password() { # $1 = CREATE or ALTER; password in $db_password; SQL on stdin only
    printf "%s ROLE %s WITH LOGIN PASSWORD '%s';\n" "$1" "$DB_ROLE" "$db_password" | psql_admin
}
if [[ ! -f "$ENV_FILE" ]]; then
    # 24 random bytes as 48 hex digits: strong, and safe in a connection string, in systemd's
    # EnvironmentFile and in bash.
    db_password="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
    if [[ "$role_exists" == 1 ]]; then
        set_role_password ALTER
        info "role $DB_ROLE existed: its password was replaced by a new generated one"
    else
        set_role_password CREATE
        info "created role $DB_ROLE with a generated password"
    fi
    template="$(<"$SCRIPT_DIR/cnscd.env.example")"
    (umask 027; printf '%s\n' "${template//CHANGE_ME/$db_password}" > "$ENV_FILE.new")
    chown root:"$SERVICE_USER" "$ENV_FILE.new"
    chmod 0640 "$ENV_FILE.new"
    mv "$ENV_FILE.new" "$ENV_FILE"
    info "wrote $ENV_FILE (mode 0640 root:$SERVICE_USER; the password is only in there)"
else
    info "$ENV_FILE exists: kept as it is"
    if [[ "$role_exists" != 1 ]]; then
        db_password="$(sed -n 's/.*[Pp]assword=\([^;"]*\).*/\1/p' "$ENV_FILE" | head -n 1)"
        [[ -n "$db_password" && "$db_password" != CHANGE_ME ]] \
            || die "role $DB_ROLE does not exist and $ENV_FILE has no usable Password=; fix the file or delete it to generate one"
        set_role_password CREATE
        info "created role $DB_ROLE with the password from $ENV_FILE"
    else
        info "role $DB_ROLE exists"
    fi
fi
unset db_password template

if [[ "$(sql_value -c "SELECT count(*) FROM pg_database WHERE datname = '$DB_NAME'")" == 1 ]]; then
    info "database $DB_NAME exists"
else
    # UTF-8 whatever the server locale is, with Vietnamese sort order (ICU) for ORDER BY on names.
    psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_ROLE ENCODING 'UTF8' TEMPLATE template0 LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN'"
    info "created database $DB_NAME (UTF8, collation ICU vi-VN)"
fi

# ---------------------------------------------------------------- 5. application files
step "5/9 application files in $APP_DIR"
was_running=0
if systemctl is-active --quiet cnscd; then
    was_running=1
    systemctl stop cnscd
    info "stopped cnscd"
fi
if [[ "$PUBLISH_DIR" == "$APP_DIR" ]]; then
    info "publish folder is $APP_DIR itself: nothing to copy"
else
    rm -rf "$APP_DIR.new"
    mkdir -p "$APP_DIR.new"
    cp -a "$PUBLISH_DIR/." "$APP_DIR.new/"
    # Owned by root, readable by everyone: the service can run the build but never change it.
    chown -R root:root "$APP_DIR.new"
    chmod -R u+rwX,go+rX,go-w "$APP_DIR.new"
    if [[ -d "$APP_DIR" ]]; then
        rm -rf "$APP_DIR.previous"
        mv "$APP_DIR" "$APP_DIR.previous"
        info "previous build kept in $APP_DIR.previous"
    fi
    mv "$APP_DIR.new" "$APP_DIR"
    info "copied $PUBLISH_DIR -> $APP_DIR"
fi

# ---------------------------------------------------------------- 6. systemd units and helpers
step "6/9 systemd units and helper scripts"
install -m 0755 "$SCRIPT_DIR/cnscd-cli" /usr/local/sbin/cnscd-cli
install -m 0750 "$SCRIPT_DIR/backup-cnscd.sh" /usr/local/sbin/backup-cnscd
install -m 0644 "$SCRIPT_DIR/cnscd.service" "$SCRIPT_DIR/cnscd-backup.service" "$SCRIPT_DIR/cnscd-backup.timer" \
    /etc/systemd/system/
systemctl daemon-reload
systemctl enable cnscd.service cnscd-backup.timer >/dev/null
systemctl start cnscd-backup.timer
info "installed cnscd.service, cnscd-backup.service, cnscd-backup.timer, /usr/local/sbin/{cnscd-cli,backup-cnscd}"

# ---------------------------------------------------------------- 7. schema, units, admin
step "7/9 database schema and data"
/usr/local/sbin/cnscd-cli migrate
if [[ "$(sql_value -d "$DB_NAME" -c 'SELECT count(*) FROM "AdministrativeUnits"')" == 0 ]]; then
    /usr/local/sbin/cnscd-cli seed-units
else
    info "administrative units already present: seed-units skipped"
fi

admin_failed=0
if [[ -n "$ADMIN_EMAIL" ]]; then
    exists="$(sql_value -d "$DB_NAME" -v email="$ADMIN_EMAIL" <<'SQL'
SELECT count(*) FROM "AspNetUsers" WHERE "NormalizedEmail" = upper(:'email');
SQL
)"
    if [[ "$exists" != 0 ]]; then
        info "account $ADMIN_EMAIL exists: create-admin skipped"
    else
        if [[ -t 0 ]]; then
            read -rs -p "    Password for $ADMIN_EMAIL (at least 12 characters): " admin_password; echo
            read -rs -p "    Same password again: " admin_password2; echo
            [[ "$admin_password" == "$admin_password2" ]] || die "the two passwords differ; run the script again"
            unset admin_password2
        else
            IFS= read -r admin_password || die "--admin-email: no password on standard input"
        fi
        if printf '%s\n' "$admin_password" | /usr/local/sbin/cnscd-cli create-admin --email "$ADMIN_EMAIL"; then
            :
        else
            admin_failed=1
        fi
        unset admin_password
    fi
fi

# ---------------------------------------------------------------- 8. start and check
step "8/9 start the portal"
systemctl restart cnscd
if [[ $was_running == 1 ]]; then info "restarted after the upgrade"; fi
# shellcheck source=/dev/null
listen_url="$(. "$ENV_FILE" && printf '%s' "${ASPNETCORE_URLS:-http://127.0.0.1:5000}")"
listen_url="${listen_url%%;*}"
ready=0
for _ in $(seq 1 60); do
    if curl -fsS --max-time 5 "$listen_url/health/ready" >/dev/null 2>&1; then ready=1; break; fi
    sleep 1
done
if [[ $ready == 1 ]]; then
    info "$listen_url/health/ready: $(curl -fsS --max-time 5 "$listen_url/health/ready")"
else
    die "the portal is not ready after 60 s: journalctl -u cnscd -n 50 --no-pager; curl -s $listen_url/health/ready"
fi

# ---------------------------------------------------------------- 9. nginx
step "9/9 nginx site"
systemctl enable --now nginx >/dev/null
if [[ -f "$SITE_AVAILABLE" ]]; then
    info "$SITE_AVAILABLE exists: kept as it is"
    if [[ -n "$DOMAIN" ]] && ! grep -q "server_name $DOMAIN;" "$SITE_AVAILABLE"; then
        info "WARNING: --domain $DOMAIN is not the server_name of the existing site; edit it by hand"
    fi
else
    site="$(<"$SCRIPT_DIR/nginx-cnscd.conf")"
    if [[ -n "$DOMAIN" ]]; then site="${site//$PLACEHOLDER_DOMAIN/$DOMAIN}"; fi
    printf '%s\n' "$site" > "$SITE_AVAILABLE"
    chmod 0644 "$SITE_AVAILABLE"
    info "wrote $SITE_AVAILABLE${DOMAIN:+ for $DOMAIN}"
fi
cert="$(awk '$1 == "ssl_certificate" { sub(/;$/, "", $2); print $2; exit }' "$SITE_AVAILABLE")"
key="$(awk '$1 == "ssl_certificate_key" { sub(/;$/, "", $2); print $2; exit }' "$SITE_AVAILABLE")"
site_enabled=0
if grep -q "$PLACEHOLDER_DOMAIN" "$SITE_AVAILABLE"; then
    info "NOT enabled: $SITE_AVAILABLE still names $PLACEHOLDER_DOMAIN; set server_name and the"
    info "certificate paths (or rerun with --domain after deleting the file), then run this script again"
elif [[ ! -f "$cert" || ! -f "$key" ]]; then
    info "NOT enabled: certificate $cert or key $key not found. Get one (README, 'TLS certificate'),"
    info "for example: certbot certonly --webroot -w /var/www/html -d ${DOMAIN:-<domain>} --deploy-hook 'systemctl reload nginx'"
    info "then run this script again"
else
    was_linked=0
    if [[ -L "$SITE_ENABLED" ]]; then was_linked=1; fi
    ln -sfn "$SITE_AVAILABLE" "$SITE_ENABLED"
    if nginx -t; then
        systemctl reload nginx
        site_enabled=1
        info "site enabled, nginx reloaded"
    elif [[ $was_linked == 0 ]]; then
        rm -f "$SITE_ENABLED"
        die "nginx -t failed with the cnscd site enabled; it was disabled again and nginx keeps running its old configuration"
    else
        die "nginx -t fails (see above); nginx was not reloaded and keeps running its old configuration"
    fi
fi

# ---------------------------------------------------------------- summary
step "done"
info "portal:   systemctl status cnscd   |   journalctl -u cnscd -f   |   $LOG_DIR/cnscd-*.log"
info "settings: $ENV_FILE (then systemctl restart cnscd)"
info "backups:  nightly to /var/backups/cnscd (systemctl list-timers cnscd-backup)"
if [[ $site_enabled == 1 ]]; then
    info "open:     https://$(awk '$1 == "server_name" { sub(/;$/, "", $2); print $2; exit }' "$SITE_AVAILABLE")/"
fi
if [[ "$(sql_value -d "$DB_NAME" -c 'SELECT count(*) FROM "AspNetUsers"')" == 0 ]]; then
    info "no account yet (there are no demo accounts in Production). Create the province admin:"
    info "  read -rs PW && printf '%s\\n' \"\$PW\" | cnscd-cli create-admin --email admin@example.vn --name \"Họ tên\"; unset PW"
fi
if [[ $admin_failed == 1 ]]; then
    die "create-admin failed (see the message above); fix it and run the create-admin command again"
fi

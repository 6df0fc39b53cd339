#!/usr/bin/env bash
# backup-cnscd.sh - nightly backup (sao lưu) of the BacGiang.Cnscd PostgreSQL database.
#
# Writes /var/backups/cnscd/cnscd-YYYYMMDD-HHMMSS.dump (pg_dump custom format, compressed),
# checks that pg_restore can read it, then deletes dumps older than KEEP_DAYS days.
# Installed as /usr/local/sbin/backup-cnscd and run by cnscd-backup.timer; run it by hand as root
# at any time (for example before an upgrade).
#
# Restore (khôi phục) into an empty database, as root:
#   systemctl stop cnscd
#   runuser -u postgres -- dropdb cnscd
#   runuser -u postgres -- createdb -O cnscd -E UTF8 -T template0 --locale=C.UTF-8 --locale-provider=icu --icu-locale=vi-VN cnscd
#   runuser -u postgres -- pg_restore -d cnscd --no-owner --role=cnscd /var/backups/cnscd/cnscd-....dump
#   systemctl start cnscd
set -euo pipefail

DB_NAME="${CNSCD_DB_NAME:-cnscd}"
BACKUP_DIR="${CNSCD_BACKUP_DIR:-/var/backups/cnscd}"
KEEP_DAYS="${CNSCD_BACKUP_KEEP_DAYS:-14}"

# Dumps contain personal data: only root may read them.
umask 077

if [[ $EUID -ne 0 ]]; then
    echo "backup-cnscd: run as root" >&2
    exit 1
fi

# pg_dump runs as the postgres superuser over the local socket (peer authentication), so no
# password is needed here. Output goes to a file opened by root.
as_postgres() { runuser -u postgres -- "$@"; }

install -d -m 0700 -o root -g root "$BACKUP_DIR"

stamp="$(date +%Y%m%d-%H%M%S)"
target="$BACKUP_DIR/$DB_NAME-$stamp.dump"
partial="$target.partial"
trap 'rm -f "$partial"' EXIT

as_postgres pg_dump --format=custom --compress=6 --dbname="$DB_NAME" > "$partial"
# A dump that pg_restore cannot list is no backup: fail (and keep the old ones) instead.
as_postgres pg_restore --list < "$partial" > /dev/null
mv "$partial" "$target"
trap - EXIT

# Keep KEEP_DAYS days: with one dump a night, that is the newest KEEP_DAYS files.
find "$BACKUP_DIR" -maxdepth 1 -type f -name "$DB_NAME-*.dump" -mtime "+$((KEEP_DAYS - 1))" -print -delete

echo "backup-cnscd: wrote $target ($(du -h "$target" | cut -f1))"

#!/usr/bin/env bash
# Runs every test of the solution, on a fresh Debian 12 machine as root:
#  1. installs what the tests need from Debian's packages when it is missing (postgresql, chromium, libreoffice, poppler);
#  2. starts a throwaway PostgreSQL on 127.0.0.1 (a temp data directory, fsync off);
#  3. builds the solution and runs all test projects (SQLite, PostgreSQL, bUnit, Chromium through Playwright);
#  4. stops what it started and prints one closing line "N passed, N failed, N skipped".
# Exit code: 0 only when every test passed and none was skipped.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
configuration=${CONFIGURATION:-Release}
results=$(mktemp -d /tmp/cnscd-test-results.XXXXXX)

log() { printf '[run-all] %s\n' "$*"; }

# --- 1. What the tests need -------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The report layout tests print .docx to PDF and read it back (issue 14); Liberation Serif 2 is Times New Roman's metric
# twin with every Vietnamese glyph (the 1.x of fonts-liberation falls back to DejaVu for some).
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer libreoffice-calc)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Run this script as root, or install them first." >&2
    exit 2
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET SDK (dotnet) is not on PATH." >&2; exit 2; }

# --- 2. A throwaway PostgreSQL ------------------------------------------------------------
bin=$(pg_bin)
pgdata=$(mktemp -d /tmp/cnscd-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$pgdata"
  as_pg=(runuser -u postgres --)
fi
stop_postgres() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdata"
}
trap 'stop_postgres' EXIT
"${as_pg[@]}" "$bin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
port=""
for attempt in 1 2 3 4 5; do
  candidate=$((20000 + RANDOM % 30000))
  if "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdata" -w -t 30 -l "$pgdata/server.log" \
      -o "-p $candidate -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || { echo "Could not start PostgreSQL:" >&2; cat "$pgdata/server.log" >&2; exit 2; }
log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export CNSCD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
export CNSCD_TEST_CHROMIUM=$(command -v chromium)

# --- 3. Build and test -------------------------------------------------------------------
log "building ($configuration)"
dotnet tool restore >/dev/null
dotnet build BacGiang.Cnscd.sln -c "$configuration" -nologo -v quiet
status=0
for project in tests/*/*.csproj; do
  grep -q "<IsTestProject>true</IsTestProject>" "$project" || continue   # benchmarks are run by hand, see docs/performance.md
  name=$(basename "$project" .csproj)
  log "testing $name"
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

# --- 4. The closing line -----------------------------------------------------------------
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed_here=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${failed_here:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
rm -rf "$results"
if [ "$passed" -eq 0 ]; then status=1; fi
if [ "$skipped" -gt 0 ]; then status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status

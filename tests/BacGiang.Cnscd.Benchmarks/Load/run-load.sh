#!/usr/bin/env bash
# The dashboard load run in one command: builds the portal in Release, starts it on loopback with demo data in a fresh
# SQLite file and the load-run diagnostics, runs the load (any arguments are passed on, e.g. --sessions 200
# --rounds 3 --think-ms 10000) and stops the portal. Needs Debian's chromium (CNSCD_TEST_CHROMIUM to use another).
# Figures and their reading: docs/performance.md, "Dashboards (issue 7)".
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d /tmp/cnscd-load.XXXXXX)"
port="${CNSCD_LOAD_PORT:-5155}"
url="http://127.0.0.1:$port"

dotnet build "$root/src/BacGiang.Cnscd.Web" -c Release -o "$work/portal" -nologo -v q
dotnet build "$root/tests/BacGiang.Cnscd.Benchmarks" -c Release -nologo -v q

ASPNETCORE_ENVIRONMENT=Development dotnet "$work/portal/BacGiang.Cnscd.Web.dll" --urls "$url" \
  "--ConnectionStrings:Cnscd=Data Source=$work/load.db" --Demo:Enabled=true --Diagnostics:LoadRun=true >"$work/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null || true; wait $portal 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$url/_load/memory" >/dev/null && break
  kill -0 $portal 2>/dev/null || { echo "the portal did not start; see $work/portal.log" >&2; exit 1; }
  sleep 1
done

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
CNSCD_TEST_CHROMIUM="${CNSCD_TEST_CHROMIUM:-/usr/bin/chromium}" \
  dotnet "$root/tests/BacGiang.Cnscd.Benchmarks/bin/Release/net10.0/BacGiang.Cnscd.Benchmarks.dll" load --url "$url" "$@"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

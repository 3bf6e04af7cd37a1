#!/usr/bin/env bash
# Runs every test (domain, persistence, web integration, browser) and ends with "N passed, N failed".
# Installs what the tests need first: Chromium and poppler-utils from Debian, Node/npm for the
# front end, and the dotnet-ef local tool.
set -uo pipefail
cd "$(dirname "$0")/.."
bash build/prerequisites.sh || { echo "0 passed, 1 failed"; exit 1; }
# Every test host watches its settings files, and Linux allows 128 watchers per user by default: a
# machine running several test projects at once runs out ("inotify instances limit (128) reached").
# Raise the limit where we may; elsewhere the tests still pass one project at a time.
if [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)" -lt 1024 ]; then
  { [ "$(id -u)" -eq 0 ] && sysctl -q -w fs.inotify.max_user_instances=1024; } 2>/dev/null \
    || sudo -n sysctl -q -w fs.inotify.max_user_instances=1024 2>/dev/null || true
fi

# The tests choose their database from TEST_DATABASE (Sqlite or SqlServer, with TEST_SQLSERVER_CONNECTION):
# say Sqlite out loud, so the switch the SQL Server workflow uses is the path every run takes.
export TEST_DATABASE="${TEST_DATABASE:-Sqlite}"
echo "Tests run on $TEST_DATABASE"

results=$(mktemp -d)
dotnet test Commissioning.sln --nologo --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}

# Each test project ends with a block: "Total tests: N", "     Passed: N", "     Failed: N", "    Skipped: N".
count() { grep -oE "^ +$1: +[0-9]+" "$results/test.log" | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
projects=$(find tests -name '*.csproj' | wc -l)
reported=$(grep -cE '^Total tests: +[0-9]+' "$results/test.log")
if [ "$reported" -lt "$projects" ]; then
  # A project that did not build or whose test host crashed reports no block: count it as a failure.
  failed=$((failed + projects - reported))
  status=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]

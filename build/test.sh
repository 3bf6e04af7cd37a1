#!/usr/bin/env bash
# Runs every test (domain, persistence, web integration, browser) and ends with "N passed, N failed".
# Installs what the tests need first: Chromium and poppler-utils from Debian, Node/npm for the
# front end, and the dotnet-ef local tool.
set -uo pipefail
cd "$(dirname "$0")/.."
bash build/prerequisites.sh || { echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
dotnet test Commissioning.sln --nologo --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}

# One summary line per test project: "Passed!  - Failed: 0, Passed: 57, Skipped: 0, Total: 57, ..."
read -r passed failed skipped < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results/test.log" |
  awk -F'[:,] *' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
projects=$(find tests -name '*.csproj' | wc -l)
reported=$(grep -cE 'Failed: +[0-9]+, Passed: +[0-9]+' "$results/test.log")
if [ "$reported" -lt "$projects" ]; then
  # A project that did not build or crashed reports no line: count it as a failure.
  failed=$((failed + projects - reported))
  status=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]

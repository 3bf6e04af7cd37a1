#!/usr/bin/env bash
# Prints the wall time of each test project run on its own (one after another, after one build),
# then of the whole solution as build/test.sh runs it (projects in parallel).
# Usage: bash bench/test-times.sh [--no-solution]
# Compare before/after on the same quiet machine: the load average is printed with the figures.
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build Commissioning.sln -nologo -v q >/dev/null || { echo "build failed"; exit 1; }
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  $(date -u +%FT%TZ)  $(git rev-parse --short HEAD)"
for project in $(find tests -name '*.csproj' | sort); do
  start=$(date +%s.%N)
  summary=$(dotnet test "$project" --no-build --nologo 2>&1 | grep -E '^(Passed!|Failed!)' | tail -1)
  end=$(date +%s.%N)
  printf '%-45s %7.1f s  %s\n' "$(basename "$project" .csproj)" "$(echo "$end - $start" | bc)" "${summary:-no summary}"
done
if [ "${1:-}" != "--no-solution" ]; then
  start=$(date +%s.%N)
  summary=$(dotnet test Commissioning.sln --no-build --nologo 2>&1 | grep -cE '^Passed!')
  end=$(date +%s.%N)
  printf '%-45s %7.1f s  (%s projects passed)\n' "whole solution (parallel)" "$(echo "$end - $start" | bc)" "$summary"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

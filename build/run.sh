#!/usr/bin/env bash
# Runs the app on the embedded SQLite database with demo data, at http://localhost:5080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build/prerequisites.sh
exec dotnet run --project src/Commissioning.Web --launch-profile http -- --Demo:Enabled=true "$@"

#!/usr/bin/env bash
# A consistent copy of the embedded SQLite register while the app runs: SQLite's online backup through the
# app's own `backup` command, never a file copy (the -wal file beside the database holds saves the main file
# has not got yet). It finds the database as the app does: ConnectionStrings:Commissioning, else
# App_Data/commissioning.db under the content root. It refuses on SQL Server. Restore: docs/operations.md.
#   bash build/backup.sh DEST [--ConnectionStrings:Commissioning="Data Source=/path/commissioning.db"]
# From the repository it runs the app as build/run.sh does (content root src/Commissioning.Web). For a
# published app, name its folder (its content root): COMMISSIONING_APP=/app bash build/backup.sh DEST
set -euo pipefail
if [ $# -lt 1 ] || [[ "$1" == -* ]]; then
  echo "Usage: bash build/backup.sh DEST [--Setting=value ...]" >&2
  exit 2
fi
dest=$(realpath -m -- "$1")
shift
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${COMMISSIONING_APP:-}" ]; then
  cd "$COMMISSIONING_APP"
  exec dotnet Commissioning.Web.dll backup "$dest" "$@"
fi
exec dotnet run --project "$root/src/Commissioning.Web" --launch-profile http -- backup "$dest" "$@"

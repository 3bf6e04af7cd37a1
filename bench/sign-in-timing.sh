#!/usr/bin/env bash
# Median answer time of a failed sign-in for a known e-mail and for an unknown one, and their ratio
# (issue 13, defect 2: before the fix 157 ms against 6.8 ms, because an unknown address skipped the hash).
# Usage: bash bench/sign-in-timing.sh [tries]      (default 50 of each, interleaved)
#   BASE=http://host:port to time a running app instead; otherwise this builds and starts one on 127.0.0.1:5097
#   with the demo data in a temporary SQLite file. Its own app raises Security:FailuresBeforeDelay and the
#   per-minute limit so that the form is timed, not the throttle (against a real app, 5 failures start the delays).
set -euo pipefail
cd "$(dirname "$0")/.."
tries=${1:-50}
base=${BASE:-}
work=$(mktemp -d)
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "$base" ]; then
  base=http://127.0.0.1:5097
  dotnet build src/Commissioning.Web -nologo -v q >/dev/null
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$base Demo__Enabled=true \
    ConnectionStrings__Commissioning="Data Source=$work/bench.db" Database__Provider=Sqlite \
    Security__FailuresBeforeDelay=100000 Security__SignInAttemptsPerMinute=100000 Logging__LogLevel__Default=Warning \
    dotnet run --project src/Commissioning.Web --no-build --no-launch-profile >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
  curl -sf "$base/health" >/dev/null || { echo "the app did not start:"; tail -20 "$work/app.log"; exit 1; }
fi

# One failed sign-in: read the form (token and cookie), then time the POST alone.
attempt() {
  local email=$1 jar="$work/jar" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$base/Account/SignIn" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=not-the-password-$RANDOM" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/SignIn"
}

median() { sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }'; }

attempt warm-up@demo.test >/dev/null; attempt viewer@demo.test >/dev/null
for i in $(seq 1 "$tries"); do
  attempt viewer@demo.test >>"$work/known"
  attempt "nobody-$i@demo.test" >>"$work/unknown"
done
known=$(median <"$work/known")
unknown=$(median <"$work/unknown")
echo "$(date -u +%FT%TZ) $(git rev-parse --short HEAD) load $(cut -d' ' -f1 /proc/loadavg), $tries tries each"
echo "known e-mail, wrong password: median $known ms"
echo "unknown e-mail:               median $unknown ms"
awk -v k="$known" -v u="$unknown" 'BEGIN { printf "ratio known/unknown: %.2f\n", k / u }'

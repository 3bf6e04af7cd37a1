#!/usr/bin/env bash
# Every main page at 1 and at 10 connections (wrk), and the same page's SQL alone (its "floor", bench/SqlFloor),
# interleaved, in one table with the issue 15 targets; then the app's and Chromium's memory. How to read it:
# docs/performance.md. Prints the table and writes it to bench/results/<date>-<commit>.md.
#
# Usage: bash bench/pages.sh
#   CONTRACTS=10000      Demo:ExtraContracts for the fresh database (0: the plain demo data)
#   DURATION=10s         each wrk run; short mode: DURATION=3s
#   PDF_REQUESTS=8       the PDF rows are counted, not timed: this many renders one after another, then this many
#                        on each of PDF_CONNECTIONS=4 connections at once (instead of 10)
#   FLOOR_SECONDS=2      each replay of a page's SQL (one after each of the page's two wrk runs)
#   MIN_REQUESTS=5       a page slower than its wrk run allows (fewer answers than this) is counted with curl instead
#   WARMUP=2s            wrk run per page before measuring (PDFs: 3 requests)
#   SHORT=1              a quick look: DURATION=3s FLOOR_SECONDS=1 WARMUP=1s PDF_REQUESTS=3 unless set
#   APP_DIR=/path        build and measure that checkout instead of this one (the old code, say); the floor needs
#                        its app to have the "Bench SQL capture:" commit (git cherry-pick it there)
#   SEED_DB=/path.db     start from a copy of that database instead of seeding a fresh one
#   CAPTURE_ONLY=1       no timed runs: each page's slowest statements, with their times (CAPTURE_ONLY_TOP=4 of them)
#   AFTER_SAVE=3         the first answer after a save, timed this many times a page (what pages keep between saves
#                        is worked out again: a row written to the audit trail marks the register changed)
#   NO_BUILD=1           use the app and SqlFloor as last built (a second run in a row)
#   PORT=5098 SEARCH=care EXPORT_TABLE=due CONTRACT_ID= KEEP_WORK=1 (keeps the database, captured SQL, logs)
# Needs wrk, curl, jq and sqlite3 (Debian: sudo apt-get install -y wrk curl jq sqlite3), the .NET SDK and npm.
set -euo pipefail
bench_dir=$(cd "$(dirname "$0")" && pwd)
app_dir=$(cd "${APP_DIR:-$bench_dir/..}" && pwd)
web_dir=$app_dir/src/Commissioning.Web
contracts=${CONTRACTS:-10000}
if [ -n "${SHORT:-}" ]; then : "${DURATION:=3s}" "${FLOOR_SECONDS:=1}" "${WARMUP:=1s}" "${PDF_REQUESTS:=3}"; fi
duration=${DURATION:-10s}
pdf_requests=${PDF_REQUESTS:-8}
pdf_connections=${PDF_CONNECTIONS:-4}
floor_seconds=${FLOOR_SECONDS:-2}
warmup=${WARMUP:-2s}
min_requests=${MIN_REQUESTS:-5}
port=${PORT:-5098}
search=${SEARCH:-care}
export_table=${EXPORT_TABLE:-due}
password=${DEMO_PASSWORD:-care-register-demo}
base=http://127.0.0.1:$port

for tool in wrk curl jq sqlite3 dotnet; do
  command -v "$tool" >/dev/null || { echo "bench/pages.sh needs $tool (Debian: sudo apt-get install -y $tool)" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 2 "$base"; then echo "something already answers on $base: choose another PORT" >&2; exit 1; fi

work=$(mktemp -d /tmp/bench-pages.XXXXXX)
db=$work/bench.db
capture=$work/sql.jsonl
app_pid=""
say() { echo "[$(date +%T)] $*" >&2; }

# --- the app ----------------------------------------------------------------------------------------------------
descendants() { # every process under $1 (Chromium and the Playwright driver run under the app)
  ps -e -o pid=,ppid= | awk -v root="$1" '{ up[$1] = $2 } END {
    for (p in up) { q = p; while ((q in up) && q != root && q > 1) q = up[q]; if (q == root && p != root) print p } }'
}
start_app() { # $1: log file; the rest: extra settings as NAME=value
  local log=$1 dll
  shift
  dll=$(cd "$web_dir" && ls -d bin/Release/net*/linux-x64/publish/Commissioning.Web.dll | head -1)
  (cd "$web_dir/$(dirname "$dll")" && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" Database__Provider=Sqlite \
    ConnectionStrings__Commissioning="Data Source=$db" Demo__Enabled=true Demo__ExtraContracts="$contracts" \
    Security__SignInAttemptsPerMinute=100000 Public__RequestsPerMinute=1000000 Logging__LogLevel__Default=Warning "$@" dotnet Commissioning.Web.dll) >"$log" 2>&1 &
  app_pid=$!
}
wait_healthy() { # $1: start time (ns), $2: seconds allowed, $3: the health address; prints the ms to its first 200
  while :; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base${3:-/health}")" = 200 ]; then
      echo $((($(date +%s%N) - $1) / 1000000))
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || return 1
    [ $(($(date +%s%N) - $1)) -lt $(($2 * 1000000000)) ] || return 1
    sleep 0.05
  done
}
stop_app() {
  [ -n "$app_pid" ] || return 0
  local kids
  kids=$(descendants "$app_pid")
  kill "$app_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  for k in $kids; do kill "$k" 2>/dev/null || true; done
  app_pid=""
}
finish() {
  stop_app
  if [ -n "${KEEP_WORK:-}" ]; then say "kept $work"; else rm -rf "$work"; fi
}
trap finish EXIT

sign_in() { # $1: e-mail; prints the Cookie header's value
  local jar=$work/jar-$1 token answer
  token=$(curl -s -c "$jar" "$base/Account/SignIn" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  answer=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" --data-urlencode "Input.Email=$1" \
    --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/SignIn")
  case $answer in
    "302 $base/"*) ;;
    *) echo "signing in as $1 answered '$answer' (a second step, or the demo password changed?)" >&2; return 1 ;;
  esac
  awk -F'\t' 'NF == 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}
declare -A cookie
sign_in_all() { for role in commissioner finance secretary; do cookie[$role]=$(sign_in "$role@demo.test"); done; cookie[anyone]=""; }

# --- build -------------------------------------------------------------------------------------------------------
floor_dll=$bench_dir/SqlFloor/bin/Release/net10.0/SqlFloor.dll
if [ -z "${NO_BUILD:-}" ]; then
  say "building $app_dir (Release) and bench/SqlFloor"
  # Published as the Dockerfile publishes it (ReadyToRun), for this machine's runtime rather than Alpine's.
  dotnet publish "$web_dir" -c Release -r linux-x64 --no-self-contained -p:PublishReadyToRun=true -nologo -v q >"$work/build.log" 2>&1 ||
    { tail -30 "$work/build.log"; exit 1; }
  dotnet build "$bench_dir/SqlFloor" -c Release -nologo -v q >>"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
fi

# --- first start: seed (or copy SEED_DB), capture each page's SQL -----------------------------------------------
[ -z "${SEED_DB:-}" ] || sqlite3 "$SEED_DB" ".backup '$db'"
say "first start: ${SEED_DB:-a fresh database with CONTRACTS=$contracts}, capturing each page's SQL"
t0=$(date +%s%N)
start_app "$work/app-seed.log" Bench__CaptureSqlTo="$capture"
seed_ms=$(wait_healthy "$t0" 900) || { echo "the app did not start:" >&2; tail -30 "$work/app-seed.log" >&2; exit 1; }

q() { sqlite3 "$db" "$1"; }
contract_id=${CONTRACT_ID:-$(q "SELECT MAX(ContractId) FROM AnnualValueReviews")}
sheet=$(q "SELECT CoverSheetId || '/Versions/' || MAX(Number) FROM CoverSheetVersions WHERE IssuedAtUtc IS NOT NULL GROUP BY CoverSheetId ORDER BY CoverSheetId LIMIT 1")
meeting=$(q "SELECT s.MeetingId FROM CoverSheets s JOIN CoverSheetVersions v ON v.CoverSheetId = s.Id WHERE v.IssuedAtUtc IS NOT NULL
             GROUP BY s.MeetingId ORDER BY COUNT(DISTINCT s.Id) DESC, s.MeetingId LIMIT 1")
pack_sheets=$(q "SELECT COUNT(DISTINCT s.Id) FROM CoverSheets s JOIN CoverSheetVersions v ON v.CoverSheetId = s.Id
                 WHERE v.IssuedAtUtc IS NOT NULL AND s.MeetingId = $meeting")

# name | who signs in | kind (page, export, pdf) | address
pages=(
  "register|commissioner|page|/Contracts"
  "register search \"$search\"|commissioner|page|/Contracts?Filter.Q=$search"
  "register sorted by value|commissioner|page|/Contracts?Filter.Sort=value&Filter.Dir=desc"
  "register filter: active|commissioner|page|/Contracts?Filter.Status=Active"
  "contract details|commissioner|page|/Contracts/Details/$contract_id"
  "contract values XLSX|commissioner|export|/Contracts/Details/$contract_id?handler=Values&format=xlsx"
  "finance portfolio|finance|page|/Finance"
  "finance \"$export_table\" CSV|finance|export|/Finance?handler=Export&table=$export_table&format=csv"
  "finance \"$export_table\" XLSX|finance|export|/Finance?handler=Export&table=$export_table&format=xlsx"
  "key dates, mine|commissioner|page|/"
  "key dates, all|commissioner|page|/?show=all"
  "governance|secretary|page|/Governance"
  "a page with no data (fixed cost)|commissioner|reference|/Accessibility"
  "public contracts page|anyone|page|/Public/Contracts"
  "public contracts search \"$search\"|anyone|page|/Public/Contracts?Q=$search"
  "OCDS releases, first page|anyone|export|/ocds/releases.json"
  "cover sheet PDF|secretary|pdf|/CoverSheets/$sheet/Pdf"
  "agenda pack PDF ($pack_sheets sheets)|secretary|pdf|/Governance/Meetings/$meeting/Pack"
)

fetch() { # $1: role, $2: address; prints "status bytes content-type"
  curl -s -o /dev/null --max-time 120 -w '%{http_code} %{size_download} %{content_type}' -H "Cookie: ${cookie[$1]}" "$base$2"
}
sign_in_all
for line in "${pages[@]}"; do
  IFS='|' read -r name role kind path <<<"$line"
  # Twice: the capture keeps the last request to each address, a warm one.
  fetch "$role" "$path" >/dev/null
  read -r status _ type <<<"$(fetch "$role" "$path")"
  [ "$status" = 200 ] || { echo "$name ($path) answered $status as $role" >&2; exit 1; }
  if [ "$kind" = pdf ] && [ "$type" != application/pdf ]; then echo "$name ($path) is $type, not a PDF" >&2; exit 1; fi
done
stop_app
counts=$(q "SELECT (SELECT COUNT(*) FROM Contracts) || ' contracts, ' || (SELECT COUNT(*) FROM Providers) || ' providers, '
            || (SELECT COUNT(*) FROM AnnualValueReviews) || ' annual value reviews, ' || (SELECT COUNT(*) FROM SavingsTargets) || ' savings targets'")
if [ -s "$capture" ]; then floor=yes; else
  floor=""
  say "the app captured no SQL: it lacks the 'Bench SQL capture:' commit, so the floor columns stay empty"
fi

# CAPTURE_ONLY=1: each page's slowest statements (bench/SqlFloor --each) instead of the timed runs, to find what a page waits for.
if [ -n "${CAPTURE_ONLY:-}" ]; then
  for line in "${pages[@]}"; do
    IFS='|' read -r name _ _ path <<<"$line"
    echo "== $name ($path)"
    dotnet "$floor_dll" --db "$db" --capture "$capture" --target "GET $path" --each | head -n "${CAPTURE_ONLY_TOP:-4}"
  done
  exit 0
fi

# --- second start: on the seeded database, timed; then measure --------------------------------------------------
say "second start, timed to a healthy /health"
t0=$(date +%s%N)
start_app "$work/app.log"
# First the process answering at all (/health/live), then healthy: the database checked and Chromium started.
live_ms=$(wait_healthy "$t0" 120 /health/live) || live_ms="?"
startup_ms=$(wait_healthy "$t0" 120) || { echo "the app did not start again:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
sign_in_all

run_wrk() { # $1: role, $2: connections, $3: duration, $4: address; prints "p50 p95 rps bad requests"
  wrk -t1 -c"$2" -d"$3" --timeout 60s -s "$bench_dir/wrk-report.lua" -H "Cookie: ${cookie[$1]}" "$base$4" |
    awk '/^BENCH/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["p50"], v["p95"], v["rps"], v["bad"], v["requests"] }'
}
run_count() { # $1: role, $2: connections, $3: requests on each, $4: address; prints "p50 p95 rps bad" as run_wrk does
  local k t0 pids=()
  rm -f "$work"/count.*
  t0=$(date +%s%N)
  for k in $(seq 1 "$2"); do
    for _ in $(seq 1 "$3"); do
      curl -s -o /dev/null --max-time 120 -w '%{http_code} %{time_total}\n' -H "Cookie: ${cookie[$1]}" "$base$4"
    done >"$work/count.$k" &
    pids+=($!)
  done
  wait "${pids[@]}"
  sort -k2,2g "$work"/count.* | awk -v wall=$((($(date +%s%N) - t0) / 1000000)) '
    { t[NR] = $2 * 1000; if ($1 != 200) bad++ }
    END { printf "%.3f %.3f %.2f %d\n", t[int((NR + 1) / 2)], t[int(0.95 * NR + 0.999)], NR / (wall / 1000), bad }'
}
run_floor() { # $1: address, $2: file the run times go to; prints "statements skipped"
  [ -n "$floor" ] || { echo "- -"; return 0; }
  { dotnet "$floor_dll" --db "$db" --capture "$capture" --target "GET $1" --seconds "$floor_seconds" --times "$2" || echo "statements=- skipped=-"; } |
    awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["statements"], v["skipped"] }'
}
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else printf "%.3f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

say "warming every page"
for line in "${pages[@]}"; do
  IFS='|' read -r name role kind path <<<"$line"
  if [ "$kind" = pdf ]; then for _ in 1 2 3; do fetch "$role" "$path" >/dev/null; done
  else run_wrk "$role" 1 "$warmup" "$path" >/dev/null; fi
done

results=$work/results.tsv
: >"$results"
i=0
for line in "${pages[@]}"; do
  IFS='|' read -r name role kind path <<<"$line"
  i=$((i + 1))
  say "$i/${#pages[@]} $name"
  read -r _ size _ <<<"$(fetch "$role" "$path")"
  n=10
  [ "$kind" != pdf ] || n=$pdf_connections
  measure() { # $1: connections; prints "p50 p95 rps bad how" (how: wrk, or curl when counted)
    local r
    if [ "$kind" = pdf ]; then echo "$(run_count "$role" "$1" "$pdf_requests" "$path") curl"; return 0; fi
    r=$(run_wrk "$role" "$1" "$duration" "$path")
    if [ "$(echo "$r" | awk '{ print $5 + 0 }')" -ge "$min_requests" ]; then echo "$r" | awk '{ print $1, $2, $3, $4, "wrk" }'; return 0; fi
    # Slower than the run allows: wrk drops the answers still on their way, so count MIN_REQUESTS of them instead.
    echo "$(run_count "$role" "$1" $(((min_requests + $1 - 1) / $1)) "$path") curl"
  }
  # Interleaved, so that the page and its floor see the same machine: page, floor, page, floor.
  read -r p50 p95 rps bad how1 <<<"$(measure 1)"
  read -r statements skipped <<<"$(run_floor "$path" "$work/floor-$i")"
  read -r p50n p95n rpsn badn hown <<<"$(measure "$n")"
  [ "$kind" = pdf ] || [ "$how1$hown" = wrkwrk ] || name="$name †"
  run_floor "$path" "$work/floor-$i" >/dev/null
  floor_p50=-
  [ ! -s "$work/floor-$i" ] || floor_p50=$(median "$work/floor-$i")
  printf '%s\t' "$name" "$kind" "$n" "$p50" "$p95" "$rps" "$bad" "$p50n" "$p95n" "$rpsn" "$badn" "$size" "$statements" "$skipped" >>"$results"
  printf '%s\n' "$floor_p50" >>"$results"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the first answer after a save --------------------------------------------------------------------------------
# What a page works out from the whole register is kept while the register stands still (decisions 0029, 0039, 0040),
# so the runs above measure the answers between saves. A row written to the audit trail is how every save marks the
# register changed (RegisterVersion): one written here makes the next answer work everything out again, as the first
# look after a real save does. Timed with curl, AFTER_SAVE times a page (default 3), the median shown.
say "the first answer after a save, each page"
after_save() { # $1: role, $2: address; prints the median time in ms of the first answer after each of $after_save_runs saves
  local k
  for k in $(seq 1 "$after_save_runs"); do
    q "INSERT INTO AuditEntries (EntityType, EntityId, Action, Changes, ChangedBy, ChangedAtUtc)
       VALUES ('Bench', $k, 'Touched', '{}', 'bench', strftime('%Y-%m-%d %H:%M:%f', 'now'))" </dev/null
    curl -s -o /dev/null --max-time 120 -w '%{time_total}\n' -H "Cookie: ${cookie[$1]}" "$base$2" </dev/null | awk '{ printf "%.3f\n", $1 * 1000 }'
  done >"$work/after-save"
  median "$work/after-save"
}
after_save_runs=${AFTER_SAVE:-3}
i=0
while IFS= read -r row; do
  i=$((i + 1))
  IFS='|' read -r _ role kind path <<<"${pages[$((i - 1))]}"
  if [ "$kind" = pdf ]; then printf '%s\t-\n' "$row"; else printf '%s\t%s\n' "$row" "$(after_save "$role" "$path")"; fi
done <"$results" >"$results.with-save"
mv "$results.with-save" "$results"

# --- memory, right after the run ----------------------------------------------------------------------------------
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
app_rss=$(rss_kb "$app_pid")
app_peak=$(awk '/^VmHWM/ { print $2 }' "/proc/$app_pid/status")
chromium_rss=0
chromium_count=0
for p in $(descendants "$app_pid"); do
  case $(cat "/proc/$p/comm" 2>/dev/null) in
    chrom*) chromium_rss=$((chromium_rss + $(rss_kb "$p"))); chromium_count=$((chromium_count + 1)) ;;
  esac
done
stop_app

# --- the table ----------------------------------------------------------------------------------------------------
app_commit=$(git -C "$app_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$app_dir" diff --quiet HEAD -- src 2>/dev/null || app_commit=$app_commit-dirty
bench_commit=$(git -C "$bench_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem_gb=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
met() { if [ "$1" = 1 ]; then echo met; else echo "**NOT MET**"; fi; }
report=$work/report.md
{
  echo "## Pages, $(date -u '+%F %H:%M UTC'): app $app_commit, bench $bench_commit"
  echo
  echo "- app: \`$app_dir\`; database: $counts (CONTRACTS=$contracts${SEED_DB:+, from $SEED_DB})"
  echo "- machine: $(nproc) × $cpu, $mem_gb GB; load average before $load_before, after $load_after"
  echo "- wrk: 1 thread, $duration a run; PDFs: $pdf_requests renders on 1, then on each of $pdf_connections connections (curl); SQL floor: ${floor_seconds}s after each run"
  echo "- seeding (first start, to a healthy /health): $((seed_ms / 1000)) s"
  echo "- start-up on the seeded database to a healthy /health: $startup_ms ms (target < 3000 ms): $(met "$([ "$startup_ms" -lt 3000 ] && echo 1)"); the first answer (/health/live) at $live_ms ms"
  echo
  awk -F'\t' '
    function ms(x) { return x == "-" || x == "" ? "–" : sprintf("%.1f", x) }
    BEGIN {
      print "| page | p50 @1 | p95 @1 | p50 @10 | p95 @10 | req/s @10 | size KB | SQL stmts | SQL floor p50 | app ÷ floor | after a save | target |"
      print "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"
    }
    {
      name = $1; kind = $2; n = $3; p50 = $4; p95 = $5; bad1 = $7; p50n = $8; p95n = $9; rps = $10; badn = $11
      size = $12; stmts = $13; skipped = $14; floor = $15; saved = $16
      ratio = (kind == "pdf" || floor == "-" || floor + 0 == 0) ? "" : p50 / floor
      miss = ""
      if (bad1 + badn > 0) miss = miss sprintf("; %d bad answers", bad1 + badn)
      if (kind != "pdf" && p95n > 100) miss = miss sprintf("; p95 @10 %.0f > 100 ms", p95n)
      if (name ~ /^register( †)?$/ && rps < 300) miss = miss sprintf("; %.0f < 300 req/s", rps)
      if (kind == "page" && size > 300 * 1024) miss = miss sprintf("; %.0f > 300 KB", size / 1024)
      if (kind != "pdf" && ratio != "" && ratio > 3) miss = miss sprintf("; ÷ floor %.1f > 3", ratio)
      if (name ~ /^agenda pack/ && p95 > 2000) miss = miss sprintf("; p95 @1 %.0f > 2000 ms", p95)
      target = kind == "reference" ? "(no target: what any signed-in page costs)" : miss == "" ? "met" : "**NOT MET**" miss
      sub(/^\*\*NOT MET\*\*; /, "**NOT MET**: ", target)
      label = kind == "pdf" ? name " (@" n ")" : name
      printf "| %s | %s | %s | %s | %s | %s | %.1f | %s%s | %s | %s | %s | %s |\n", label, ms(p50), ms(p95), ms(p50n), ms(p95n),
        sprintf(rps < 10 ? "%.1f" : "%.0f", rps),
        size / 1024, (stmts == "-" ? "–" : stmts), (skipped + 0 > 0 ? " (+" skipped " writes)" : ""), ms(floor), (ratio == "" ? "–" : sprintf("%.1f", ratio)), ms(saved), target
    }' "$results"
  echo
  echo "Times in ms; \"@10\" is 10 connections (the PDF rows: the number shown). Targets: p95 @10 ≤ 100 ms (not PDFs),"
  echo "the register ≥ 300 req/s, HTML ≤ 300 KB, app ÷ floor ≤ 3 (p50 @1 over the SQL floor's p50; not PDFs),"
  echo "the agenda pack ≤ 2 s, no bad answer anywhere. PDFs have no ÷ floor: their time is Chromium's. PDFs, and pages marked †"
  echo "(slower than a $duration wrk run allows), are counted with curl: PDFs $pdf_requests renders on 1 connection, then $pdf_requests on each"
  echo "connection at once; a † page $min_requests requests on 1 connection, then at least one on each of 10 at once."
  echo "\"After a save\": the median of $after_save_runs first answers, each right after a row is written to the audit trail (as every"
  echo "save writes one), so what the page keeps between saves is worked out again; the SQL floor is that of an answer between saves."
  echo
  echo "- memory after the run: the app $((app_rss / 1024)) MB RSS (peak $((app_peak / 1024)) MB; target < 400 MB): $(met "$([ "$app_rss" -lt $((400 * 1024)) ] && echo 1)")"
  echo "- Chromium: $((chromium_rss / 1024)) MB, the RSS of its $chromium_count processes added up (shared pages counted in each)"
} >"$report"

mkdir -p "$bench_dir/results"
out=$bench_dir/results/$(date -u +%F-%H%M)-$app_commit.md
cp "$report" "$out"
cat "$report"
say "written to $out"

#!/usr/bin/env bash
# The multi-node deployment's figures on this machine (docs/scaling.md): SQLite beside PostgreSQL.
# Bounded in time, 127.0.0.1 only; stops everything it started at exit (nodes, the throwaway PostgreSQL server)
# and removes its temporary data (all under /tmp).
#
#   tests/load/nodes-benchmark.sh [FIGURE...] [options]
#
# Figures, in the order they run (default: all four):
#   ingest    cold ingest of the corpus, RUNS times each, alternating: SQLite (`ingest` into an empty data
#             directory: store + index) and PostgreSQL (`ingest` into an empty database: store only). Wall time
#             (/usr/bin/time), the summary's Time line, peak RSS, the ingester's CPU, the PostgreSQL server's CPU
#             and WAL written, the store's size. The last runs' stores are kept for the figures below.
#   newnode   a node with an empty data directory started against the PostgreSQL store holding the corpus: time
#             from process start to /healthz 200 "ready" (index built from the store), peak RSS, CPU. RUNS times.
#   load      the request mix (run-load.sh soak: 20 s warm-up, 60 s at -t2 -c64, or --load-mode compare) against
#             a SQLite-backed node and a PostgreSQL-backed node over the same corpus, RUNS times each,
#             alternating: req/s, p50, p99, errors, peak RSS.
#   delay     two nodes on the PostgreSQL store; ROUNDS times: one new release file in a small folder of its own,
#             the ingester (store only) on that folder, and per node the time from the release's row being
#             committed (seen by polling the store every 10 ms) to a search on that node finding it (polled every
#             10 ms): median, p90, max per node; once with notifications (LISTEN/NOTIFY, the default) and once
#             with PressReleases__Store__ListenForChanges=false (polling every PollSeconds, default 1 s).
#
# Options:
#   --corpus DIR       release files (default: ../shared/corpus/beehive/releases beside the repository)
#   --runs N           runs of ingest, newnode and load (default 3)
#   --rounds N         rounds of delay, per mode (default 10)
#   --load-mode M      soak (default) or compare (run-load.sh's modes)
#   --load-duration D, --load-warmup D
#                      passed to run-load.sh as --duration and --warmup (default: its own, 60 s and 20 s for soak)
#   --pg-host H --pg-port P --pg-user U
#                      use that PostgreSQL server (password in PGPASSWORD; the user must be allowed to create
#                      and drop databases; the script creates and drops its own database, nodesbench_<pid>).
#                      Without them, as root: a throwaway PostgreSQL 15 server on a free port with the default
#                      durability settings (fsync, synchronous_commit and full_page_writes on), stopped at exit.
#   NO_BUILD=1         use the last publish (artifacts/publish)
#
# Needs: /usr/bin/time, psql, python3 (standard library only: tests/load/change-probe.py), wrk (load), curl.
# Prints a markdown table per figure, each run's row with the 1-minute load average when it started, then the
# median and range. Exit code 0 when every figure was measured; 1 on a failure (the figures so far are printed).
set -euo pipefail
source "$(dirname "$0")/common.sh"
LOAD_DIR="$REPO_ROOT/tests/load"

FIGURES=()
CORPUS="$REPO_ROOT/../shared/corpus/beehive/releases"
RUNS=3; ROUNDS=10; LOAD_MODE=soak; LOAD_ARGS=()
PG_HOST=""; PG_PORT=""; PG_USER=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    ingest|newnode|load|delay) FIGURES+=("$1"); shift ;;
    --corpus) CORPUS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --load-mode) LOAD_MODE="$2"; shift 2 ;;
    --load-duration) LOAD_ARGS+=(--duration "$2"); shift 2 ;;
    --load-warmup) LOAD_ARGS+=(--warmup "$2"); shift 2 ;;
    --pg-host) PG_HOST="$2"; shift 2 ;;
    --pg-port) PG_PORT="$2"; shift 2 ;;
    --pg-user) PG_USER="$2"; shift 2 ;;
    *) echo "unknown argument $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
[[ ${#FIGURES[@]} -gt 0 ]] || FIGURES=(ingest newnode load delay)
wants() { local f; for f in "${FIGURES[@]}"; do [[ $f == "$1" ]] && return 0; done; return 1; }

[[ -d "$CORPUS" ]] || { echo "no such folder: $CORPUS (give --corpus DIR)" >&2; exit 2; }
CORPUS="$(cd "$CORPUS" && pwd)"
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }
command -v psql >/dev/null || { echo "needs psql (apt-get install -y postgresql-client)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 1; }
if wants load; then command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }; fi
build_release

WORK="$(mktemp -d /tmp/nodes-bench-XXXXXX)"
chmod 755 "$WORK"
PG_BIN=/usr/lib/postgresql/15/bin
PG_DATA=""          # set when this script runs its own server
declare -a NODE_PIDS=()
cleanup() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  elif [[ -n "$PG_HOST" ]]; then
    psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port, never 55432 (another engineer's server).
port() { local p; while :; do p=$(free_port); [[ $p != 55432 ]] && { echo "$p"; return; }; done; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }
now_ns() { date +%s%N; }

# --- PostgreSQL --------------------------------------------------------------------------------------------------
DB="nodesbench_$$"
if [[ -z "$PG_HOST" ]]; then
  [[ $(id -u) == 0 ]] || { echo "without --pg-host the script starts a throwaway PostgreSQL server, which needs root (initdb runs as postgres)" >&2; exit 1; }
  [[ -x "$PG_BIN/initdb" ]] || { echo "PostgreSQL 15 is missing: apt-get install -y postgresql-15" >&2; exit 1; }
  PG_HOST=127.0.0.1; PG_PORT=$(port); PG_USER=postgres
  mkdir -p "$WORK/pg"; chown postgres:postgres "$WORK/pg"; PG_DATA="$WORK/pg/data"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; exit 1; }
  # Default durability: no fsync=off, no synchronous_commit=off. Only where it listens is set.
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg" start >/dev/null || { cat "$WORK/pg/log" >&2; exit 1; }
fi
PG_PORT="${PG_PORT:-5432}"; PG_USER="${PG_USER:-postgres}"
export PGOPTIONS="-c client_min_messages=warning"
psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAtX -v ON_ERROR_STOP=1 "$@"; }
psql_db() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -qAtX -v ON_ERROR_STOP=1 "$@"; }
CONN="Host=$PG_HOST;Port=$PG_PORT;Database=$DB;Username=$PG_USER${PGPASSWORD:+;Password=$PGPASSWORD}"
fresh_db() { psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null; }
pg_settings() {
  psql_admin -F= -c "SELECT name, setting || coalesce(unit, '') FROM pg_settings WHERE name IN ('server_version','fsync','synchronous_commit','full_page_writes','wal_level','shared_buffers','max_wal_size','checkpoint_timeout','work_mem','max_connections') ORDER BY name" | paste -sd' ' -
}
# CPU seconds the PostgreSQL server has used (postmaster, its live children, and its exited children such as
# the ingest's backends). Only for the throwaway server (its processes are on this machine); "-" otherwise.
pg_cpu() {
  [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]] || { echo "-"; return; }
  local pm; pm=$(head -1 "$PG_DATA/postmaster.pid")
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"
    for c in $(pgrep -P "$pm"); do awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.1f", s / hz }'
}
sub() { if [[ $1 == - || $2 == - ]]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; fi; }
wal_lsn() { psql_admin -c "SELECT pg_current_wal_lsn()"; }
wal_mb() { psql_admin -c "SELECT round(pg_wal_lsn_diff('$2', '$1') / 1e6)"; }

PG_ENV=(PressReleases__Store__Provider=PostgreSql "PressReleases__Store__ConnectionString=$CONN")
SITE_ENV=(PressReleases__IngestOnStartup=false PressReleases__ApiRateLimit__PermitLimit=0)

FILES=$(find "$CORPUS" -name '*.md' -type f | wc -l)
echo "corpus: $CORPUS: $FILES .md files; $(nproc) cores; $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(date -u +%Y-%m-%dT%H:%MZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PostgreSQL: $PG_HOST:$PG_PORT database $DB ($([[ -n "$PG_DATA" ]] && echo "throwaway server started by this script, on this machine" || echo "given server")): $(pg_settings)"
echo "figures: ${FIGURES[*]}; runs $RUNS; rounds $ROUNDS"
# The summary's Time line ("43.8 s", "1 min 02 s") in seconds.
summary_seconds() {
  awk '/^Time / { if ($3 == "min") printf "%.1f", $2 * 60 + $4; else printf "%.1f", $2 }' "$1"
}
cpu_seconds() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1"; }
col() { printf '%s\n' "$@" | grep -v '^-$' | median_range; }

SQLITE_DATA=""   # a SQLite data directory holding the corpus (store + index)
PG_READY=0       # the PostgreSQL store holds the corpus
NODE_A=""        # a node data directory (index) that follows the PostgreSQL store

ingest_sqlite() { # data_dir log time_file
  PressReleases__DataDirectory="$1" timeout 900 /usr/bin/time -v -o "$3" dotnet "$WEB_DLL" ingest "$CORPUS" >"$2" 2>&1 \
    || { echo "SQLite ingest failed; its last lines:" >&2; tail -20 "$2" >&2; exit 1; }
}
ingest_pg() { # data_dir log time_file
  env "${PG_ENV[@]}" PressReleases__DataDirectory="$1" timeout 900 /usr/bin/time -v -o "$3" dotnet "$WEB_DLL" ingest "$CORPUS" >"$2" 2>&1 \
    || { echo "PostgreSQL ingest failed; its last lines:" >&2; tail -20 "$2" >&2; exit 1; }
}

# --- 1. cold ingest ----------------------------------------------------------------------------------------------
if wants ingest; then
  echo
  echo "=== 1. Cold ingest of $CORPUS: SQLite (store + index) beside PostgreSQL (store only)"
  echo "| run | store | wall s | summary Time s | releases/s | peak RSS MB | ingester CPU s | PostgreSQL CPU s | WAL MB | store size MB | load avg |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  declare -a S_WALL S_RSS S_CPU P_WALL P_RSS P_CPU P_PGCPU
  ingest_row() { # run kind
    local run=$1 kind=$2 dir="$WORK/ingest-$2-$1" la; la=$(loadavg)
    rm -rf "$dir"; mkdir -p "$dir"; sync
    local cpu0 cpu1 lsn0 lsn1 wall rss cpu size pgcpu="-" wal="-"
    if [[ $kind == SQLite ]]; then
      cpu0=$(pg_cpu)
      ingest_sqlite "$dir/data" "$dir/log" "$dir/time"
      cpu1=$(pg_cpu); pgcpu="$(sub "$cpu1" "$cpu0") (idle)"
      size=$(du -sm "$dir/data/pressreleases.db" | cut -f1)+$(du -sm "$dir/data/index" | cut -f1)" index"
    else
      fresh_db; lsn0=$(wal_lsn); cpu0=$(pg_cpu)
      ingest_pg "$dir/data" "$dir/log" "$dir/time"
      cpu1=$(pg_cpu); lsn1=$(wal_lsn)
      pgcpu=$(sub "$cpu1" "$cpu0"); wal=$(wal_mb "$lsn0" "$lsn1")
      size=$(psql_admin -c "SELECT round(pg_database_size('$DB') / 1e6)")
      [[ -z "$(ls -A "$dir/data/index" 2>/dev/null | grep -v '^segments')" ]] || echo "    note: the PostgreSQL ingest wrote index files into its data directory" >&2
    fi
    wall=$(elapsed_seconds "$dir/time"); rss=$(peak_rss_mb "$dir/time"); cpu=$(cpu_seconds "$dir/time")
    echo "| $run | $kind | $wall | $(summary_seconds "$dir/log") | $(awk -v n="$FILES" -v s="$wall" 'BEGIN { printf "%.0f", n / s }') | $rss | $cpu | $pgcpu | $wal | $size | $la |"
    if [[ $run == 1 ]]; then echo "    $kind summary: $(grep -E '^(Added|Rejected|Time) ' "$dir/log" | tr -s ' ' | paste -sd ';' -)" >&2; fi
    if [[ $kind == SQLite ]]; then
      S_WALL+=("$wall"); S_RSS+=("$rss"); S_CPU+=("$cpu")
      [[ -n "$SQLITE_DATA" ]] && rm -rf "$(dirname "$SQLITE_DATA")"
      SQLITE_DATA="$dir/data"
    else
      P_WALL+=("$wall"); P_RSS+=("$rss"); P_CPU+=("$cpu"); P_PGCPU+=("$pgcpu"); PG_READY=1
      rm -rf "$dir"
    fi
  }
  for run in $(seq 1 "$RUNS"); do
    # Alternate which goes first, so neither always follows the other's writes.
    if (( run % 2 )); then ingest_row "$run" SQLite; ingest_row "$run" PostgreSQL
    else ingest_row "$run" PostgreSQL; ingest_row "$run" SQLite; fi
  done
  echo "| median (range) | SQLite | $(col "${S_WALL[@]}") | | | $(col "${S_RSS[@]}") | $(col "${S_CPU[@]}") | | | | |"
  echo "| median (range) | PostgreSQL | $(col "${P_WALL[@]}") | | | $(col "${P_RSS[@]}") | $(col "${P_CPU[@]}") | $(col "${P_PGCPU[@]}") | | | |"
  S_MED=$(printf '%s\n' "${S_WALL[@]}" | median_range | cut -d' ' -f1)
  P_MED=$(printf '%s\n' "${P_WALL[@]}" | median_range | cut -d' ' -f1)
  awk -v p="$P_MED" -v s="$S_MED" 'BEGIN { printf "PostgreSQL / SQLite wall time, medians: %.2f (goal: at most 1.5)\n", p / s }'
fi

# Makes sure the PostgreSQL store holds the corpus (when the ingest figure did not run).
ensure_pg_store() {
  (( PG_READY )) && return
  echo "(preparing: PostgreSQL ingest of the corpus, not a figure)"
  fresh_db; ingest_pg "$WORK/prep-pg" "$WORK/prep-pg.log" "$WORK/prep-pg.time"; PG_READY=1
}

# Starts a node (this shell's child, so it can be waited for); sets NODE_PID. Args: name port data_dir extra env...
start_node() {
  local name=$1 p=$2 dir=$3; shift 3
  env "${PG_ENV[@]}" "${SITE_ENV[@]}" "$@" PressReleases__DataDirectory="$dir" ASPNETCORE_URLS="http://127.0.0.1:$p" \
    dotnet "$WEB_DLL" >>"$WORK/$name.log" 2>&1 &
  NODE_PID=$!
  NODE_PIDS+=("$NODE_PID")
}
stop_node() {
  local pid=$1 keep=() p
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  for p in "${NODE_PIDS[@]}"; do [[ $p != "$pid" ]] && keep+=("$p"); done
  NODE_PIDS=("${keep[@]}")
}
# Polls /healthz every 20 ms until 200 with "ready"; prints "ms peak_rss_mb cpu_s". Fails after TIMEOUT s.
wait_ready() { # url start_ns timeout pid
  local url=$1 start_ns=$2 pid=$4 deadline=$(( $(date +%s) + $3 )) peak=0 rss body
  while :; do
    rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status" 2>/dev/null || echo 0)
    (( rss > peak )) && peak=$rss
    body=$(curl -s --max-time 10 -w ' %{http_code}' "$url/healthz" || true)
    if [[ $body == *' 200' && $body == *'"status":"ready"'* ]]; then
      local ms=$(( ($(now_ns) - start_ns) / 1000000 ))
      echo "$ms $peak $(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat")"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "the node exited before /healthz answered ready" >&2; return 1; }
    (( $(date +%s) > deadline )) && { echo "no ready from $url/healthz within $3 s" >&2; return 1; }
    sleep 0.02
  done
}

# --- 2. new node -------------------------------------------------------------------------------------------------
if wants newnode; then
  ensure_pg_store
  echo
  echo "=== 2. New node: empty data directory, PostgreSQL store with the corpus, process start to /healthz 200 \"ready\""
  echo "| run | start to ready s | index rebuild s (node's log) | peak RSS MB (sampled every 20 ms) | node CPU s at ready | PostgreSQL CPU s | /healthz releases | load avg |"
  echo "|---|---|---|---|---|---|---|---|"
  declare -a N_MS N_RSS
  for run in $(seq 1 "$RUNS"); do
    dir="$WORK/newnode-$run"; rm -rf "$dir"; la=$(loadavg); sync
    p=$(port); cpu0=$(pg_cpu); start_ns=$(now_ns)
    start_node "newnode-$run" "$p" "$dir"; pid=$NODE_PID
    r=$(wait_ready "http://127.0.0.1:$p" "$start_ns" 300 "$pid") || { tail -20 "$WORK/newnode-$run.log" >&2; exit 1; }
    read -r ms rss cpu <<<"$r"
    pgcpu=$(sub "$(pg_cpu)" "$cpu0")
    counts=$(curl -s "http://127.0.0.1:$p/healthz" | sed -n 's/.*"releases":{"stored":\([0-9]*\),"indexed":\([0-9]*\)}.*/\1 stored, \2 indexed/p')
    rebuild=$(grep -m1 -o 'Rebuilt the search index: [0-9]* releases in [0-9:.]*' "$WORK/newnode-$run.log" \
      | awk '{ n = split($NF, t, ":"); printf "%.1f", t[n - 2] * 3600 + t[n - 1] * 60 + t[n] }' || true)
    stop_node "$pid"
    N_MS+=("$(awk -v m="$ms" 'BEGIN { printf "%.2f", m / 1000 }')"); N_RSS+=("$rss")
    echo "| $run | ${N_MS[-1]} | ${rebuild:--} | $rss | $cpu | $pgcpu | $counts | $la |"
    if [[ -z "$NODE_A" ]]; then NODE_A="$dir"; else rm -rf "$dir"; fi
  done
  echo "| median (range) | $(col "${N_MS[@]}") | | $(col "${N_RSS[@]}") | | | | |"
  N_MED=$(printf '%s\n' "${N_MS[@]}" | median_range | cut -d' ' -f1)
  echo "goal: under 60 s"
  if [[ -n "${P_MED:-}" ]]; then
    awk -v p="$P_MED" -v n="$N_MED" -v s="$S_MED" 'BEGIN { printf "apples to apples: PostgreSQL store-only ingest %.1f s + one new node ready %.1f s = %.1f s, against SQLite store+index ingest %.1f s: %.2f times\n", p, n, p + n, s, (p + n) / s }'
  fi
fi

# A node data directory (index) that follows the PostgreSQL store, built once when newnode did not run.
ensure_node_a() {
  [[ -n "$NODE_A" ]] && return
  ensure_pg_store
  echo "(preparing: a node's index from the PostgreSQL store, not a figure)"
  NODE_A="$WORK/node-a-prep"; local p; p=$(port)
  local pid; start_node node-a-prep "$p" "$NODE_A"; pid=$NODE_PID
  wait_ready "http://127.0.0.1:$p" "$(now_ns)" 300 "$pid" >/dev/null || { tail -20 "$WORK/node-a-prep.log" >&2; exit 1; }
  stop_node "$pid"
}

# --- 3. load -----------------------------------------------------------------------------------------------------
if wants load; then
  ensure_node_a
  if [[ -z "$SQLITE_DATA" ]]; then
    echo "(preparing: SQLite ingest of the corpus, not a figure)"
    SQLITE_DATA="$WORK/prep-sqlite/data"; mkdir -p "$WORK/prep-sqlite"
    ingest_sqlite "$SQLITE_DATA" "$WORK/prep-sqlite.log" "$WORK/prep-sqlite.time"
  fi
  echo
  echo "=== 3. Query latency and throughput per node: run-load.sh $LOAD_MODE ${LOAD_ARGS[*]}, same corpus, SQLite-backed node beside PostgreSQL-backed node"
  echo "| run | store | req/s | p50 ms | p99 ms | errors | 5xx | CPU steal % | server peak RSS MB | load avg |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  declare -a L_S_RPS L_S_P50 L_S_P99 L_P_RPS L_P_P50 L_P_P99
  load_row() { # run kind
    local run=$1 kind=$2 out="$WORK/load-$2-$1.out" la; la=$(loadavg)
    if [[ $kind == SQLite ]]; then
      NO_BUILD=1 timeout 600 "$LOAD_DIR/run-load.sh" "$LOAD_MODE" "${LOAD_ARGS[@]}" --data "$SQLITE_DATA" >"$out" 2>&1 || true
    else
      env "${PG_ENV[@]}" NO_BUILD=1 timeout 600 "$LOAD_DIR/run-load.sh" "$LOAD_MODE" "${LOAD_ARGS[@]}" --data "$NODE_A" >"$out" 2>&1 || true
    fi
    local name=mix; [[ $LOAD_MODE == compare ]] && name=search
    local row; row=$(grep "^| $name |" "$out" | tail -1)
    [[ -n "$row" ]] || { echo "run-load.sh gave no result; its last lines:" >&2; tail -20 "$out" >&2; exit 1; }
    local want=Sqlite; [[ $kind == PostgreSQL ]] && want=PostgreSql
    grep -q "\"provider\":\"$want\"" "$out" || { echo "the node of run-load.sh was not $kind-backed:" >&2; grep -m1 healthz "$out" >&2; exit 1; }
    IFS='|' read -r _ _ rps p50 p99 errors s5xx _ steal _ <<<"$row"
    rps=$(echo $rps); p50=$(echo $p50); p99=$(echo $p99); errors=$(echo $errors); s5xx=$(echo $s5xx); steal=$(echo $steal)
    local peak; peak=$(sed -n 's/^server peak RSS (sampled each second): \([0-9]*\) MB/\1/p' "$out")
    local extra=""
    [[ $LOAD_MODE == compare ]] && extra=" (static $(grep '^| static |' "$out" | cut -d'|' -f3 | tr -d ' ') req/s)"
    echo "| $run | $kind | $rps$extra | $p50 | $p99 | $errors | $s5xx | $steal | $peak | $la |"
    if [[ $kind == SQLite ]]; then L_S_RPS+=("$rps"); L_S_P50+=("$p50"); L_S_P99+=("$p99")
    else L_P_RPS+=("$rps"); L_P_P50+=("$p50"); L_P_P99+=("$p99"); fi
  }
  for run in $(seq 1 "$RUNS"); do
    if (( run % 2 )); then load_row "$run" SQLite; load_row "$run" PostgreSQL
    else load_row "$run" PostgreSQL; load_row "$run" SQLite; fi
  done
  echo "| median (range) | SQLite | $(col "${L_S_RPS[@]}") | $(col "${L_S_P50[@]}") | $(col "${L_S_P99[@]}") | | | | | |"
  echo "| median (range) | PostgreSQL | $(col "${L_P_RPS[@]}") | $(col "${L_P_P50[@]}") | $(col "${L_P_P99[@]}") | | | | | |"
  PER_NODE=$(printf '%s\n' "${L_P_RPS[@]}" | median_range | cut -d' ' -f1)
  awk -v p="$PER_NODE" -v s="$(printf '%s\n' "${L_S_RPS[@]}" | median_range | cut -d' ' -f1)" \
    'BEGIN { printf "PostgreSQL-backed / SQLite-backed req/s, medians: %.2f\n", p / s }'
  echo
  echo "Nodes for a load, at this VM's per-node median of $PER_NODE req/s (wrk on the same 2 cores), each node at most 60 % busy, plus one spare:"
  echo "| load req/s | nodes at 60 % | with one spare |"
  echo "|---|---|---|"
  for target in 500 2000 10000; do
    awk -v t="$target" -v p="$PER_NODE" 'BEGIN { n = t / (p * 0.6); n = (n == int(n)) ? n : int(n) + 1; printf "| %d | %d | %d |\n", t, n, n + 1 }'
  done
fi

# --- 4. change to searchable -------------------------------------------------------------------------------------
if wants delay; then
  ensure_node_a
  NODE_B="$WORK/node-b"; rm -rf "$NODE_B"; cp -a "$NODE_A" "$NODE_B"
  INGESTER_DATA="$WORK/ingester"; mkdir -p "$INGESTER_DATA"
  INGEST_CMD="env ${PG_ENV[*]} PressReleases__DataDirectory=$INGESTER_DATA dotnet $WEB_DLL ingest"
  echo
  echo "=== 4. Change to searchable: two nodes on the PostgreSQL store, $ROUNDS rounds per mode, polls every 10 ms"
  # The ingester's first run with an empty data directory: timed, because it does more than write the store.
  mkdir -p "$WORK/empty-folder"
  t0=$(now_ns)
  env "${PG_ENV[@]}" PressReleases__DataDirectory="$INGESTER_DATA" timeout 300 dotnet "$WEB_DLL" ingest "$WORK/empty-folder" >"$WORK/ingester-first.log" 2>&1 || true
  echo "the ingester's first run (empty folder, empty data directory): $(( ($(now_ns) - t0) / 1000000 )) ms; $(grep -m1 'Rebuilt' "$WORK/ingester-first.log" || echo 'no index rebuild'); its data directory now holds $(du -sm "$INGESTER_DATA" | cut -f1) MB"
  echo "| mode | node | rounds found | median ms | p90 ms | max ms | min ms | load avg at start |"
  echo "|---|---|---|---|---|---|---|---|"
  for mode in notify poll; do
    listen=true; [[ $mode == poll ]] && listen=false
    pa=$(port); pb=$(port); while [[ $pb == "$pa" ]]; do pb=$(port); done
    s=$(now_ns)
    start_node "delay-a-$mode" "$pa" "$NODE_A" PressReleases__Store__ListenForChanges=$listen; ida=$NODE_PID
    start_node "delay-b-$mode" "$pb" "$NODE_B" PressReleases__Store__ListenForChanges=$listen; idb=$NODE_PID
    wait_ready "http://127.0.0.1:$pa" "$s" 300 "$ida" >/dev/null || { tail -20 "$WORK/delay-a-$mode.log" >&2; exit 1; }
    wait_ready "http://127.0.0.1:$pb" "$s" 300 "$idb" >/dev/null || { tail -20 "$WORK/delay-b-$mode.log" >&2; exit 1; }
    la=$(loadavg)
    python3 "$LOAD_DIR/change-probe.py" --psql="-h $PG_HOST -p $PG_PORT -U $PG_USER -d $DB" \
      --node "http://127.0.0.1:$pa" --node "http://127.0.0.1:$pb" --folder "$WORK/new-$mode" \
      --ingest "$INGEST_CMD" --rounds "$ROUNDS" --interval-ms 10 --timeout 60 --log "$WORK/probe-$mode-ingest.log" \
      | tee "$WORK/probe-$mode.out" | sed 's/^/    /' >&2 || { echo "the probe failed ($mode)" >&2; exit 1; }
    for url in "http://127.0.0.1:$pa" "http://127.0.0.1:$pb"; do
      node=A; [[ $url == *":$pb" ]] && node=B
      sed -n "s#^RESULT node=$url n=\([0-9]*\) median_ms=\([^ ]*\) p90_ms=\([^ ]*\) max_ms=\([^ ]*\) min_ms=\([^ ]*\) missed=\([0-9]*\)#| $mode | $node | \1 of $ROUNDS | \2 | \3 | \4 | \5 | $la |#p" "$WORK/probe-$mode.out"
    done
    echo "    ingester wall per round ($mode), median: $(sed -n 's/^RESULT ingester median_s=//p' "$WORK/probe-$mode.out") s" >&2
    stop_node "$ida"; stop_node "$idb"
  done
  echo "goal: at most 2000 ms"
fi
echo
echo "done $(date -u +%Y-%m-%dT%H:%MZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"

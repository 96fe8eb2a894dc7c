#!/usr/bin/env bash
# Load runs against the Release site on 127.0.0.1 with wrk (issues #5 and #6). Bounded in time; always
# stops the site it started.
#
#   tests/load/run-load.sh [compare] [options]   static file, then the HTML search page with every query
#                                                distinct: req/s, p50/p99, errors, ratio search/static
#   tests/load/run-load.sh compression [options] the HTML search without compression, with Brotli and with gzip,
#                                                in turns, --rounds rounds, on one site: each encoding's req/s against
#                                                identity's (the level: PressReleases__Compression__Level)
#   tests/load/run-load.sh soak [options]        the mix (search, filters, facets, releases, feeds):
#                                                errors, 5xx, req/s, p50/p99 and the server's RSS series
#   tests/load/run-load.sh kinds [options]       each kind of the mix alone (8 connections, --duration each, 15s by
#                                                default): req/s, p50/p99 and the server's CPU per request, which
#                                                with the mix's shares gives the most the mix can do on these cores
# Options:
#   --data DIR        a prepared data directory (or env LOAD_DATA_DIR); prepare one with
#                     PressReleases__DataDirectory=DIR dotnet src/PressReleases.Web/bin/Release/net10.0/PressReleases.Web.dll ingest FOLDER
#   --ingest FOLDER   instead of --data: ingest FOLDER into a temporary data directory first (removed at exit),
#                     e.g. --ingest seeds for a short CI run without the full corpus
#   --duration D      wrk duration of each measured run (default 30s; soak 60s)
#   --connections N   (default 32; soak 64)     --threads N (default 2)     --warmup D (default 20s)
#   --rounds N        compression: rounds of identity, Brotli and gzip (default 3)
#   NO_BUILD=1        use the last publish (artifacts/publish)
#   ACCEPT_ENCODING=br|gzip   ask for compressed responses (default: none, as wrk does); the site's level is
#                     PressReleases__Compression__Level in the environment (Fastest by default)
# Exit code 0 only when no measured run had an error (non-2xx/3xx response or socket error).
set -euo pipefail
source "$(dirname "$0")/common.sh"
LOAD_DIR="$REPO_ROOT/tests/load"

MODE=compare
if [[ "${1:-}" == soak || "${1:-}" == compare || "${1:-}" == compression || "${1:-}" == kinds ]]; then MODE="$1"; shift; fi
DATA="${LOAD_DATA_DIR:-}"; INGEST=""; THREADS=2; WARMUP=20s; ROUNDS=3
if [[ $MODE == soak ]]; then DURATION=60s; CONNECTIONS=64; elif [[ $MODE == kinds ]]; then DURATION=15s; CONNECTIONS=8; elif [[ $MODE == compression ]]; then DURATION=15s; CONNECTIONS=32; else DURATION=30s; CONNECTIONS=32; fi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --ingest) INGEST="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
build_release
WORK="$(mktemp -d /tmp/run-load-XXXXXX)"
SITE_PID=""; SAMPLER_PID=""
cleanup() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n "$SITE_PID" ]]; then kill "$SITE_PID" 2>/dev/null || true; wait "$SITE_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -n "$INGEST" ]]; then
  DATA="$WORK/data"
  echo "ingesting $INGEST into a temporary data directory..."
  PressReleases__DataDirectory="$DATA" dotnet "$WEB_DLL" ingest "$INGEST" >"$WORK/ingest.log" 2>&1 \
    || { tail -20 "$WORK/ingest.log" >&2; exit 1; }
fi
[[ -n "$DATA" && -d "$DATA" ]] || { echo "give a prepared data directory with --data DIR (or --ingest FOLDER); see the top of $0" >&2; exit 2; }

PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
start_ns=$(date +%s%N)
# Logging at Warning: a log line per request would measure the console, not the site.
PressReleases__DataDirectory="$DATA" PressReleases__IngestOnStartup=false PressReleases__ApiRateLimit__PermitLimit=0 \
  Logging__LogLevel__Default=Warning \
  dotnet "$WEB_DLL" --urls "$URL" >"$WORK/site.log" 2>&1 &
SITE_PID=$!
ready_ms=$(wait_healthy "$URL" "$start_ns" 120 "$SITE_PID") || { tail -20 "$WORK/site.log" >&2; exit 1; }
echo "site pid $SITE_PID on $URL, /healthz 200 after $ready_ms ms: $(curl -s "$URL/healthz")"
echo "Accept-Encoding: ${ACCEPT_ENCODING:-none}; PressReleases__Compression__Level: ${PressReleases__Compression__Level:-default}"
echo "mode $MODE; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"

# The server's RSS once a second, tagged with the phase (warm-up or the run's name).
echo warmup >"$WORK/phase"
( t=0; while kill -0 "$SITE_PID" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$SITE_PID/status" 2>/dev/null || true)
    echo "$t $(cat "$WORK/phase") ${rss:-0}" >>"$WORK/rss"
    t=$((t + 1)); sleep 1
  done ) &
SAMPLER_PID=$!

export WRK_THREADS="$THREADS"
# CPU time the hypervisor gave to other guests ("steal"), from /proc/stat: on a shared VM the same build's
# throughput moves with it, so each run says how much of the machine it really had.
cpu_ticks() { awk '/^cpu / { print $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
run_wrk() { # name script connections duration
  echo "$1" >"$WORK/phase"
  local before after
  before=$(cpu_ticks)
  wrk -t"$THREADS" -c"$3" -d"$4" --timeout 10s --latency -s "$LOAD_DIR/$2" "$URL" | tee "$WORK/$1.out"
  after=$(cpu_ticks)
  echo "$before $after" | awk '{ t = $4 - $2; printf "%.1f\n", (t > 0 ? 100 * ($3 - $1) / t : 0) }' >"$WORK/$1.steal"
}
result() { # run field (the run's own output file; its RESULT line is labelled by the script, e.g. "search")
  sed -n "s/^RESULT [^ ]* .*[[:space:]]$2=\([^ ]*\).*/\1/p" "$WORK/$1.out"
}

if [[ $MODE == soak || $MODE == kinds ]]; then
  # Real slugs of the served data, from the site's own sitemaps (fits any data directory).
  curl -s "$URL/sitemaps/pages.xml" "$URL/sitemaps/releases-1.xml" | grep -o '<loc>[^<]*</loc>' \
    | sed -n 's#.*/\(releases\|ministers\|portfolios\)/\([^<]*\)</loc>#\1 \2#p' \
    | sed 's/^releases /release /; s/^ministers /minister /; s/^portfolios /portfolio /' >"$WORK/targets.txt"
  export TARGETS_FILE="$WORK/targets.txt"
  echo "targets: $(grep -c '^release ' "$TARGETS_FILE") releases, $(grep -c '^minister ' "$TARGETS_FILE") ministers, $(grep -c '^portfolio ' "$TARGETS_FILE") portfolios"
  echo "--- warm-up: mix, $WARMUP"
  run_wrk warmup mix.lua 16 "$WARMUP" >/dev/null
  if [[ $MODE == soak ]]; then
    echo "--- soak: mix"
    run_wrk mix mix.lua "$CONNECTIONS" "$DURATION"
    RUNS=(mix)
  else
    # The server's CPU (user + system, clock ticks) around each kind's run, per request served.
    server_ticks() { awk '{ print $14 + $15 }' "/proc/$SITE_PID/stat"; }
    RUNS=()
    for kind in $(grep -o '"[a-z-]*", function' "$LOAD_DIR/mix.lua" | cut -d'"' -f2); do
      # Five seconds of the kind alone first: the first kind measured must not pay for code the mix's warm-up left cold.
      ONLY_KIND="$kind" run_wrk "warmup-$kind" mix.lua "$CONNECTIONS" 5s >/dev/null
      before=$(server_ticks)
      ONLY_KIND="$kind" run_wrk "$kind" mix.lua "$CONNECTIONS" "$DURATION" >/dev/null
      after=$(server_ticks)
      awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$(sed -n 's/^RESULT [^ ]* requests=\([0-9]*\).*/\1/p' "$WORK/$kind.out")" \
        'BEGIN { printf "%.2f\n", (n > 0 ? 1000 * t / hz / n : 0) }' >"$WORK/$kind.cpu"
      RUNS+=("$kind")
    done
  fi
elif [[ $MODE == compression ]]; then
  # One site, one compression level (PressReleases__Compression__Level in the environment): the HTML search asked
  # for without compression, with Brotli and with gzip, in turns, ROUNDS rounds, so each encoding is compared with
  # identity runs of the same process and the same minutes rather than with another start's.
  echo "--- warm-up: search, $WARMUP"
  QUERIES_REVERSE=1 ACCEPT_ENCODING=br run_wrk warmup-search search.lua 8 "$WARMUP" >/dev/null
  RUNS=()
  for round in $(seq "$ROUNDS"); do
    for encoding in identity br gzip; do
      echo "--- search, Accept-Encoding: $encoding, round $round"
      ACCEPT_ENCODING=$([[ $encoding == identity ]] && echo "" || echo "$encoding") run_wrk "$encoding-$round" search.lua "$CONNECTIONS" "$DURATION"
      RUNS+=("$encoding-$round")
    done
  done
else
  # Warm-up with the query list reversed, so the measured run's queries are still new to the site.
  echo "--- warm-up: static and search (queries from the end of the list), $WARMUP each"
  run_wrk warmup-static static.lua 8 "$WARMUP" >/dev/null
  QUERIES_REVERSE=1 run_wrk warmup-search search.lua 8 "$WARMUP" >/dev/null
  echo "--- static file"
  run_wrk static static.lua "$CONNECTIONS" "$DURATION"
  echo "--- HTML search, all queries distinct"
  run_wrk search search.lua "$CONNECTIONS" "$DURATION"
  RUNS=(static search)
fi
echo measured-done >"$WORK/phase"; sleep 1.2

echo
echo "=== summary ($MODE)"
echo "| run | req/s | p50 ms | p99 ms | errors | 5xx | bytes/response | CPU steal % |"
echo "|---|---|---|---|---|---|---|---|"
status=0
for run in "${RUNS[@]}"; do
  echo "| $run | $(result "$run" req_s) | $(result "$run" p50_ms) | $(result "$run" p99_ms) | $(result "$run" errors) | $(result "$run" status_5xx) | $(result "$run" bytes_per_response) | $(cat "$WORK/$run.steal") |$([[ -f "$WORK/$run.cpu" ]] && echo " server CPU $(cat "$WORK/$run.cpu") ms/request |")"
  [[ "$(result "$run" errors)" == 0 ]] || status=1
done
if [[ $MODE == kinds ]]; then
  # The mix's shares (mix.lua) weight each kind's CPU: the mean CPU per request of the mix, and so the most the mix
  # could serve if the server had both cores to itself (the load generator takes some of them in a real run).
  grep -o '{ [0-9]*, "[a-z-]*"' "$LOAD_DIR/mix.lua" | tr -d '{",' | while read -r share kind; do
    echo "$share $(cat "$WORK/$kind.cpu")"
  done | awk -v cores="$(nproc)" '{ w += $1; c += $1 * $2 } END {
    printf "mix: %.2f ms of server CPU per request on average; at most %.0f requests a second on %d cores\n", c / w, 1000 * cores / (c / w), cores }'
fi
if [[ $MODE == compression ]]; then
  for encoding in br gzip; do
    for round in $(seq "$ROUNDS"); do
      awk -v c="$(result "$encoding-$round" req_s)" -v i="$(result "identity-$round" req_s)" -v e="$encoding" -v r="$round" \
        'BEGIN { printf "round %d: %s/identity search throughput %.3f\n", r, e, c / i }'
    done
  done
fi
if [[ $MODE == compare ]]; then
  awk -v s="$(result search req_s)" -v f="$(result static req_s)" \
    'BEGIN { printf "search/static throughput ratio: %.4f (1/%.1f); issue #18 asks for at least 1/10 (an earlier issue, 1/20)\n", s / f, f / s }'
fi

awk '{ print $3 }' "$WORK/rss" | sort -n | tail -1 | sed 's/^/server peak RSS (sampled each second): /; s/$/ MB/'
for run in "${RUNS[@]}"; do
  awk -v r="$run" '$2 == r { v[++n] = $3 } END {
    if (n == 0) exit
    third = int(n / 3); if (third < 1) third = 1
    for (i = 1; i <= n; i++) { if (v[i] > max) max = v[i]; if (min == "" || v[i] < min) min = v[i] }
    for (i = 1; i <= third; i++) if (v[i] > a) a = v[i]
    for (i = n - third + 1; i <= n; i++) if (v[i] > b) b = v[i]
    printf "RSS during %s (after warm-up), MB: min %d, max %d; max of first third %d, of last third %d: %s\n", r, min, max, a, b,
      (b <= a * 1.05 ? "flat (last third within 5% of the first)" : "GROWING (last third more than 5% above the first)")
    printf "RSS series during %s, MB, one a second:", r
    for (i = 1; i <= n; i++) printf " %d", v[i]
    printf "\n"
  }' "$WORK/rss"
done
if grep -qiE 'fail|exception' "$WORK/site.log"; then
  # The work folder goes at exit; the site's log is worth keeping when it logged a failure.
  kept="/tmp/run-load-site-$(date -u +%Y%m%dT%H%M%S).log"
  cp "$WORK/site.log" "$kept"
  echo "the site logged failures; its log is kept in $kept. First one:"
  grep -iE -m1 -A12 'fail|exception' "$WORK/site.log"
fi
exit $status

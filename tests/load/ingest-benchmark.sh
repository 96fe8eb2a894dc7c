#!/usr/bin/env bash
# End-to-end ingest benchmark over any folder of release files (issue #5).
#
#   tests/load/ingest-benchmark.sh FOLDER [RUNS]      (RUNS defaults to 3; NO_BUILD=1 reuses the last publish)
#
# Each run: a cold ingest into an EMPTY temporary data directory (wall time, releases/s, MB/s of the
# folder's .md bytes, peak RSS), a re-ingest of the unchanged folder (wall, peak RSS), and the site's
# start over that data directory until /healthz answers 200 (ms, polled every 20 ms). Prints a markdown
# table row per run, then the median and range of each column. Temporary directories are removed, except
# that KEEP_DATA=DIR moves the last run's data directory (store and index) to DIR, for a query run after.
set -euo pipefail
source "$(dirname "$0")/common.sh"

FOLDER="${1:?usage: $0 FOLDER [RUNS]}"
RUNS="${2:-3}"
[[ -d "$FOLDER" ]] || { echo "no such folder: $FOLDER" >&2; exit 1; }
FOLDER="$(cd "$FOLDER" && pwd)"
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }
build_release

FILES=$(find "$FOLDER" -name '*.md' -type f | wc -l)
BYTES=$(find "$FOLDER" -name '*.md' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
echo "folder: $FOLDER: $FILES .md files, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB; $RUNS run(s); $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"

WORK=""
SITE_PID=""
cleanup() {
  if [[ -n "$SITE_PID" ]]; then kill "$SITE_PID" 2>/dev/null || true; wait "$SITE_PID" 2>/dev/null || true; fi
  if [[ -n "$WORK" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

run_ingest() { # data_dir log time_file
  if ! PressReleases__DataDirectory="$1" /usr/bin/time -v -o "$3" dotnet "$WEB_DLL" ingest "$FOLDER" >"$2" 2>&1; then
    echo "ingest failed (exit code above 0); last lines of its output:" >&2
    tail -20 "$2" >&2
    exit 1
  fi
}

declare -a WALL RATE MBS RSS REWALL RERSS START
echo
echo "| run | cold ingest s | releases/s | MB/s | peak RSS MB | re-ingest s | re-ingest peak RSS MB | start to /healthz ms |"
echo "|---|---|---|---|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  WORK="$(mktemp -d /tmp/ingest-bench-XXXXXX)"
  run_ingest "$WORK/data" "$WORK/cold.log" "$WORK/cold.time"
  wall=$(elapsed_seconds "$WORK/cold.time")
  WALL+=("$wall"); RSS+=("$(peak_rss_mb "$WORK/cold.time")")
  RATE+=("$(awk -v n="$FILES" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')")
  MBS+=("$(awk -v b="$BYTES" -v s="$wall" 'BEGIN { printf "%.1f", b / 1e6 / s }')")

  run_ingest "$WORK/data" "$WORK/warm.log" "$WORK/warm.time"
  REWALL+=("$(elapsed_seconds "$WORK/warm.time")"); RERSS+=("$(peak_rss_mb "$WORK/warm.time")")

  port=$(free_port)
  start_ns=$(date +%s%N)
  PressReleases__DataDirectory="$WORK/data" PressReleases__IngestOnStartup=false \
    dotnet "$WEB_DLL" --urls "http://127.0.0.1:$port" >"$WORK/site.log" 2>&1 &
  SITE_PID=$!
  # A start that never gets ready is reported in its column; the ingest figures are kept.
  if ms=$(wait_healthy "http://127.0.0.1:$port" "$start_ns" 300 "$SITE_PID"); then
    START+=("$ms")
  else
    echo "    the site did not answer 200 on /healthz; its last lines:" >&2
    tail -5 "$WORK/site.log" | sed 's/^/    /' >&2
    ms="failed"
  fi
  kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; SITE_PID=""

  i=$((run - 1))
  echo "| $run | ${WALL[$i]} | ${RATE[$i]} | ${MBS[$i]} | ${RSS[$i]} | ${REWALL[$i]} | ${RERSS[$i]} | $ms |"
  if [[ $run == 1 ]]; then
    echo "    ingest summary: $(grep -E '^(Added|Rejected|Time) ' "$WORK/cold.log" | tr -s ' ' | paste -sd ';' -)" >&2
  fi
  if [[ -n "${KEEP_DATA:-}" && $run == "$RUNS" ]]; then
    rm -rf "$KEEP_DATA"; mv "$WORK/data" "$KEEP_DATA"
  fi
  rm -rf "$WORK"; WORK=""
done

col() { printf '%s\n' "$@" | median_range; }
[[ ${#START[@]} -gt 0 ]] || START=(failed)
echo "| median (range) | $(col "${WALL[@]}") | $(col "${RATE[@]}") | $(col "${MBS[@]}") | $(col "${RSS[@]}") | $(col "${REWALL[@]}") | $(col "${RERSS[@]}") | $(col "${START[@]}") |"

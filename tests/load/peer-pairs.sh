#!/usr/bin/env bash
# The cold ingest beside its peer (issue #18): SQLite FTS5 built from Python (../shared/anchors/fts5_build.py), run
# alternately over the same folder, so both see the same minutes of this machine.
#
#   tests/load/peer-pairs.sh FOLDER [PAIRS]      (PAIRS defaults to 5; NO_BUILD=1 reuses the last publish;
#                                                 PEER=path/to/fts5_build.py when it is not beside the repository)
#
# Each pair: a speed probe (a fixed single-threaded Python loop, the same work every time: how fast one core runs an
# interpreter in the seconds before the pair), the peer into a new database, then a cold ingest into an empty data
# directory (the order swapped every other pair). Prints a markdown row per pair (probe, peer with its own split into
# reading and parsing the files and building FTS5, ingest, ratio, the ingest's CPU and peak RSS), then the median of
# each column. On this shared VM the peer's one thread has taken anywhere from 9.6 to 24 s within a day while the
# two-core ingest moved far less, so one pair says little: run several, and compare ratios only within a run
# (docs/performance.md, "Issue #18"). The probe catches the slowest spells, not every one.
set -euo pipefail
source "$(dirname "$0")/common.sh"

FOLDER="${1:?usage: $0 FOLDER [PAIRS]}"
PAIRS="${2:-5}"
PEER="${PEER:-$REPO_ROOT/../shared/anchors/fts5_build.py}"
[[ -d "$FOLDER" ]] || { echo "no such folder: $FOLDER" >&2; exit 1; }
[[ -f "$PEER" ]] || { echo "no peer script at $PEER (set PEER=...)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }
FOLDER="$(cd "$FOLDER" && pwd)"
build_release

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "folder: $FOLDER; $PAIRS pair(s); $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"

probe() {
  /usr/bin/time -f %e -o "$WORK/probe.time" python3 -c 's = 0
for i in range(30_000_000): s += i' >/dev/null
  cat "$WORK/probe.time"
}

run_peer() {
  rm -f "$WORK"/peer.db*
  /usr/bin/time -f %e -o "$WORK/peer.time" python3 "$PEER" "$FOLDER" "$WORK/peer.db" >"$WORK/peer.log" 2>&1 \
    || { echo "the peer failed:" >&2; tail -5 "$WORK/peer.log" >&2; exit 1; }
}

run_ingest() {
  rm -rf "$WORK/data"
  PressReleases__DataDirectory="$WORK/data" /usr/bin/time -f "%e %U %S %M" -o "$WORK/ingest.time" \
    dotnet "$WEB_DLL" ingest "$FOLDER" >"$WORK/ingest.log" 2>&1 \
    || { echo "the ingest failed:" >&2; tail -20 "$WORK/ingest.log" >&2; exit 1; }
}

echo "| pair | probe, s | peer, s | peer: parse + FTS5, s | ingest, s | ratio | ingest CPU, s | peak RSS, MB |"
echo "|---|---|---|---|---|---|---|---|"
: >"$WORK/rows"
for pair in $(seq 1 "$PAIRS"); do
  probe_s=$(probe)
  if (( pair % 2 )); then run_peer; run_ingest; else run_ingest; run_peer; fi
  read -r wall user sys rss_kb <"$WORK/ingest.time"
  peer_s=$(cat "$WORK/peer.time")
  # The peer prints "parsed N in Xs, fts insert+index Ys, size ...".
  split=$(sed -n 's/.* in \([0-9.]*\)s, fts insert+index \([0-9.]*\)s.*/\1 + \2/p' "$WORK/peer.log")
  row=$(awk -v p="$pair" -v pr="$probe_s" -v pe="$peer_s" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss_kb" \
    'BEGIN { printf "%s %.2f %.2f %.2f %.2f %.1f %.0f", p, pr, pe, w, w / pe, u + s, r / 1024 }')
  echo "$row" >>"$WORK/rows"
  echo "$row" | awk -v parts="${split:-?}" '{ printf "| %s | %s | %s | %s | %s | %s× | %s | %s |\n", $1, $2, $3, parts, $4, $5, $6, $7 }'
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '| median | %s | %s | | %s | %s× | %s | %s |\n' \
  "$(cut -d' ' -f2 "$WORK/rows" | median)" "$(cut -d' ' -f3 "$WORK/rows" | median)" "$(cut -d' ' -f4 "$WORK/rows" | median)" \
  "$(cut -d' ' -f5 "$WORK/rows" | median)" "$(cut -d' ' -f6 "$WORK/rows" | median)" "$(cut -d' ' -f7 "$WORK/rows" | median)"

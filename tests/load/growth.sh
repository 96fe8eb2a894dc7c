#!/usr/bin/env bash
# Growth runs over synthetic corpora (issue #5): for each size, generate the corpus if it is missing, run the
# ingest benchmark once (cold ingest, re-ingest, start) keeping its data directory, then the in-process query
# mix over that data.
#
#   tests/load/growth.sh                 SIZES="10000 100000 1000000" GROWTH_DIR=/tmp by default
#
# Corpora go to GROWTH_DIR/synth-N (kept, since generating 1M releases takes minutes), data directories to
# GROWTH_DIR/synth-N-data (replaced on every run). NO_BUILD=1 reuses the last publish.
set -euo pipefail
source "$(dirname "$0")/common.sh"

SIZES="${SIZES:-10000 100000 1000000}"
GROWTH_DIR="${GROWTH_DIR:-/tmp}"
build_release
dotnet build "$REPO_ROOT/tests/PressReleases.Benchmarks" -c Release -v quiet -nologo >&2
dotnet build "$REPO_ROOT/tests/PressReleases.CorpusGenerator" -c Release -v quiet -nologo >&2

for n in $SIZES; do
  corpus="$GROWTH_DIR/synth-$n"
  data="$GROWTH_DIR/synth-$n-data"
  echo "== $n synthetic releases: $corpus"
  if [[ ! -d "$corpus" ]]; then
    dotnet run --no-build -c Release --project "$REPO_ROOT/tests/PressReleases.CorpusGenerator" -- --count "$n" --out "$corpus"
  fi

  KEEP_DATA="$data" NO_BUILD=1 "$REPO_ROOT/tests/load/ingest-benchmark.sh" "$corpus" 1

  # The benchmark's data marker (as its build-data verb writes it), so the query mix uses this data as is.
  files=$(find "$corpus" -name '*.md' -type f | wc -l)
  releases=$(sqlite3 "$data/pressreleases.db" 'SELECT COUNT(*) FROM Releases WHERE RemovedAt IS NULL')
  schema=$(grep -oP 'SchemaVersion = \K[0-9]+' "$REPO_ROOT/src/PressReleases.Core/Search/Indexing/SearchIndex.cs")
  printf 'corpus=%s\nfiles=%s\nreleases=%s\nschema=%s\n' "$corpus" "$files" "$releases" "$schema" > "$data/bench-corpus.txt"

  dotnet run --no-build -c Release --project "$REPO_ROOT/tests/PressReleases.Benchmarks" -- \
    querymix --corpus "$corpus" --data "$data" --passes 3 --runs 1
done

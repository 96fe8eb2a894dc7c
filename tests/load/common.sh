# Sourced by the scripts in tests/load: paths, a free port, and waiting for /healthz.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The site as it is deployed (the Dockerfile publishes the same way): Release, ReadyToRun, so a start does
# not wait for the JIT to compile the host, EF Core and Lucene.Net (docs/performance.md).
PUBLISH_DIR="$REPO_ROOT/artifacts/publish"
WEB_DLL="$PUBLISH_DIR/PressReleases.Web.dll"

build_release() {
  if [[ "${NO_BUILD:-0}" != 1 ]]; then
    echo "publishing the site (Release, ReadyToRun) to $PUBLISH_DIR..." >&2
    dotnet publish "$REPO_ROOT/src/PressReleases.Web" -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -p:UseAppHost=false -o "$PUBLISH_DIR" -v quiet -nologo >&2 || { echo "publish failed" >&2; exit 1; }
  fi
  [[ -f "$WEB_DLL" ]] || { echo "missing $WEB_DLL: publish first (or unset NO_BUILD)" >&2; exit 1; }
}

# A port nobody listens on, between 20000 and 59999.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Polls /healthz every 20 ms until 200; prints the milliseconds since START_NS. Fails after TIMEOUT s.
wait_healthy() {
  local url="$1" start_ns="$2" timeout_s="${3:-120}" pid="${4:-}"
  local deadline=$(( $(date +%s) + timeout_s ))
  while :; do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url/healthz")" == 200 ]]; then
      echo $(( ($(date +%s%N) - start_ns) / 1000000 ))
      return 0
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "the site exited before /healthz answered 200" >&2
      return 1
    fi
    if (( $(date +%s) > deadline )); then
      echo "no 200 from $url/healthz within ${timeout_s}s" >&2
      return 1
    fi
    sleep 0.02
  done
}

# "Elapsed (wall clock) time" of /usr/bin/time -v (h:mm:ss or m:ss.ss) in seconds.
elapsed_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}

# "Maximum resident set size (kbytes)" of /usr/bin/time -v in MB.
peak_rss_mb() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

# Median and range of numbers on stdin: "median (min–max)".
median_range() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s (%s–%s)", m, v[1], v[NR] }'
}

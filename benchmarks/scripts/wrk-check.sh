#!/usr/bin/env bash
# wrk-check: does `sab load` measure what wrk measures?
#
# Starts sab's http server (`sab serve`) on one scheduler, then loads its /light route in turn with
# wrk and with `sab load`, closed loop (each connection sends its next request when the previous
# answer arrives), one client thread each, the same connection count and duration, for several
# rounds. It prints every round's median latency and passes when the median of sab load's medians
# is within 25% of the median of wrk's.
#
# wrk is Debian's package `wrk` (https://github.com/wg/wrk). This script installs nothing: without
# wrk it says so and exits 0 without checking anything.
#
# Usage: benchmarks/scripts/wrk-check.sh [-s SCHEDULER] [-c CONNECTIONS] [-d SECONDS] [-r ROUNDS]
#   defaults: -s virtual -c 16 -d 10 -r 3
# Exit: 0 agree (or wrk absent), 1 disagree, 2 bad usage or the server did not start.
set -euo pipefail

SAB_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCHEDULER=virtual
CONNECTIONS=16
SECONDS_PER_RUN=10
ROUNDS=3
TOLERANCE=0.25

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts "s:c:d:r:h" opt; do
  case "$opt" in
    s) SCHEDULER="$OPTARG" ;;
    c) CONNECTIONS="$OPTARG" ;;
    d) SECONDS_PER_RUN="$OPTARG" ;;
    r) ROUNDS="$OPTARG" ;;
    *) usage ;;
  esac
done
for n in "$CONNECTIONS" "$SECONDS_PER_RUN" "$ROUNDS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "wrk-check: bad number '$n': expected a whole number ≥ 1" >&2; exit 2; }
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk-check: skipped: wrk is not installed (Debian/Ubuntu: apt-get install wrk); this script installs nothing"
  exit 0
fi

SAB="$SAB_HOME/sab"
"$SAB" --version >/dev/null   # builds sab first if its sources changed, so no build runs during a measurement

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$SAB" serve -s "$SCHEDULER" -d 60m >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
TARGET=""
for _ in $(seq 1 300); do
  TARGET="$(sed -n 's/^listening on //p' "$WORK/serve.out")"
  [ -n "$TARGET" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$TARGET" ]; then
  echo "wrk-check: sab serve -s $SCHEDULER did not start: $(tail -n 3 "$WORK/serve.err")" >&2
  exit 2
fi
URL="http://$TARGET/light"

# wrk prints "50%  123.45us" under "Latency Distribution"; the value in microseconds.
wrk_p50_us() {
  awk '/^ +50% / { v = $2
         if (v ~ /us$/) { sub(/us$/, "", v); print v }
         else if (v ~ /ms$/) { sub(/ms$/, "", v); print v * 1000 }
         else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000000 } }'
}
# sab load prints a table whose /light row has p50 in its sixth column, as "0.123ms".
sab_p50_us() {
  awk '$1 == "/light" { v = $6; sub(/ms$/, "", v); print v * 1000 }'
}

echo "wrk-check: $URL on scheduler $SCHEDULER, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per run, $ROUNDS rounds, closed loop"
wrk -t1 -c"$CONNECTIONS" -d3s "$URL" >/dev/null   # warms the server's JIT before anything is recorded

WRK=()
SABL=()
printf "%-6s %14s %14s %12s %12s\n" round "wrk p50 (us)" "sab p50 (us)" "wrk req/s" "sab req/s"
for r in $(seq 1 "$ROUNDS"); do
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$URL" >"$WORK/wrk.out"
  "$SAB" load "$URL" -c "$CONNECTIONS" -d "${SECONDS_PER_RUN}s" >"$WORK/sab.out"
  w="$(wrk_p50_us <"$WORK/wrk.out")"
  s="$(sab_p50_us <"$WORK/sab.out")"
  wr="$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk.out")"
  sr="$(awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "answered/s") print $(i - 1) }' "$WORK/sab.out")"
  [ -n "$w" ] && [ -n "$s" ] || { echo "wrk-check: could not read a median from wrk or sab load:"; cat "$WORK/wrk.out" "$WORK/sab.out"; exit 1; }
  WRK+=("$w")
  SABL+=("$s")
  printf "%-6s %14s %14s %12s %12s\n" "$r" "$w" "$s" "$wr" "$sr"
done

median() { printf "%s\n" "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
MW="$(median "${WRK[@]}")"
MS="$(median "${SABL[@]}")"
awk -v w="$MW" -v s="$MS" -v t="$TOLERANCE" 'BEGIN {
  ratio = s / w
  printf "median of medians: wrk %.1f us, sab load %.1f us, sab/wrk %.3f (tolerance ±%d%%)\n", w, s, ratio, t * 100
  if (ratio < 1 - t || ratio > 1 + t) { print "wrk-check: FAIL: the medians differ by more than the tolerance"; exit 1 }
  print "wrk-check: ok"
}'

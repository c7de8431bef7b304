#!/usr/bin/env bash
# go-reference: Go's own figures for the goals of issue 5, measured on this machine.
#
# Builds benchmarks/go (a small Go program of sab's, standard library only) and runs, in Go:
# spawn-and-complete (a goroutine starts batches of 10,000) and a ping-pong round trip over
# unbuffered channels, each with GOMAXPROCS=1 and 2, as gmp:procs=1 and 2 in SpawnBenchmark and
# PingPongBenchmark; then N goroutines sleeping S seconds, as SleepersFootprint does for gmp.
# benchmarks/README.md puts these beside gmp's and the JDK's.
#
# Go is Debian's package `golang-go`. This script installs nothing: without `go` it says so and
# exits 0.
#
# Usage: benchmarks/scripts/go-reference.sh [-n SLEEPERS] [-s SECONDS]
#   defaults: -n 1000000 -s 10
# Exit: 0 measured (or go absent), 1 the build or a run failed, 2 bad usage.
set -euo pipefail

SAB_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SLEEPERS=1000000
SLEEP_SECONDS=10

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts "n:s:h" opt; do
  case "$opt" in
    n) SLEEPERS="$OPTARG" ;;
    s) SLEEP_SECONDS="$OPTARG" ;;
    *) usage ;;
  esac
done
for n in "$SLEEPERS" "$SLEEP_SECONDS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "go-reference: bad number '$n': expected a whole number ≥ 1" >&2; exit 2; }
done

if ! command -v go >/dev/null 2>&1; then
  echo "go-reference: skipped: go is not installed (Debian/Ubuntu: apt-get install golang-go); this script installs nothing"
  exit 0
fi

OUT="$SAB_HOME/benchmarks/target/goref"
mkdir -p "$(dirname "$OUT")"
(cd "$SAB_HOME/benchmarks/go" && go build -o "$OUT" main.go) || exit 1

echo "# $(go version); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for procs in 1 2; do
  GOMAXPROCS=$procs "$OUT" spawn || exit 1
done
for procs in 1 2; do
  GOMAXPROCS=$procs "$OUT" pingpong || exit 1
done
"$OUT" sleepers "$SLEEPERS" "$SLEEP_SECONDS" || exit 1

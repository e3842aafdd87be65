#!/usr/bin/env bash
# Search speed, side by side in one run: 500 REA runs of 12,000 simulated seconds on a full-size
# oracle table, Java (nb201) vs a numpy port vectorised across runs (rea.py), same data (CSV).
# Optional: a full-size store (e.g. from the jmh SyntheticStore generator) also times the whole
# `nb201 search rea --runs 500` command.   usage: search/bench/compare.sh [store.duckdb]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)"
cd "$ROOT"
mvn -B -q -DskipTests -pl jmh -am package
CP="jmh/target/classes:jmh/target/lib/*"
WORK="${TMPDIR:-/tmp}/nb201-search-bench"
mkdir -p "$WORK"
CSV="$WORK/oracle.csv"
if [ $# -ge 1 ]; then
  java -cp "$CP" org.nb201.jmh.SearchBench export "$1" "$CSV"
else
  java -cp "$CP" org.nb201.jmh.SearchBench synthetic "$CSV"
fi
echo "oracle table: $CSV ($(wc -l < "$CSV") lines); $(nproc) cores"
J=$(java -cp "$CP" org.nb201.jmh.SearchBench run "$CSV" rea 500 12000 15 "$(nproc)")
P=$(/usr/bin/python3 "$ROOT/search/bench/rea.py" "$CSV" 500 12000 15)
echo "$J"
echo "$P"
jb=$(sed -E 's/.*best ([0-9.]+) s.*/\1/' <<<"$J")
pb=$(sed -E 's/.*best ([0-9.]+) s.*/\1/' <<<"$P")
awk -v j="$jb" -v p="$pb" 'BEGIN { printf "runs themselves: Java %.4f s, numpy %.4f s: Java is %.1fx faster\n", j, p, p / j }'
if [ $# -ge 1 ]; then
  ./nb201 --version >/dev/null
  /usr/bin/time -f "whole command: %e s wall, %M KB peak RSS" ./nb201 search rea --store "$1" --runs 500 >/dev/null
fi

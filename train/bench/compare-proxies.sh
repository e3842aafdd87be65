#!/bin/sh
# Side-by-side speed of training-free scores: nb201 (ProxyBench, DJL + PyTorch 2.7.1) against a plain
# PyTorch script (proxies_reference.py, Debian python3-torch), the same sampled cells, threads and
# network, Gaussian-noise images for NASWOT. Prints both lines per proxy and the ratio
# pytorch s/cell / nb201 s/cell (>1: nb201 faster).
# usage: train/bench/compare-proxies.sh <proxies> <C> <N> <cells> <threads> [sample-seed]
# example: train/bench/compare-proxies.sh synflow,params,flops,naswot 16 5 21 1
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -ge 5 ] || { sed -n '5,7p' "$0"; exit 2; }
cpfile=$(mktemp)
# compiles train and what it needs; sibling modules resolve to their target/classes (no install)
(cd "$root" && mvn -B -q -o -pl train -am compile dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null)
cp="$root/train/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
export MALLOC_ARENA_MAX=1
djl=$(java -Xms32m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$cp" \
  org.nb201.train.bench.ProxyBench "$1" "$2" "$3" "$4" "$5" "${6:-1}")
archs=$(echo "$djl" | sed -n 's/^archs=//p')
ref=$(OMP_NUM_THREADS="$5" /usr/bin/python3 "$here/proxies_reference.py" "$1" "$2" "$3" "$5" "$archs")
echo "$djl" | grep -v '^archs='
echo "$ref"
for p in $(echo "$1" | tr ',' ' '); do
  d=$(echo "$djl" | sed -n "s/^djl proxy=$p .*s_per_cell=\([0-9.]*\).*/\1/p")
  r=$(echo "$ref" | sed -n "s/^pytorch proxy=$p .*s_per_cell=\([0-9.]*\).*/\1/p")
  echo "ratio $p pytorch/nb201 = $(echo "scale=2; $r / $d" | bc)"
done

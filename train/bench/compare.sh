#!/bin/sh
# Side-by-side training speed, memory and accuracy: nb201-train (DJL + PyTorch 2.7.1) against a plain
# PyTorch TinyNetwork (Debian python3-torch), same cell, batch 256, threads and data.
# usage: train/bench/compare.sh <arch-index> <C> <N> <images> <epochs> <threads> random|<fashion-dir>
# example: train/bench/compare.sh 11472 8 1 5120 1 2 random
#          train/bench/compare.sh 1462 16 5 1280 1 2 random
# Build first: mvn -B -q -pl space,train install -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -eq 7 ] || { sed -n '4,6p' "$0"; exit 2; }
cpfile=$(mktemp)
(cd "$root/train" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null)
cp="$root/train/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
arch=$(java -cp "$cp" org.nb201.train.bench.ArchString "$1")
# glibc: one malloc arena. The JVM runs libtorch on a non-main thread, whose arenas are 64 MB heaps
# that fragment badly with 8-17 MB activations (C16N5 conv3x3: 4.1 GB peak RSS by default, 3.2 GB
# with one arena); python runs on the main arena anyway, so both get the same allocator setting.
export MALLOC_ARENA_MAX=1
djl=$(java -Xms32m -Xmx512m -XX:+UseSerialGC -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$6" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$cp" org.nb201.train.bench.TrainBench "$1" "$2" "$3" "$4" "$5" "$6" "$7")
ref=$(OMP_NUM_THREADS="$6" /usr/bin/python3 "$here/reference.py" "$arch" "$2" "$3" "$4" "$5" "$6" "$7")
echo "$djl"
echo "$ref"
d=$(echo "$djl" | sed 's/.*img_per_s=\([0-9.]*\).*/\1/')
p=$(echo "$ref" | sed 's/.*img_per_s=\([0-9.]*\).*/\1/')
echo "ratio djl/pytorch images/s = $(echo "scale=3; $d / $p" | bc)"

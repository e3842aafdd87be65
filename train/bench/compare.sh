#!/bin/sh
# Side-by-side training speed, memory and accuracy: nb201-train (DJL + PyTorch 2.7.1) against a plain
# PyTorch TinyNetwork (Debian python3-torch), same cell, batch 256, threads and data.
# usage: train/bench/compare.sh <arch-index> <C> <N> <images> <epochs> <threads> random|<fashion-dir> [rounds]
# Runs both programs alternately `rounds` times (default 3) and prints each run, the ratio of each
# round and the median ratio: on a shared 2-core machine single runs vary by +-25 %.
# nb201 sets glibc's heap thresholds itself (train NativeHeap); PYTORCH_MALLOC=same gives the PyTorch
# run the same settings through the environment, to see how much of the ratio they account for.
# BENCH_SEED=n (default 777) sets the seed of both sides (weights, data order, augmentation).
# example: train/bench/compare.sh 11472 8 1 10240 1 2 random 5
#          train/bench/compare.sh 1462 16 5 1536 1 2 random 3
# Build first: mvn -B -q -pl space,train install -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -eq 7 ] || [ $# -eq 8 ] || { sed -n '4,8p' "$0"; exit 2; }
rounds=${8:-3}
cpfile=$(mktemp)
(cd "$root/train" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null)
cp="$root/train/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
arch=$(java -cp "$cp" org.nb201.train.bench.ArchString "$1")
# glibc: one malloc arena. The JVM runs libtorch on a non-main thread, whose arenas are 64 MB heaps
# that fragment badly with 8-17 MB activations (C16N5 conv3x3: 4.1 GB peak RSS by default, 3.2 GB
# with one arena); python runs on the main arena anyway, so both get the same allocator setting.
export MALLOC_ARENA_MAX=1
pyenv=""
if [ "${PYTORCH_MALLOC:-}" = same ]; then
  pyenv="MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=67108864"
fi
ratios=""
r=1
while [ "$r" -le "$rounds" ]; do
  # the JVM flags of the ./nb201 launcher: C1 only (its compiles do not compete with the two compute threads)
  djl=$(java -Xms32m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$6" -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$cp" org.nb201.train.bench.TrainBench "$1" "$2" "$3" "$4" "$5" "$6" "$7")
  # shellcheck disable=SC2086
  ref=$(env $pyenv OMP_NUM_THREADS="$6" /usr/bin/python3 "$here/reference.py" "$arch" "$2" "$3" "$4" "$5" "$6" "$7")
  echo "round $r $djl"
  echo "round $r $ref"
  d=$(echo "$djl" | sed 's/.*img_per_s=\([0-9.]*\).*/\1/')
  p=$(echo "$ref" | sed 's/.*img_per_s=\([0-9.]*\).*/\1/')
  ratios="$ratios $(echo "scale=3; $d / $p" | bc)"
  r=$((r + 1))
done
echo "ratios djl/pytorch images/s:$ratios"
echo "median ratio = $(echo $ratios | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')"

#!/bin/sh
# Side-by-side speed and memory of one weight-sharing search epoch: nb201 (SearchBench, DJL + PyTorch
# 2.7.1) against a plain PyTorch supernet written from the official settings (AutoDL-Projects
# exps/NAS-Bench-201-algos/DARTS-V1.py, GDAS.py, RANDOM-NAS.py, SETN.py, ENAS.py;
# docs/search-algorithms.md#weight-sharing-methods) (search_reference.py, Debian python3-torch), same method,
# C, N, batch (64; ENAS 128), threads, images and data kind.
# usage: train/bench/search_compare.sh <darts-v1|gdas|rsps|setn|enas> <C> <N> <images> <threads>
#   random|<fashion-dir> [rounds] [key=value ...]
# Runs both alternately `rounds` times (default 3) and prints each run, each round's images/s ratio
# (search steps) and epoch-time ratio (steps plus RSPS/SETN's selection, ENAS's controller training
# and selection), and the median ratios (single runs on a shared 2-core machine vary a lot). The
# key=value settings go to both (select_num, select_batch, ctl_train_steps, ctl_num_aggregate,
# epoch_samples). BENCH_SEED=n sets the seed of both; PYTORCH_MALLOC=same gives the PyTorch run
# nb201's glibc heap settings.
# example: train/bench/search_compare.sh darts-v1 8 1 1024 2 random 3
# example: train/bench/search_compare.sh enas 8 1 512 2 random 3 ctl_train_steps=5 epoch_samples=10
# The script compiles space, pickle and train first (offline).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -ge 6 ] || { sed -n '4,14p' "$0"; exit 2; }
method=$1 c=$2 n=$3 images=$4 threads=$5 data=$6
shift 6
rounds=3
if [ $# -gt 0 ]; then
  case $1 in *=*) ;; *) rounds=$1; shift ;; esac
fi
cpfile=$(mktemp)
(cd "$root" && mvn -B -q -o -pl space,pickle,train compile dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null)
cp="$root/train/target/classes:$root/space/target/classes:$root/pickle/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
export MALLOC_ARENA_MAX=1 # see compare.sh: one malloc arena for both
pyenv=""
if [ "${PYTORCH_MALLOC:-}" = same ]; then
  pyenv="MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=67108864"
fi
ratios=""
eratios=""
r=1
while [ "$r" -le "$rounds" ]; do
  djl=$(java -Xms32m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dai.djl.offline=true \
    -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$cp" org.nb201.train.bench.SearchBench "$method" "$c" "$n" \
    "$images" "$threads" "$data" "$@")
  # shellcheck disable=SC2086
  ref=$(env $pyenv OMP_NUM_THREADS="$threads" /usr/bin/python3 "$here/search_reference.py" "$method" "$c" "$n" \
    "$images" "$threads" "$data" "$@")
  echo "round $r $djl"
  echo "round $r $ref"
  d=$(echo "$djl" | sed 's/.*img_per_s=\([0-9.]*\).*/\1/')
  p=$(echo "$ref" | sed 's/.*img_per_s=\([0-9.]*\).*/\1/')
  ratios="$ratios $(echo "scale=3; $d / $p" | bc)"
  de=$(echo "$djl" | sed 's/.*epoch_s=\([0-9.]*\).*/\1/')
  pe=$(echo "$ref" | sed 's/.*epoch_s=\([0-9.]*\).*/\1/')
  eratios="$eratios $(echo "scale=3; $pe / $de" | bc)"
  r=$((r + 1))
done
echo "ratios djl/pytorch images/s:$ratios"
median() {
  echo "$@" | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}
echo "median ratio = $(median $ratios)"
echo "epoch-time ratios pytorch/djl (above 1: nb201 faster):$eratios"
echo "median epoch ratio = $(median $eratios)"

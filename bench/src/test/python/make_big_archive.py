#!/usr/bin/python3
"""Builds a LARGE synthetic NATS single-file archive for measuring the streamed import's heap
(not committed; written where you say). Entries 0..N-1 are deep copies of the genuine records of
sample arch 0 or 11 with index and arch strings rewritten to the official ones, so the importer
accepts them; their numbers are not those of the real architectures.

Usage: /usr/bin/python3 bench/src/test/python/make_big_archive.py N OUT.pickle.pbz2
"""
import bz2
import copy
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
SAMPLE = ROOT.parent / "shared" / "data" / "nats-tss-sample"


def load(name):
    with bz2.open(SAMPLE / name, "rb") as f:
        return pickle.load(f)


def main():
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    meta = load("meta.pickle.pbz2")
    archs = meta["meta_archs"]
    templates = [load("000000.pickle.pbz2"), load("000011.pickle.pbz2")]
    arch2infos = {}
    for i in range(n):
        entry = copy.deepcopy(templates[i % 2])
        for hp in entry.values():
            hp["arch_index"] = i
            hp["arch_str"] = archs[i]
            for r in hp["all_results"].values():
                r["arch_config"]["arch_str"] = archs[i]
        arch2infos[i] = entry
    archive = {"meta_archs": archs, "total_archs": len(archs), "arch2infos": arch2infos,
               "evaluated_indexes": set(arch2infos)}
    with bz2.open(out, "wb", compresslevel=1) as f:
        pickle.dump(archive, f, protocol=4)
    print(out, out.stat().st_size, "bytes")


if __name__ == "__main__":
    sys.exit(main())

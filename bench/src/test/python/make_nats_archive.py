#!/usr/bin/python3
"""Builds a small NATS-Bench single-file archive in the official layout of
NATS-tss-v1_0-3ffb9.pickle.pbz2 (bz2-compressed pickle of
{meta_archs, total_archs, arch2infos: {index: {'12': ..., '200': ...}}, evaluated_indexes})
from the genuine per-arch sample files in ../shared/data/nats-tss-sample (archs 0 and 11).

Usage (from the repository root): /usr/bin/python3 bench/src/test/python/make_nats_archive.py
Writes bench/src/test/resources/nats/NATS-tss-v1_0-sample.pickle.pbz2. Needs only the standard library.
"""
import bz2
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
SAMPLE = ROOT.parent / "shared" / "data" / "nats-tss-sample"
OUT = ROOT / "bench" / "src" / "test" / "resources" / "nats" / "NATS-tss-v1_0-sample.pickle.pbz2"


def load(name):
    with bz2.open(SAMPLE / name, "rb") as f:
        return pickle.load(f)


def main():
    meta = load("meta.pickle.pbz2")
    arch2infos = {i: load("%06d.pickle.pbz2" % i) for i in (0, 11)}
    archive = {
        "meta_archs": meta["meta_archs"],
        "total_archs": meta["total_archs"],
        "arch2infos": arch2infos,
        "evaluated_indexes": set(arch2infos),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with bz2.open(OUT, "wb") as f:
        pickle.dump(archive, f, protocol=4)
    print(OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    sys.exit(main())

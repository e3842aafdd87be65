#!/usr/bin/python3
"""Builds a small NATS-Bench single-file archive in the official layout of
NATS-tss-v1_0-3ffb9.pickle.pbz2 (bz2-compressed pickle of
{meta_archs, total_archs, arch2infos: {index: {'12': ..., '200': ...}}, evaluated_indexes})
from the genuine per-arch sample files in ../shared/data/nats-tss-sample (archs 0 and 11).

Usage: /usr/bin/python3 bench/src/test/python/make_nats_archive.py [SAMPLE_DIR OUT_FILE]
(defaults: ../shared/data/nats-tss-sample and bench/target/NATS-tss-v1_0-sample.pickle.pbz2).
The tests run it into their build folder (NatsArchiveFixture), so no copy of the shared data is
committed. Needs the standard library and numpy (the sample files hold numpy scalars); the input
files are the genuine, trusted sample files.
"""
import bz2
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
SAMPLE = ROOT.parent / "shared" / "data" / "nats-tss-sample"
OUT = ROOT / "bench" / "target" / "NATS-tss-v1_0-sample.pickle.pbz2"


def load(sample, name):
    with bz2.open(sample / name, "rb") as f:
        return pickle.load(f)


def main():
    sample, out = (Path(sys.argv[1]), Path(sys.argv[2])) if len(sys.argv) == 3 else (SAMPLE, OUT)
    meta = load(sample, "meta.pickle.pbz2")
    arch2infos = {i: load(sample, "%06d.pickle.pbz2" % i) for i in (0, 11)}
    archive = {
        "meta_archs": meta["meta_archs"],
        "total_archs": meta["total_archs"],
        "arch2infos": arch2infos,
        "evaluated_indexes": set(arch2infos),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with bz2.open(tmp, "wb") as f:
        pickle.dump(archive, f, protocol=4)
    tmp.replace(out)
    print(out, out.stat().st_size, "bytes")


if __name__ == "__main__":
    sys.exit(main())

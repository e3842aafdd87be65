#!/usr/bin/python3
"""Builds small NAS-Bench-201 benchmark files in the real torch.save format, both containers,
with genuine numbers taken from the NATS-Bench sample files in ../shared/data/nats-tss-sample.

Layout (NAS-Bench-201 nas_201_api/api_201.py::NASBench201API; docs/benchmark-data.md#the-record-of-a-trial):
{'meta_archs': [...], 'total_archs': 15625, 'arch2infos': {index: {'less':
ArchResults state, 'full': ArchResults state}}, 'evaluated_indexes': [...]}, 'less' being the
12-epoch and 'full' the 200-epoch schedule. To stay small, 'meta_archs' holds the first 12
official strings and only some (dataset, seed) runs are kept:
  arch 0:  full cifar100 777/888/999; less cifar10-valid 111/777, cifar10 111
  arch 11: full cifar10 777/888/999; less cifar10-valid 777
v1.1 files keep the times; the v1.0 file drops them from every 'full' run (AutoDL-Projects issue #55;
docs/benchmark-data.md#time-model) and keeps
only arch 0.

Usage (from the repository root; needs Debian's python3-torch):
  /usr/bin/python3 bench/src/test/python/make_pth_fixtures.py
Writes bench/src/test/resources/pth/{nb201-v1_1-zip.pth, nb201-v1_1-legacy.pth,
nb201-v1_0-legacy.pth}. The tensor-only files of the torch.save reader's own tests are made by
pickle/src/test/python/make_torch_fixtures.py.
"""
import bz2
import copy
import pickle
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[4]
SAMPLE = ROOT.parent / "shared" / "data" / "nats-tss-sample"
OUT = ROOT / "bench" / "src" / "test" / "resources" / "pth"

KEEP = {
    0: {"200": [("cifar100", 777), ("cifar100", 888), ("cifar100", 999)],
        "12": [("cifar10-valid", 111), ("cifar10-valid", 777), ("cifar10", 111)]},
    11: {"200": [("cifar10", 777), ("cifar10", 888), ("cifar10", 999)],
         "12": [("cifar10-valid", 777)]},
}


def load(name):
    with bz2.open(SAMPLE / name, "rb") as f:
        return pickle.load(f)


def subset(state, keep, drop_times):
    out = copy.deepcopy(state)
    out["all_results"] = {k: v for k, v in out["all_results"].items() if k in keep}
    seeds = {}
    for dataset, seed in keep:
        seeds.setdefault(dataset, []).append(seed)
    out["dataset_seed"] = {d: sorted(s) for d, s in seeds.items()}
    if drop_times:
        for r in out["all_results"].values():
            r["train_times"] = None
            r["eval_times"] = None
    return out


def benchmark(indexes, v10):
    meta = load("meta.pickle.pbz2")["meta_archs"]
    arch2infos = {}
    for i in indexes:
        nats = load("%06d.pickle.pbz2" % i)
        arch2infos[i] = {"less": subset(nats["12"], KEEP[i]["12"], False),
                         "full": subset(nats["200"], KEEP[i]["200"], v10)}
    return {"meta_archs": meta[:12], "total_archs": 15625, "arch2infos": arch2infos,
            "evaluated_indexes": sorted(indexes)}


def save(obj, name, zip_container):
    path = OUT / name
    torch.save(obj, path, _use_new_zipfile_serialization=zip_container)
    print(path, path.stat().st_size, "bytes")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    save(benchmark([0, 11], False), "nb201-v1_1-zip.pth", True)
    save(benchmark([0, 11], False), "nb201-v1_1-legacy.pth", False)
    save(benchmark([0], True), "nb201-v1_0-legacy.pth", False)


if __name__ == "__main__":
    sys.exit(main())

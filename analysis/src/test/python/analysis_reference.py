#!/usr/bin/python3
"""A full-size synthetic benchmark and the values nb201's analyses must find on it, computed
independently with numpy and scipy.

Writes OUT/results.csv and OUT/costs.csv (nb201's tidy CSV: 15,625 cells, the four official
datasets, hp 200 with seeds 777/888 and hp 12 cifar10-valid with seeds 111/777; accuracies
quantised like the real test sets, so there are many ties; some cells without cifar100 trials,
some seeds without a value) and OUT/expected.json: the rank-agreement matrices over all cells and
over C10-test > 92 % / > 93 %, the accuracy-against-cost summaries, the per-op statistics, the
ranking at each recorded epoch, and the proxy table (appendix table 6) with the random trials drawn
exactly as test-correlation.py draws them (random.choice per cell and dataset) from
random.Random(seed * 1000 + proxy). AnalysesAgainstNumpyTest imports the CSV and compares.

Usage: /usr/bin/python3 analysis/src/test/python/analysis_reference.py OUT_DIR REPEATS SEED
Needs Debian's python3-numpy and python3-scipy.
"""
import csv
import json
import math
import random
import sys
import warnings
from pathlib import Path

import numpy as np
from scipy import stats

N = 15625
OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
EDGES = ["1<-0", "2<-0", "2<-1", "3<-0", "3<-1", "3<-2"]
RESNET = 11472
PAPER = [("C10-valid", "cifar10-valid", "x-valid"), ("C10-test", "cifar10", "ori-test"),
         ("C100-valid", "cifar100", "x-valid"), ("C100-test", "cifar100", "x-test"),
         ("IN16-valid", "ImageNet16-120", "x-valid"), ("IN16-test", "ImageNet16-120", "x-test")]
SPLITS = {"cifar10-valid": ["train", "x-valid", "ori-test"], "cifar10": ["train", "ori-test"],
          "cifar100": ["train", "x-valid", "x-test"], "ImageNet16-120": ["train", "x-valid", "x-test"]}
IMAGES = {("cifar10-valid", "x-valid"): 25000, ("cifar10-valid", "ori-test"): 10000,
          ("cifar10", "ori-test"): 10000, ("cifar100", "x-valid"): 5000, ("cifar100", "x-test"): 5000,
          ("ImageNet16-120", "x-valid"): 3000, ("ImageNet16-120", "x-test"): 3000}
CENTRE = {"cifar10-valid": 86.0, "cifar10": 88.0, "cifar100": 62.0, "ImageNet16-120": 35.0}
SPREAD = {"cifar10-valid": 2.5, "cifar10": 2.5, "cifar100": 4.0, "ImageNet16-120": 4.0}
PROXY_EPOCHS_200 = [12, 24, 100, 150, 175, 200]


def official_ops():
    """ops[index] = the six op ids of the cell with that official index (base-5 codes, random.seed(88) shuffle)."""
    codes = list(range(N))
    random.seed(88)
    random.shuffle(codes)
    ops = np.array([[(c // 5 ** (5 - e)) % 5 for e in range(6)] for c in codes])
    assert list(ops[RESNET]) == [3, 0, 3, 1, 0, 1], "official order derivation is off"
    return ops


def clean(v):
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if isinstance(v, (int, np.integer)):
        return int(v)
    v = float(v)
    return None if math.isnan(v) else v


def quantise(acc, images):
    return np.round(np.clip(acc, 0, 100) / 100 * images) * 100.0 / images


def generate(rng, ops):
    convs = ((ops == 2) | (ops == 3)).sum(axis=1)
    quality = rng.normal(size=N) + 0.35 * convs + 0.25 * (ops == 3).sum(axis=1) - 0.4 * (ops == 0).sum(axis=1)
    quality = (quality - quality.mean()) / quality.std()
    no_c100 = rng.random(N) < 0.01
    data = {}  # (dataset, hp, split) -> {seed: (epochs, values[N, len(epochs)])}
    for d in SPLITS:
        per_dataset = quality + 0.35 * rng.normal(size=N)
        for seed in (777, 888):
            noise = 0.25 * rng.normal(size=N)
            for split in SPLITS[d]:
                images = IMAGES.get((d, split), 50000)
                z = per_dataset + noise + 0.15 * rng.normal(size=N)
                base = CENTRE[d] + SPREAD[d] * z + (6 if split == "train" else 0)
                epochs = [e - 1 for e in PROXY_EPOCHS_200] if (d, split) == ("cifar10-valid", "x-valid") else [199]
                vals = np.stack([quantise(np.minimum(99.9, base - 8 * math.exp(-4.0 * (e + 1) / 200)
                                                     + 2 * math.exp(-(e + 1) / 40) * rng.normal(size=N)), images)
                                 for e in epochs], axis=1)
                if d == "cifar100":
                    vals[no_c100] = np.nan
                    if split == "x-test" and seed == 888:
                        vals[rng.random(N) < 0.005] = np.nan
                data.setdefault((d, 200, split), {})[seed] = (epochs, vals)
    per12 = quality + 0.5 * rng.normal(size=N)
    for seed in (111, 777):
        base = 80 + 3 * (per12 + 0.3 * rng.normal(size=N))
        vals = np.stack([quantise(base - 6 * math.exp(-(e + 1) / 4), 25000) for e in (5, 11)], axis=1)
        data[("cifar10-valid", 12, "x-valid")] = data.get(("cifar10-valid", 12, "x-valid"), {})
        data[("cifar10-valid", 12, "x-valid")][seed] = ([5, 11], vals)
    params = np.round(0.0732 + 0.1437 * (ops == 3).sum(axis=1) + 0.0162 * (ops == 2).sum(axis=1)
                      + 0.00001 * rng.integers(0, 3, size=N), 6)
    flops = np.round(params * 140 + 2.1, 5)
    return data, no_c100, params, flops


def write_csv(out, data, no_c100, params, flops):
    with open(out / "results.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["index", "arch", "dataset", "hp", "seed", "epoch", "split", "accuracy", "loss", "time"])
        for (d, hp, split), seeds in data.items():
            for seed, (epochs, vals) in seeds.items():
                for i in range(N):
                    if d == "cifar100" and no_c100[i]:
                        continue
                    for k, e in enumerate(epochs):
                        v = vals[i, k]
                        w.writerow([i, "", d, hp, seed, e, split, "" if np.isnan(v) else repr(float(v)), "", "1.5"])
    with open(out / "costs.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["index", "arch", "dataset", "flops", "params", "latency"])
        for d in SPLITS:
            for i in range(N):
                w.writerow([i, "", d, repr(float(flops[i])), repr(float(params[i])), ""])


def final(data, d, hp, split):
    """Seed-mean at the last epoch (NaN when a seed lacks the value), per cell."""
    seeds = data[(d, hp, split)]
    v = np.stack([vals[:, -1] for _, vals in [seeds[s] for s in sorted(seeds)]], axis=1)
    return v.sum(axis=1) / v.shape[1]


def corr(x, y, method):
    m = ~np.isnan(x) & ~np.isnan(y)
    a, b = x[m], y[m]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(a) < 2:
            return float("nan"), int(m.sum())
        if method == "pearson":
            return float(np.corrcoef(a, b)[0, 1]), int(m.sum())
        if method == "spearman":
            return float(stats.spearmanr(a, b).correlation), int(m.sum())
        return float(stats.kendalltau(a, b).correlation), int(m.sum())


def matrices(cols, keep):
    out = {}
    for method in ("pearson", "spearman", "kendall"):
        out[method] = [[clean(corr(np.where(keep, a, np.nan), np.where(keep, b, np.nan), method)[0]) for b in cols]
                       for a in cols]
    return out


def main():
    out, repeats, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(201)
    ops = official_ops()
    data, no_c100, params, flops = generate(rng, ops)
    write_csv(out, data, no_c100, params, flops)
    expected = {}
    cols = [final(data, d, 200, s) for _, d, s in PAPER]
    c10test = cols[1]
    expected["ranks"] = {"all": matrices(cols, np.ones(N, dtype=bool)),
                         "92": matrices(cols, c10test > 92), "93": matrices(cols, c10test > 93),
                         "cells": [int(np.sum(np.any(~np.isnan(np.stack(cols)), axis=0) & k))
                                   for k in (np.ones(N, dtype=bool), c10test > 92, c10test > 93)]}
    complete = np.all(~np.isnan(np.stack(cols)), axis=0)
    cells = np.flatnonzero(complete)
    ref_order = cells[np.argsort(c10test[cells], kind="stable")]
    pos = {}
    for m, c in enumerate(cols):
        order = cells[np.argsort(c[cells], kind="stable")]
        pos[m] = {int(i): p for p, i in enumerate(order)}
    expected["relative"] = {"cells": int(len(cells)), "first": [int(i) for i in ref_order[:5]],
                            "last": [int(i) for i in ref_order[-5:]],
                            "ranks_first": [[pos[m][int(i)] for i in ref_order[:5]] for m in range(6)]}
    cost = []
    for d, splits in SPLITS.items():
        for s in splits:
            acc = final(data, d, 200, s)
            m = ~np.isnan(acc)
            idx = np.flatnonzero(m)
            best = idx[np.argmax(acc[idx])]
            within = idx[params[idx] <= params[RESNET]]
            bw = within[np.argmax(acc[within])]
            cost.append({"dataset": d, "split": s, "cells": int(m.sum()), "resnet": clean(acc[RESNET]),
                         "best_index": int(best), "best": float(acc[best]), "within": int(len(within)),
                         "best_within_index": int(bw), "best_within": float(acc[bw]),
                         "spearman_params": float(stats.spearmanr(params[idx], acc[idx]).correlation),
                         "spearman_flops": float(stats.spearmanr(flops[idx], acc[idx]).correlation)})
    expected["cost"] = cost
    edge_ops = [[[int(np.sum(ops[:, e] == o)), float(np.mean(c10test[ops[:, e] == o]))] for o in range(5)]
                for e in range(6)]
    convs = ((ops == 2) | (ops == 3)).sum(axis=1)
    by_convs = []
    for k in range(7):
        v = c10test[convs == k]
        by_convs.append([int(len(v)), float(np.mean(v)), float(np.std(v)), float(np.median(v)), float(np.max(v))])
    expected["ops"] = {"edges": edge_ops, "convs": by_convs}
    # ranking over training: cifar10-valid x-valid hp 200 at the recorded epochs
    seeds = data[("cifar10-valid", 200, "x-valid")]
    stack = np.stack([seeds[s][1] for s in sorted(seeds)], axis=2)  # N x epochs x seeds
    means = stack.sum(axis=2) / stack.shape[2]
    last = means[:, -1]
    over = []
    for k, e in enumerate(seeds[777][0]):
        now = means[:, k]
        over.append([e, clean(corr(now, last, "spearman")[0]), clean(corr(now, last, "kendall")[0]),
                     clean(corr(now, c10test, "spearman")[0])])
    expected["over_training"] = over
    # appendix table 6 with the official draws
    datasets = ["cifar10-valid", "cifar10", "cifar100", "ImageNet16-120"]
    trial_seeds = {}
    finals = {}
    for d in datasets:
        for m, (label, dd, s) in enumerate(PAPER):
            if dd == d:
                ss = sorted(data[(d, 200, s)])
                finals[m] = np.stack([data[(d, 200, s)][x][1][:, -1] for x in ss], axis=1)
        trial_seeds[d] = np.array([0 if d == "cifar100" and no_c100[i] else 2 for i in range(N)])
    specs = [(12, 6), (12, 12)] + [(200, e) for e in PROXY_EPOCHS_200]
    proxy_values = []
    for hp, e in specs:
        src = data[("cifar10-valid", hp, "x-valid")]
        ss = sorted(src)
        col = src[ss[0]][0].index(e - 1)
        proxy_values.append(np.stack([src[x][1][:, col] for x in ss], axis=1))
    # nb201 draws the final metrics' trials once per repeat (stream seed*1000+999) and each proxy's
    # trial on its own stream (seed*1000+p); every draw is random.choice over the cell's sorted seeds
    finals_rng = random.Random(seed * 1000 + 999)
    proxy_rng = [random.Random(seed * 1000 + p) for p in range(len(specs))]
    corrs = [[] for _ in specs]
    for _ in range(repeats):
        ys = np.full((6, N), np.nan)
        for i in range(N):
            for d in datasets:
                n = trial_seeds[d][i]
                if n == 0:
                    continue
                slot = finals_rng.choice(range(n))
                for m, (label, dd, s) in enumerate(PAPER):
                    if dd == d:
                        ys[m, i] = finals[m][i, slot]
        for p, proxy in enumerate(proxy_values):
            x = np.array([proxy[i, proxy_rng[p].choice(range(proxy.shape[1]))] for i in range(N)])
            corrs[p].append([corr(x, ys[m], "pearson")[0] for m in range(6)])
    proxies = []
    for p, (hp, e) in enumerate(specs):
        c = np.array(corrs[p])
        proxies.append({"hp": hp, "epoch": e, "mean": clean(c.mean(axis=0)), "std": clean(c.std(axis=0))})
    expected["proxies"] = proxies
    with open(out / "expected.json", "w") as f:
        json.dump(expected, f)
    print(out, "written")


if __name__ == "__main__":
    sys.exit(main())

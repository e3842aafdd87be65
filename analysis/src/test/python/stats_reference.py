#!/usr/bin/python3
"""Reference values for nb201's rank statistics, computed independently with numpy and scipy.

Writes one JSON file with test vectors (ties, duplicates, quantised accuracies, constant vectors,
tiny and full-size inputs, missing values) and, for each, numpy.corrcoef, scipy.stats.spearmanr,
scipy.stats.kendalltau (tau-b), scipy.stats.rankdata (average and min of the negated values),
numpy.std (ddof 0 and 1) and pairwise-complete correlation matrices. StatsAgainstScipyTest runs it
into its build folder and compares every number.

Usage: /usr/bin/python3 analysis/src/test/python/stats_reference.py OUT.json
Needs Debian's python3-numpy and python3-scipy.
"""
import json
import math
import sys
import warnings

import numpy as np
from scipy import stats


def clean(v):
    """JSON has no NaN: undefined values become null."""
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    v = float(v)
    return None if math.isnan(v) else v


def pair_stats(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(x) < 2:
            pearson = spearman = kendall = float("nan")
        else:
            pearson = np.corrcoef(x, y)[0, 1]
            spearman = stats.spearmanr(x, y).correlation
            kendall = stats.kendalltau(x, y).correlation
    return {
        "x": x.tolist(), "y": y.tolist(),
        "pearson": clean(pearson), "spearman": clean(spearman), "kendall": clean(kendall),
        "ranks_x": stats.rankdata(x, method="average").tolist() if len(x) else [],
        "descending_x": stats.rankdata(-x, method="min").astype(int).tolist() if len(x) else [],
        "std0_x": clean(np.std(x)) if len(x) else None,
        "std1_x": clean(np.std(x, ddof=1)) if len(x) > 1 else None,
    }


def matrix_case(rng):
    n = 400
    base = rng.normal(size=n)
    cols = [
        np.round(70 + 5 * base + rng.normal(size=n), 1),          # quantised: many ties
        np.round(60 + 4 * base + 2 * rng.normal(size=n), 0),      # integers: heavy ties
        40 - 3 * base + rng.normal(size=n),                       # anti-correlated, continuous
        rng.integers(0, 3, size=n).astype(float),                 # three values only
    ]
    for c, frac in zip(cols, (0.05, 0.0, 0.2, 0.1)):
        c[rng.random(n) < frac] = np.nan
    keep = rng.random(n) < 0.7
    out = {"columns": [clean(c.tolist()) for c in cols], "keep": keep.tolist()}
    for name, mask in (("all", np.ones(n, dtype=bool)), ("kept", keep)):
        mats = {"pearson": [], "spearman": [], "kendall": [], "cells": []}
        for a in cols:
            rows = {k: [] for k in mats}
            for b in cols:
                m = mask & ~np.isnan(a) & ~np.isnan(b)
                s = pair_stats(a[m], b[m])
                for k in ("pearson", "spearman", "kendall"):
                    rows[k].append(s[k])
                rows["cells"].append(int(m.sum()))
            for k in mats:
                mats[k].append(rows[k])
        out[name] = mats
    return out


def main():
    out_file = sys.argv[1]
    rng = np.random.default_rng(20200126)
    n = 15625
    z = rng.normal(size=n)
    cases = {}
    cases["small-ties"] = pair_stats(rng.integers(0, 5, 50), rng.integers(0, 4, 50))
    # accuracies of correctly classified images out of 10,000, like the benchmark's test sets
    acc_a = np.round(np.clip(85 + 6 * z + rng.normal(size=n), 10, 95) * 100) / 100
    acc_b = np.round(np.clip(60 + 8 * z + 3 * rng.normal(size=n), 1, 75) * 50) / 50
    cases["quantised-full"] = pair_stats(acc_a, acc_b)
    cases["heavy-ties-full"] = pair_stats(rng.integers(0, 21, n), np.round(z * 2) + rng.integers(0, 3, n))
    dup = np.repeat(rng.normal(size=40), 25)
    cases["duplicates"] = pair_stats(dup, dup * 0.5 + rng.normal(size=1000))
    cases["negative-ties"] = pair_stats([1, 2, 2, 3, 3, 3, 4, 5, 5, 6], [9, 8, 8, 7, 7, 6, 5, 4, 4, 1])
    cases["constant-x"] = pair_stats([3.5] * 10, list(range(10)))
    cases["two"] = pair_stats([1.0, 2.0], [3.0, 1.0])
    cases["one"] = pair_stats([1.0], [2.0])
    cases["noise"] = pair_stats(acc_a * (1 + (rng.random(n) - 0.5) * 4e-10), acc_b)
    result = {"pairs": cases, "matrix": matrix_case(rng)}
    with open(out_file, "w") as f:
        json.dump(result, f)
    print(out_file, len(cases), "pair cases")


if __name__ == "__main__":
    sys.exit(main())

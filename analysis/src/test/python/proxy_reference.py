"""Reference values of the proxy analysis (nb201 analyze proxies), computed with numpy and scipy.

Reads a whitespace-separated table (header: index, then the metric and proxy columns; 'nan' where a
value is missing) and writes JSON: for every (proxy, metric) pair the number of cells with both,
scipy's Spearman rho and Kendall tau-b over them; and the vote of the proxies named on the command
line against each metric, counted pair by pair (the majority sign of the proxies' pairwise
differences against the metric's sign, tau-b with the vote's ties).
usage: proxy_reference.py TABLE OUT.json METRIC,METRIC PROXY,PROXY VOTER,VOTER,...
"""
import json
import sys

import numpy as np
import scipy.stats as st


def vote(ballots, y):
    m = ~np.isnan(y)
    for b in ballots:
        m &= ~np.isnan(b)
    ballots = [b[m] for b in ballots]
    y = y[m]
    v = np.sign(sum(np.sign(b[:, None] - b[None, :]) for b in ballots))
    t = np.sign(y[:, None] - y[None, :])
    iu = np.triu_indices(len(y), 1)
    v, t = v[iu], t[iu]
    c = np.sum(v * t > 0)
    d = np.sum(v * t < 0)
    p = len(v)
    return int(m.sum()), float((c - d) / np.sqrt((p - np.sum(v == 0)) * (p - np.sum(t == 0))))


def main():
    table, out, metrics, proxies, voters = sys.argv[1:6]
    with open(table) as f:
        header = f.readline().split()
        rows = np.array([[float(t) for t in line.split()] for line in f])
    col = {name: rows[:, k] for k, name in enumerate(header)}
    result = {"pairs": [], "votes": []}
    for p in proxies.split(","):
        for m in metrics.split(","):
            ok = ~np.isnan(col[p]) & ~np.isnan(col[m])
            result["pairs"].append({"proxy": p, "metric": m, "cells": int(ok.sum()),
                                    "spearman": float(st.spearmanr(col[p][ok], col[m][ok])[0]),
                                    "kendall": float(st.kendalltau(col[p][ok], col[m][ok])[0])})
    for m in metrics.split(","):
        n, tau = vote([col[v] for v in voters.split(",")], col[m])
        result["votes"].append({"metric": m, "cells": n, "kendall": tau})
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()

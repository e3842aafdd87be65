#!/usr/bin/python3
"""Regularized evolution (AutoDL-Projects exps/NAS-Bench-201-algos/R_EA.py::regularized_evolution;
see docs/search-algorithms.md#regularized-evolution) in numpy, vectorised across runs: all runs advance in lockstep,
each numpy operation handles every run at once. The baseline for nb201's Java search speed claim.

usage: rea.py <oracle.csv> <runs> <budget> <repetitions>
oracle.csv: code,slot,accuracy,cost (code = gen_all position, slot = seed slot), as SearchBench writes it.
"""
import sys
import time

import numpy as np

POP, SAMPLE = 10, 3
W = 5 ** np.arange(5, -1, -1)          # weight of each edge's op in the cell code
EDGE_OF = [(0,), (1, 2), (3, 4, 5)]    # canonical edges into nodes 1, 2, 3


def load(path):
    d = np.loadtxt(path, delimiter=",", skiprows=1)
    slots = int(d[:, 1].max()) + 1
    acc = np.full((15625, slots), np.nan)
    cost = np.full((15625, slots), np.nan)
    acc[d[:, 0].astype(int), d[:, 1].astype(int)] = d[:, 2]
    cost[d[:, 0].astype(int), d[:, 1].astype(int)] = d[:, 3]
    nseeds = (~np.isnan(acc)).sum(axis=1)
    return acc, cost, nseeds


def evaluate(rng, acc, cost, nseeds, codes):
    slot = (rng.random(codes.shape[0]) * nseeds[codes]).astype(int)
    return acc[codes, slot], cost[codes, slot]


def run_all(acc, cost, nseeds, runs, budget, rng):
    rows = np.arange(runs)
    pop = np.zeros((runs, POP), dtype=np.int64)
    pop_acc = np.zeros((runs, POP))
    used = np.zeros(runs)
    best_acc = np.full(runs, -np.inf)
    best = np.zeros(runs, dtype=np.int64)
    evaluated = np.zeros(runs, dtype=np.int64)
    for k in range(POP):                                    # random initial population
        codes = rng.integers(0, 5, (runs, 6)) @ W
        a, c = evaluate(rng, acc, cost, nseeds, codes)
        pop[:, k], pop_acc[:, k] = codes, a
        used += c
        evaluated += 1
        better = a > best_acc
        best[better], best_acc[better] = codes[better], a[better]
    alive = used < budget
    head = 0                                                # oldest member (a ring buffer)
    edge_table = np.array([[0, 0, 0], [1, 2, 2], [3, 4, 5]])
    while alive.any():
        sample = rng.integers(0, POP, (runs, SAMPLE))
        sample_acc = pop_acc[rows[:, None], sample]
        parent = pop[rows, sample[rows, sample_acc.argmax(axis=1)]]
        node = rng.integers(0, 3, runs)
        src = (rng.random(runs) * (node + 1)).astype(int)
        edge = edge_table[node, src]
        old = parent // W[edge] % 5
        new = (old + rng.integers(1, 5, runs)) % 5          # a different op, uniformly
        child = parent + (new - old) * W[edge]
        a, c = evaluate(rng, acc, cost, nseeds, child)
        ok = alive & (used + c <= budget)
        alive = ok
        used[ok] += c[ok]
        evaluated[ok] += 1
        pop[ok, head], pop_acc[ok, head] = child[ok], a[ok]
        head = (head + 1) % POP
        better = ok & (a > best_acc)
        best[better], best_acc[better] = child[better], a[better]
    return best, evaluated


def main():
    path, runs, budget, reps = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    acc, cost, nseeds = load(path)
    rng = np.random.default_rng(1)
    for _ in range(3):
        run_all(acc, cost, nseeds, runs, budget, rng)       # warm-up
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        _, evaluated = run_all(acc, cost, nseeds, runs, budget, rng)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"numpy rea: {runs} runs x {budget:.0f} s budget: best {times[0]:.4f} s, median {times[reps // 2]:.4f} s"
          f" ({evaluated.mean():.1f} evaluations per run)")


if __name__ == "__main__":
    main()

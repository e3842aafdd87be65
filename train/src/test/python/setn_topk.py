"""SETN's ranking of all cells, written from the official return_topK (AutoDL-Projects
xautodl/models/cell_searchs/search_model_setn.py, genotypes.py::Structure.gen_all): reads alpha (6 x 5,
float32, row-major) from stdin, prints the gen_all positions of all 15,625 cells in ranked order."""
import sys

import torch

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
EDGE2INDEX = {"1<-0": 0, "2<-0": 1, "2<-1": 2, "3<-0": 3, "3<-1": 4, "3<-2": 5}


def combinations(n):
    combs = [[]]
    for i in range(n):
        combs = [c + [(op, i)] for c in combs for op in OPS]
    return combs


def gen_all():
    archs = [[tuple(c)] for c in combinations(1)]
    for node in range(2, 4):
        archs = [a + [tuple(c)] for a in archs for c in combinations(node)]
    return archs


values = [float(v) for v in sys.stdin.read().split()]
alpha = torch.tensor(values, dtype=torch.float32).view(6, 5)
logits = torch.nn.functional.log_softmax(alpha, dim=-1)
pairs = []
for position, arch in enumerate(gen_all()):
    picked = []
    for i, node in enumerate(arch):
        for op, xin in node:
            picked.append(logits[EDGE2INDEX["{:}<-{:}".format(i + 1, xin)], OPS.index(op)])
    pairs.append((sum(picked).item(), position))
ranked = sorted(pairs, key=lambda x: -x[0])
print(" ".join(str(p) for _, p in ranked))

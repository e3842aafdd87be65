#!/usr/bin/python3
"""Plain PyTorch NAS-Bench-201 supernet and search steps, written for nb201's speed comparison.

usage: search_reference.py <darts-v1|gdas> <C> <N> <images> <threads> random|<fashion-dir>
Written from the official settings of the weight-sharing baselines (AutoDL-Projects
xautodl/models/cell_searchs/, exps/NAS-Bench-201-algos/DARTS-V1.py and GDAS.py,
configs/nas-benchmark/algos/*.config; docs/search-algorithms.md#weight-sharing-methods: supernet with all five ops on
every edge, non-affine cell norms with batch statistics, biased cell convolutions, one 6x5 alpha;
DARTS-V1: weight step then alpha step; GDAS: hard Gumbel sample per forward pass), as a PyTorch
user would write it. Runs one search epoch over <images> training images (batch 64, each paired
with a random validation image, both augmented) and prints one line key=value like SearchBench:
search steps per second as images/s after the first two steps, peak RSS (VmHWM).
"""
import gzip
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ReLUConvBN(nn.Module):
    def __init__(self, cin, cout, k, stride, affine):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, stride, (k - 1) // 2, bias=not affine)
        self.bn = nn.BatchNorm2d(cout, affine=affine, track_running_stats=affine)

    def forward(self, x):
        return self.bn(self.conv(F.relu(x)))


class Zero(nn.Module):
    def forward(self, x):
        return x.mul(0.0)


class Identity(nn.Module):
    def forward(self, x):
        return x


class Pool(nn.Module):
    def forward(self, x):
        return F.avg_pool2d(x, 3, 1, 1, count_include_pad=False)


def edge_ops(c):
    # op order: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3
    return nn.ModuleList([Zero(), Identity(), ReLUConvBN(c, c, 1, 1, False), ReLUConvBN(c, c, 3, 1, False), Pool()])


class SearchCell(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.edges = nn.ModuleList([edge_ops(c) for _ in range(6)])  # 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2

    def forward(self, x, weights):
        nodes = [x]
        e = 0
        for i in range(1, 4):
            s = 0
            for j in range(i):
                s = s + sum(op(nodes[j]) * w for op, w in zip(self.edges[e], weights[e]))
                e += 1
            nodes.append(s)
        return nodes[-1]

    def forward_gdas(self, x, hardwts, index):
        nodes = [x]
        e = 0
        for i in range(1, 4):
            s = 0
            for j in range(i):
                k = index[e]
                s = s + sum(hardwts[e][o] * op(nodes[j]) if o == k else hardwts[e][o]
                            for o, op in enumerate(self.edges[e]))
                e += 1
            nodes.append(s)
        return nodes[-1]


class Reduction(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.a = ReLUConvBN(cin, cout, 3, 2, True)
        self.b = ReLUConvBN(cout, cout, 3, 1, True)
        self.shortcut = nn.Conv2d(cin, cout, 1, 1, 0, bias=False)

    def forward(self, x):
        return self.shortcut(F.avg_pool2d(x, 2, 2)) + self.b(self.a(x))


class Supernet(nn.Module):
    def __init__(self, c, n, cin, classes):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(cin, c, 3, padding=1, bias=False), nn.BatchNorm2d(c))
        cells = []
        for stage in range(3):
            if stage > 0:
                cells.append(Reduction(c, 2 * c))
                c *= 2
            cells += [SearchCell(c) for _ in range(n)]
        self.cells = nn.ModuleList(cells)
        self.last = nn.BatchNorm2d(c)
        self.classifier = nn.Linear(c, classes)
        self.alpha = nn.Parameter(1e-3 * torch.randn(6, 5))
        self.tau = 10.0
        self.mode = "darts"

    def weights(self):
        return [p for name, p in self.named_parameters() if name != "alpha"]

    def forward(self, x):
        x = self.stem(x)
        if self.mode == "darts":
            w = F.softmax(self.alpha, dim=-1)
            for cell in self.cells:
                x = cell(x, w) if isinstance(cell, SearchCell) else cell(x)
        else:
            while True:
                gumbels = -torch.empty_like(self.alpha).exponential_().log()
                probs = F.softmax((self.alpha.log_softmax(dim=1) + gumbels) / self.tau, dim=1)
                index = probs.max(-1, keepdim=True)[1]
                hardwts = torch.zeros_like(probs).scatter_(-1, index, 1.0) - probs.detach() + probs
                if not (torch.isinf(gumbels).any() or torch.isinf(probs).any() or torch.isnan(probs).any()):
                    break
            index = index.view(-1).tolist()
            for cell in self.cells:
                x = cell.forward_gdas(x, hardwts, index) if isinstance(cell, SearchCell) else cell(x)
        x = F.relu(self.last(x))
        return self.classifier(F.adaptive_avg_pool2d(x, 1).flatten(1))


def load(src, images):
    if src == "random":
        rng = np.random.default_rng(1)
        x = rng.integers(0, 256, (images, 3, 32, 32), dtype=np.uint8)
        y = rng.integers(0, 10, images)
        return x, y, x.copy(), y.copy(), (0.49, 0.48, 0.45), (0.25, 0.24, 0.26)

    def idx(name, off):
        return np.frombuffer(gzip.open(os.path.join(src, name)).read()[off:], dtype=np.uint8)
    x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)
    y = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    return x[:images], y[:images], x[-images:], y[-images:], (0.2860,), (0.3530,)


def augment(batch, rng, pad):
    n, c, h, w = batch.shape
    padded = np.zeros((n, c, h + 2 * pad, w + 2 * pad), dtype=np.uint8)
    flip = rng.random(n) < 0.5
    padded[:, :, pad:pad + h, pad:pad + w] = np.where(flip[:, None, None, None], batch[..., ::-1], batch)
    out = np.empty_like(batch)
    dy = rng.integers(0, 2 * pad + 1, n)
    dx = rng.integers(0, 2 * pad + 1, n)
    for i in range(n):
        out[i] = padded[i, :, dy[i]:dy[i] + h, dx[i]:dx[i] + w]
    return out


def main():
    method, c, n, images, threads, src = sys.argv[1:7]
    c, n, images, threads = int(c), int(n), int(images), int(threads)
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    seed = int(os.environ.get("BENCH_SEED", "777"))
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    x, y, vx, vy, mean, std = load(src, images)
    mean_t = torch.tensor(mean).view(1, -1, 1, 1)
    std_t = torch.tensor(std).view(1, -1, 1, 1)
    norm = lambda b: (torch.from_numpy(np.ascontiguousarray(b)).float() / 255 - mean_t) / std_t
    net = Supernet(c, n, x.shape[1], 10)
    net.mode = "darts" if method == "darts-v1" else "gdas"
    w_opt = torch.optim.SGD(net.weights(), lr=0.025, momentum=0.9, weight_decay=5e-4, nesterov=True)
    a_opt = torch.optim.Adam([net.alpha], lr=3e-4, betas=(0.5, 0.999), weight_decay=1e-3)
    bs = 64
    net.train()
    stamps = []
    t0 = time.time()
    perm = rng.permutation(len(x))
    for b in range(0, len(x), bs):
        idx = perm[b:b + bs]
        vidx = rng.integers(0, len(vx), len(idx))
        xb, yb = norm(augment(x[idx], rng, 4)), torch.from_numpy(y[idx])
        vb, vyb = norm(augment(vx[vidx], rng, 4)), torch.from_numpy(vy[vidx])
        w_opt.zero_grad()
        loss = F.cross_entropy(net(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5)
        w_opt.step()
        a_opt.zero_grad()
        F.cross_entropy(net(vb), vyb).backward()
        a_opt.step()
        stamps.append(time.time())
    total = time.time() - t0
    sec = stamps[-1] - stamps[1]
    counted = bs * (len(stamps) - 2)
    rss = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
    print("impl=pytorch img_per_s=%.2f peak_rss_mb=%d total_s=%.1f steps=%d threads=%d torch=%s"
          % (counted / sec, int(rss) // 1024, total, len(stamps), torch.get_num_threads(), torch.__version__))


if __name__ == "__main__":
    main()

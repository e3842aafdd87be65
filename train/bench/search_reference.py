#!/usr/bin/python3
"""Plain PyTorch NAS-Bench-201 supernet and search steps, written for nb201's speed comparison.

usage: search_reference.py <darts-v1|gdas|rsps|setn|enas> <C> <N> <images> <threads> random|<fashion-dir>
       [key=value ...]
Written from the official settings of the weight-sharing baselines (AutoDL-Projects
xautodl/models/cell_searchs/, exps/NAS-Bench-201-algos/DARTS-V1.py, GDAS.py, RANDOM-NAS.py, SETN.py, ENAS.py,
configs/nas-benchmark/algos/*.config; docs/search-algorithms.md#weight-sharing-methods: supernet with all five ops on
every edge, non-affine cell norms with batch statistics, biased cell convolutions, one 6x5 alpha;
DARTS-V1: weight step then alpha step; GDAS: hard Gumbel sample per forward pass), as a PyTorch
user would write it. Runs one search epoch over <images> training images (batch 64, each paired
with a random validation image, both augmented) and prints one line key=value like SearchBench:
search steps per second as images/s after the first two steps, peak RSS (VmHWM).
The sampling methods: RSPS (a random cell per batch, single path, weight step only), SETN (a random
cell's weight step without clipping, then the mixture's alpha step), ENAS (a cell from an LSTM
controller per batch of 128, single-path weight step); after the steps, RSPS and SETN score
select_num candidates (random; the top of the log-softmax ranking of all 15,625 cells) on validation
batches of select_batch in eval mode, and ENAS trains its controller for ctl_train_steps x
ctl_num_aggregate samples on validation batches of 128 (REINFORCE, moving baseline, Adam) and scores
epoch_samples sampled cells. epoch_s is the whole epoch, end-of-epoch work included. The keys
(select_num=100 select_batch=512 ctl_train_steps=50 ctl_num_aggregate=20 epoch_samples=10 by default)
are given as key=value after the data argument, as to SearchBench.
"""
import itertools
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


    def forward_single(self, x, ops):
        nodes = [x]
        e = 0
        for i in range(1, 4):
            s = 0
            for j in range(i):
                s = s + self.edges[e][ops[e]](nodes[j])
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
        self.single = None

    def weights(self):
        return [p for name, p in self.named_parameters() if name != "alpha"]

    def forward(self, x):
        x = self.stem(x)
        if self.mode == "single":
            for cell in self.cells:
                x = cell.forward_single(x, self.single) if isinstance(cell, SearchCell) else cell(x)
        elif self.mode == "darts":
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


class Controller(nn.Module):
    """ENAS's controller: 2-layer LSTM of 32, logits 2.5 * tanh(linear(h) / 5), op embeddings as inputs."""

    def __init__(self):
        super().__init__()
        self.input_vars = nn.Parameter(torch.empty(1, 1, 32).uniform_(-0.1, 0.1))
        self.lstm = nn.LSTM(32, 32, 2)
        self.embd = nn.Embedding(5, 32)
        self.pred = nn.Linear(32, 5)

    def forward(self):
        inputs, h = self.input_vars, None
        log_probs, entropies, ops = [], [], []
        for _ in range(6):
            out, h = self.lstm(inputs, h)
            dist = torch.distributions.Categorical(logits=2.5 * torch.tanh(self.pred(out) / 5))
            k = dist.sample()
            ops.append(k.item())
            log_probs.append(dist.log_prob(k).view(-1))
            entropies.append(dist.entropy().view(-1))
            inputs = self.embd(k)
        return torch.cat(log_probs).sum(), torch.cat(entropies).sum(), ops


def score(net, ops, xb, yb):
    net.single = ops
    with torch.no_grad():
        return (net(xb).argmax(1) == yb).float().mean().item()


def valid_batches(vx, vy, bs, rng, norm, aug):
    while True:
        perm = rng.permutation(len(vx))
        for b in range(0, len(vx), bs):
            idx = perm[b:b + bs]
            xb = augment(vx[idx], rng, 4) if aug else vx[idx]
            yield norm(xb), torch.from_numpy(vy[idx])


def end_of_epoch(method, net, ctl, c_opt, opts, vx, vy, rng, norm):
    """The sampling methods' work after the steps: selection (and ENAS's controller training)."""
    net.eval()
    net.mode = "single"
    if method == "rsps":
        batches = valid_batches(vx, vy, opts["select_batch"], rng, norm, False)
        scores = [score(net, list(rng.integers(0, 5, 6)), *next(batches)) for _ in range(opts["select_num"])]
    elif method == "setn":
        lp = net.alpha.detach().log_softmax(-1)
        cells = list(itertools.product(range(5), repeat=6))
        ranked = sorted(cells, key=lambda ops: -sum(lp[e, o].item() for e, o in enumerate(ops)))
        batches = valid_batches(vx, vy, opts["select_batch"], rng, norm, False)
        scores = [score(net, list(ops), *next(batches)) for ops in ranked[:opts["select_num"]]]
    else:
        batches = valid_batches(vx, vy, 128, rng, norm, True)
        baseline = None
        c_opt.zero_grad()
        aggregate = opts["ctl_num_aggregate"]
        for step in range(opts["ctl_train_steps"] * aggregate):
            log_prob, entropy, ops = ctl()
            top1 = score(net, ops, *next(batches))
            reward = top1 + 1e-4 * entropy
            base = top1 if baseline is None else baseline - 0.01 * (baseline - reward)
            (-log_prob * (reward - base) / aggregate).backward()
            if (step + 1) % aggregate == 0:
                nn.utils.clip_grad_norm_(ctl.parameters(), 5)
                c_opt.step()
                c_opt.zero_grad()
        with torch.no_grad():
            scores = [score(net, ctl()[2], *next(batches)) for _ in range(opts["epoch_samples"])]
    return max(scores)


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
    opts = {"select_num": 100, "select_batch": 512, "ctl_train_steps": 50, "ctl_num_aggregate": 20,
            "epoch_samples": 10}
    for arg in sys.argv[7:]:
        key, value = arg.split("=", 1)
        if key in opts:
            opts[key] = int(value)
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
    net.mode = {"darts-v1": "darts", "gdas": "gdas", "setn": "darts"}.get(method, "single")
    enas = method == "enas"
    lr, wd = (0.05, 2.5e-4) if enas else (0.025, 5e-4)
    w_opt = torch.optim.SGD(net.weights(), lr=lr, momentum=0.9, weight_decay=wd, nesterov=True)
    a_opt = torch.optim.Adam([net.alpha], lr=3e-4, betas=(0.5, 0.999), weight_decay=1e-3)
    ctl = Controller() if enas else None
    c_opt = torch.optim.Adam(ctl.parameters(), lr=1e-3, betas=(0, 0.999), eps=1e-3) if enas else None
    bs = 128 if enas else 64
    net.train()
    stamps = []
    t0 = time.time()
    perm = rng.permutation(len(x))
    for b in range(0, len(x), bs):
        idx = perm[b:b + bs]
        vidx = rng.integers(0, len(vx), len(idx))
        xb, yb = norm(augment(x[idx], rng, 4)), torch.from_numpy(y[idx])
        vb, vyb = norm(augment(vx[vidx], rng, 4)), torch.from_numpy(vy[vidx])
        if method in ("rsps", "setn"):
            net.mode = "single"
            net.single = list(rng.integers(0, 5, 6))
        elif enas:
            with torch.no_grad():
                net.single = ctl()[2]
        w_opt.zero_grad()
        loss = F.cross_entropy(net(xb), yb)
        loss.backward()
        if method != "setn":
            nn.utils.clip_grad_norm_(net.parameters(), 5)
        w_opt.step()
        if method in ("darts-v1", "gdas", "setn"):
            net.mode = "darts" if method == "setn" else net.mode
            a_opt.zero_grad()
            F.cross_entropy(net(vb), vyb).backward()
            a_opt.step()
        stamps.append(time.time())
    if method in ("rsps", "setn", "enas"):
        end_of_epoch(method, net, ctl, c_opt, opts, vx, vy, rng, norm)
    total = time.time() - t0
    sec = stamps[-1] - stamps[1]
    counted = bs * (len(stamps) - 2)
    rss = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
    print("impl=pytorch img_per_s=%.2f peak_rss_mb=%d total_s=%.1f steps=%d threads=%d torch=%s epoch_s=%.1f"
          % (counted / sec, int(rss) // 1024, total, len(stamps), torch.get_num_threads(), torch.__version__, total))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Plain PyTorch TinyNetwork (AutoDL-Projects xautodl/models/cell_infers/tiny_network.py::TinyNetwork trained with
the protocol of docs/network-and-protocol.md#training-protocol), written for nb201's speed comparison.

usage: reference.py <arch-string> <C> <N> <images> <epochs> <threads> random|<fashion-dir>
Prints one line key=value like TrainBench: training images/s after the first two batches (epoch
boundaries excluded), final train / eval accuracy, peak RSS (VmHWM).
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

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


class ReLUConvBN(nn.Module):
    def __init__(self, cin, cout, k, stride):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, stride, (k - 1) // 2, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return self.bn(self.conv(F.relu(x)))


class Cell(nn.Module):
    def __init__(self, edges, c):
        super().__init__()
        self.edges = edges  # list per node i=1..3 of (op, j)
        self.convs = nn.ModuleDict()
        for i, node in enumerate(edges, start=1):
            for op, j in node:
                if op.startswith("nor_conv"):
                    self.convs["%d_%d" % (i, j)] = ReLUConvBN(c, c, 3 if op.endswith("3x3") else 1, 1)

    def forward(self, x):
        nodes = [x]
        for i, node in enumerate(self.edges, start=1):
            s = None
            for op, j in node:
                if op == "none":
                    continue
                if op == "skip_connect":
                    o = nodes[j]
                elif op == "avg_pool_3x3":
                    o = F.avg_pool2d(nodes[j], 3, 1, 1, count_include_pad=False)
                else:
                    o = self.convs["%d_%d" % (i, j)](nodes[j])
                s = o if s is None else s + o
            nodes.append(torch.zeros_like(x) if s is None else s)
        return nodes[-1]


class Reduction(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.a = ReLUConvBN(cin, cout, 3, 2)
        self.b = ReLUConvBN(cout, cout, 3, 1)
        self.shortcut = nn.Conv2d(cin, cout, 1, 1, 0, bias=False)

    def forward(self, x):
        return self.shortcut(F.avg_pool2d(x, 2, 2)) + self.b(self.a(x))


class TinyNetwork(nn.Module):
    def __init__(self, arch, c, n, cin, classes):
        super().__init__()
        edges = [[(t.split("~")[0], int(t.split("~")[1])) for t in g.split("|") if t] for g in arch.split("+")]
        self.stem = nn.Sequential(nn.Conv2d(cin, c, 3, padding=1, bias=False), nn.BatchNorm2d(c))
        body = []
        for stage in range(3):
            if stage > 0:
                body.append(Reduction(c, 2 * c))
                c *= 2
            body += [Cell(edges, c) for _ in range(n)]
        self.body = nn.Sequential(*body)
        self.last = nn.BatchNorm2d(c)
        self.classifier = nn.Linear(c, classes)

    def forward(self, x):
        x = F.relu(self.last(self.body(self.stem(x))))
        return self.classifier(F.adaptive_avg_pool2d(x, 1).flatten(1))


def load(src, images):
    if src == "random":
        rng = np.random.default_rng(1)
        x = rng.integers(0, 256, (images, 3, 32, 32), dtype=np.uint8)
        y = rng.integers(0, 10, images)
        ev = np.random.default_rng(2)
        return x, y, ev.integers(0, 256, (512, 3, 32, 32), dtype=np.uint8), ev.integers(0, 10, 512), (0.49, 0.48, 0.45), (0.25, 0.24, 0.26)
    def idx(name, off):
        return np.frombuffer(gzip.open(os.path.join(src, name)).read()[off:], dtype=np.uint8)
    x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)
    y = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    tx = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)[:2048]
    ty = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)[:2048]
    return x[:images], y[:images], tx, ty, (0.2860,), (0.3530,)


def augment(batch, rng, pad):
    n, c, h, w = batch.shape
    padded = np.zeros((n, c, h + 2 * pad, w + 2 * pad), dtype=np.uint8)
    flip = rng.random(n) < 0.5
    src = np.where(flip[:, None, None, None], batch[..., ::-1], batch)
    padded[:, :, pad:pad + h, pad:pad + w] = src
    out = np.empty_like(batch)
    dy = rng.integers(0, 2 * pad + 1, n)
    dx = rng.integers(0, 2 * pad + 1, n)
    for i in range(n):
        out[i] = padded[i, :, dy[i]:dy[i] + h, dx[i]:dx[i] + w]
    return out


def main():
    arch, c, n, images, epochs, threads, src = sys.argv[1:8]
    c, n, images, epochs, threads = int(c), int(n), int(images), int(epochs), int(threads)
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    seed = int(os.environ.get("BENCH_SEED", "777"))
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    x, y, tx, ty, mean, std = load(src, images)
    mean_t = torch.tensor(mean).view(1, -1, 1, 1)
    std_t = torch.tensor(std).view(1, -1, 1, 1)
    norm = lambda b: (torch.from_numpy(np.ascontiguousarray(b)).float() / 255 - mean_t) / std_t
    net = TinyNetwork(arch, c, n, x.shape[1], 10)
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)
    bs = 256
    stamps, acc = [], 0.0
    t0 = time.time()
    for e in range(epochs):
        for g in opt.param_groups:
            g["lr"] = 0.5 * 0.1 * (1 + math.cos(math.pi * e / epochs))
        net.train()
        perm = rng.permutation(len(x))
        hits = 0
        for b in range(0, len(x), bs):
            idx = perm[b:b + bs]
            xb = norm(augment(x[idx], rng, 4))
            yb = torch.from_numpy(y[idx])
            logits = net(xb)
            loss = F.cross_entropy(logits, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            hits += (logits.argmax(1) == yb).sum().item()
            stamps.append(time.time())
        acc = 100.0 * hits / len(x)
        net.eval()
        with torch.no_grad():
            correct = sum((net(norm(tx[i:i + bs])).argmax(1) == torch.from_numpy(ty[i:i + bs])).sum().item()
                          for i in range(0, len(tx), bs))
        eval_acc = 100.0 * correct / len(tx)
    total = time.time() - t0
    per_epoch = (len(x) + bs - 1) // bs
    sec = sum(stamps[i] - stamps[i - 1] for i in range(2, len(stamps)) if i % per_epoch != 0)
    counted = bs * sum(1 for i in range(2, len(stamps)) if i % per_epoch != 0)
    rss = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
    print("impl=pytorch img_per_s=%.1f train_acc=%.2f eval_acc=%.2f peak_rss_mb=%d total_s=%.1f threads=%d torch=%s"
          % (counted / sec, acc, eval_acc, int(rss) // 1024, total, torch.get_num_threads(), torch.__version__))


if __name__ == "__main__":
    main()

"""Plain-PyTorch speed reference for nb201's training-free scores (train/bench/compare-proxies.sh).

Scores the given cells the way a user's script does (the network and proxies of
src/test/python/zero_cost_reference.py, which follow the authors' code: SynFlow on a copy without
batch norm in double precision, NASWOT with hooks on every nn.ReLU and a forward + backward +
forward pass), with PyTorch-default initialisation and Gaussian-noise images (3x32x32, 10 classes),
and prints one line per proxy: mean seconds per cell (network build and initialisation included,
the first cell left out as warm-up), as ProxyBench does.
usage: proxies_reference.py <proxies> <C> <N> <threads> <arch>;<arch>;...
"""
import os
import sys
import time

import warnings

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "python"))
import zero_cost_reference as z  # noqa: E402


def main():
    proxies = sys.argv[1].split(",")
    c, n, threads = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    archs = sys.argv[5].split(";")
    torch.set_num_threads(threads)
    warnings.filterwarnings("ignore", message="Using a non-full backward hook")
    torch.manual_seed(1)
    x = torch.randn(128, 3, 32, 32)
    total = {p: 0.0 for p in proxies}
    for k, arch in enumerate(archs):
        torch.manual_seed(0)
        for p in proxies:
            t0 = time.perf_counter()
            net = z.TinyNetwork(arch, c, n, 3, 10, use_bn=p != "synflow")
            if p == "synflow":
                net = net.double()
                with torch.no_grad():
                    for _, t in net.state_dict().items():
                        t.abs_()
                net.zero_grad()
                out = net(torch.ones(1, 3, 32, 32, dtype=torch.double))
                torch.sum(out).backward()
                sum(torch.sum(torch.abs(m.weight * m.weight.grad)).item() for m in z.weight_layers(net))
            elif p == "params":
                sum(t.numel() for t in net.parameters())
            elif p == "flops":
                z.count_flops(net, (3, 32, 32))
            elif p == "naswot":
                net.train()
                z.naswot(net, x)
            else:
                raise SystemExit("no timing for " + p)
            if k > 0:
                total[p] += time.perf_counter() - t0
    counted = max(1, len(archs) - 1)
    for p in proxies:
        print("pytorch proxy=%s C=%d N=%d cells=%d threads=%d s_per_cell=%.5f" % (p, c, n, counted, threads,
                                                                                   total[p] / counted))


if __name__ == "__main__":
    main()

"""Independent reference for nb201's training-free scores (train/src/test/java/.../ZeroCostReferenceTest).

Plain PyTorch, written from the authors' descriptions and code structure: the NAS-Bench-201 network
as AutoDL-Projects builds it (every op of a cell runs, `none` is x.mul(0.), one nn.ReLU per conv
edge), the zero-cost proxies as SamsungLabs/zero-cost-nas foresight/pruners/measures/*.py compute
them (each on a fresh copy of the network in train mode; synflow on a copy without batch norm, in
double precision) and NASWOT as BayesWatch/nas-without-training score_networks.py does (hooks on
every nn.ReLU, forward + backward to mark the ReLUs in the graph, then a second forward).

Usage: zero_cost_reference.py <weights.bin> <out.json>. The binary file (written by the Java test)
holds the initial weights in DJL's parameter order, the batch and the labels; a JSON header says
the cell, C, N, input shape, classes and the proxies to compute.
"""
import copy
import json
import math
import struct
import sys
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)


# ---------------------------------------------------------------- file

def read_export(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"NB201PX1":
        raise SystemExit("not an nb201 proxy export: " + path)
    pos = 8
    (hlen,) = struct.unpack_from("<i", data, pos)
    pos += 4
    header = json.loads(data[pos:pos + hlen].decode("utf-8"))
    pos += hlen
    (count,) = struct.unpack_from("<i", data, pos)
    pos += 4
    arrays = []
    for _ in range(count):
        (nlen,) = struct.unpack_from("<i", data, pos)
        pos += 4
        name = data[pos:pos + nlen].decode("utf-8")
        pos += nlen
        code, ndim = struct.unpack_from("<ii", data, pos)
        pos += 8
        dims = struct.unpack_from("<" + "q" * ndim, data, pos)
        pos += 8 * ndim
        n = int(np.prod(dims)) if ndim else 1
        dtype = {0: "<f4", 1: "<i8"}[code]
        width = 4 if code == 0 else 8
        arr = np.frombuffer(data, dtype=dtype, count=n, offset=pos).reshape(dims).copy()
        pos += n * width
        arrays.append((name, arr))
    return header, arrays


# ---------------------------------------------------------------- network (AutoDL-Projects structure)

class Zero(nn.Module):
    def forward(self, x):
        return x.mul(0.)


class ReLUConvBN(nn.Module):
    def __init__(self, c_in, c_out, k, stride, use_bn):
        super().__init__()
        layers = [nn.ReLU(inplace=False), nn.Conv2d(c_in, c_out, k, stride=stride, padding=(k - 1) // 2, bias=False)]
        if use_bn:
            layers.append(nn.BatchNorm2d(c_out))
        self.op = nn.Sequential(*layers)

    def forward(self, x):
        return self.op(x)


def make_op(name, c, use_bn):
    if name == "none":
        return Zero()
    if name == "skip_connect":
        return nn.Identity()
    if name == "nor_conv_1x1":
        return ReLUConvBN(c, c, 1, 1, use_bn)
    if name == "nor_conv_3x3":
        return ReLUConvBN(c, c, 3, 1, use_bn)
    if name == "avg_pool_3x3":
        return nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)
    raise ValueError(name)


class InferCell(nn.Module):
    def __init__(self, arch, c, use_bn):
        super().__init__()
        nodes = [part.strip("|").split("|") for part in arch.split("+")]
        self.layers = nn.ModuleList()
        self.inputs = []  # per node: list of (layer index, input node)
        for node in nodes:
            cur = []
            for item in node:
                op, src = item.split("~")
                cur.append((len(self.layers), int(src)))
                self.layers.append(make_op(op, c, use_bn))
            self.inputs.append(cur)

    def forward(self, x):
        nodes = [x]
        for cur in self.inputs:
            nodes.append(sum(self.layers[i](nodes[j]) for i, j in cur))
        return nodes[-1]


class ResNetBlock(nn.Module):
    def __init__(self, c_in, c_out, use_bn):
        super().__init__()
        self.conv_a = ReLUConvBN(c_in, c_out, 3, 2, use_bn)
        self.conv_b = ReLUConvBN(c_out, c_out, 3, 1, use_bn)
        self.downsample = nn.Sequential(nn.AvgPool2d(2, 2, 0), nn.Conv2d(c_in, c_out, 1, bias=False))

    def forward(self, x):
        return self.downsample(x) + self.conv_b(self.conv_a(x))


class TinyNetwork(nn.Module):
    def __init__(self, arch, c, n, in_ch, classes, use_bn=True):
        super().__init__()
        stem = [nn.Conv2d(in_ch, c, 3, padding=1, bias=False)]
        if use_bn:
            stem.append(nn.BatchNorm2d(c))
        self.stem = nn.Sequential(*stem)
        cells = []
        width = c
        for stage in range(3):
            if stage > 0:
                cells.append(ResNetBlock(width, width * 2, use_bn))
                width *= 2
            for _ in range(n):
                cells.append(InferCell(arch, width, use_bn))
        self.cells = nn.ModuleList(cells)
        last = [nn.BatchNorm2d(width), nn.ReLU(inplace=True)] if use_bn else [nn.ReLU(inplace=True)]
        self.lastact = nn.Sequential(*last)
        self.global_pooling = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(width, classes)
        self.return_features = False

    def forward(self, x):
        x = self.stem(x)
        for cell in self.cells:
            x = cell(x)
        x = self.lastact(x)
        features = self.global_pooling(x).view(x.size(0), -1)
        logits = self.classifier(features)
        return (features, logits) if self.return_features else logits


def djl_order(net):
    """(tensor, kind) in DJL's parameter order: blocks in build order, BN as gamma, beta, mean, var."""
    out = []

    def bn(m):
        out.extend([(m.weight, "gamma"), (m.bias, "beta"), (m.running_mean, "runningMean"),
                    (m.running_var, "runningVar")])

    def rcb(m):
        convs = [x for x in m.op if isinstance(x, nn.Conv2d)]
        out.append((convs[0].weight, "weight"))
        for x in m.op:
            if isinstance(x, nn.BatchNorm2d):
                bn(x)

    for m in net.stem:
        if isinstance(m, nn.Conv2d):
            out.append((m.weight, "weight"))
        elif isinstance(m, nn.BatchNorm2d):
            bn(m)
    for cell in net.cells:
        if isinstance(cell, ResNetBlock):
            rcb(cell.conv_a)
            rcb(cell.conv_b)
            out.append((cell.downsample[1].weight, "weight"))
        else:
            for layer in cell.layers:
                if isinstance(layer, ReLUConvBN):
                    rcb(layer)
    for m in net.lastact:
        if isinstance(m, nn.BatchNorm2d):
            bn(m)
    out.append((net.classifier.weight, "weight"))
    out.append((net.classifier.bias, "bias"))
    return out


def load(net, arrays):
    params = [(n, a) for n, a in arrays if n not in ("x", "y")]
    order = djl_order(net)
    if len(order) != len(params):
        raise SystemExit("parameter count differs: python %d, file %d" % (len(order), len(params)))
    with torch.no_grad():
        for (t, kind), (name, a) in zip(order, params):
            if not name.endswith(kind) or tuple(t.shape) != a.shape:
                raise SystemExit("parameter %s %s does not fit %s %s" % (name, a.shape, kind, tuple(t.shape)))
            t.copy_(torch.from_numpy(a))


def load_no_bn(net, arrays):
    """The authors' get_prunable_copy(bn=False): the same weights, batch norms left out."""
    params = [(n, a) for n, a in arrays if n not in ("x", "y") and n.endswith(("weight", "bias"))]
    order = [(t, k) for t, k in djl_order(net) if k in ("weight", "bias")]
    with torch.no_grad():
        for (t, kind), (name, a) in zip(order, params):
            if tuple(t.shape) != a.shape:
                raise SystemExit("parameter %s %s does not fit %s" % (name, a.shape, tuple(t.shape)))
            t.copy_(torch.from_numpy(a))


def weight_layers(net):
    return [m for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]


# ---------------------------------------------------------------- proxies

def synflow(make, arrays, shape):
    net = make(False)
    load_no_bn(net, arrays)
    net = net.double()
    with torch.no_grad():
        for _, p in net.state_dict().items():
            p.abs_()
    net.zero_grad()
    out = net(torch.ones([1] + list(shape), dtype=torch.double))
    torch.sum(out).backward()
    return sum(torch.sum(torch.abs(m.weight * m.weight.grad)).item() for m in weight_layers(net))


def l2_norm(net):
    return sum(m.weight.norm().item() for m in weight_layers(net))


def grad_norm(net, x, y):
    net.zero_grad()
    F.cross_entropy(net(x), y).backward()
    return sum(m.weight.grad.norm().item() for m in weight_layers(net))


def snip(net, x, y):
    for m in weight_layers(net):
        m.weight_mask = nn.Parameter(torch.ones_like(m.weight))
        m.weight.requires_grad = False
        if isinstance(m, nn.Conv2d):
            m.forward = types.MethodType(
                lambda self, z: F.conv2d(z, self.weight * self.weight_mask, self.bias, self.stride, self.padding,
                                         self.dilation, self.groups), m)
        else:
            m.forward = types.MethodType(lambda self, z: F.linear(z, self.weight * self.weight_mask, self.bias), m)
    net.zero_grad()
    F.cross_entropy(net(x), y).backward()
    return sum(torch.abs(m.weight_mask.grad).sum().item() for m in weight_layers(net))


def grasp(net, x, y):
    weights = [m.weight for m in weight_layers(net)]
    net.zero_grad()
    g = torch.autograd.grad(F.cross_entropy(net(x), y), weights, allow_unused=True)
    gf = torch.autograd.grad(F.cross_entropy(net(x), y), weights, create_graph=True, allow_unused=True)
    z = 0
    for a, b in zip(g, gf):
        if a is not None:
            z = z + (a.data * b).sum()
    z.backward()
    terms = [-m.weight.data * m.weight.grad for m in weight_layers(net) if m.weight.grad is not None]
    # the sum cancels heavily (sum of |terms| is often 1000x the result): report its scale too
    return sum(t.sum().item() for t in terms), sum(t.abs().sum().item() for t in terms)


def fisher(net, x, y):
    layers = weight_layers(net)
    for m in layers:
        m.fisher = None
        m.dummy = nn.Identity()

        def fwd(self, z):
            if isinstance(self, nn.Conv2d):
                z = F.conv2d(z, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)
            else:
                z = F.linear(z, self.weight, self.bias)
            self.act = self.dummy(z)
            return self.act

        m.forward = types.MethodType(fwd, m)

        def hook_for(layer):
            def hook(module, grad_input, grad_output):
                act = layer.act.detach()
                grad = grad_output[0].detach()
                g_nk = torch.sum(act * grad, list(range(2, act.dim()))) if act.dim() > 2 else act * grad
                del_k = g_nk.pow(2).mean(0).mul(0.5)
                layer.fisher = del_k if layer.fisher is None else layer.fisher + del_k
            return hook

        m.dummy.register_backward_hook(hook_for(m))
    net.zero_grad()
    F.cross_entropy(net(x), y).backward()
    total = 0.0
    for m in layers:
        fan_in = int(np.prod(m.weight.shape[1:]))
        # reshape_elements spreads each channel's value over that channel's weights
        total += torch.abs(m.fisher.detach()).sum().item() * fan_in
    return total


def jacob_cov(net, x):
    x = x.clone().requires_grad_(True)
    net.zero_grad()
    out = net(x)
    out.backward(torch.ones_like(out))
    jac = x.grad.detach().reshape(x.shape[0], -1).numpy().astype(np.float64)
    try:
        corrs = np.corrcoef(jac)
        v, _ = np.linalg.eig(corrs)
        k = 1e-5
        return float(np.real(-np.sum(np.log(v + k) + 1. / (v + k))))
    except Exception:
        return float("nan")


def naswot(net, x):
    n = x.shape[0]
    net.K = np.zeros((n, n))

    def forward_hook(module, inp, out):
        if not getattr(module, "visited_backwards", False):
            return
        inp = inp[0] if isinstance(inp, tuple) else inp
        codes = (inp.view(inp.size(0), -1) > 0).float()
        net.K = net.K + (codes @ codes.t()).numpy() + ((1. - codes) @ (1. - codes.t())).numpy()

    def backward_hook(module, grad_in, grad_out):
        module.visited_backwards = True

    for m in net.modules():
        if isinstance(m, nn.ReLU):
            m.register_forward_hook(forward_hook)
            m.register_backward_hook(backward_hook)
    net.return_features = True
    x1 = x.clone().requires_grad_(True)
    features, _ = net(x1)
    features.backward(torch.ones_like(features))
    with torch.no_grad():
        net(x)
    sign, logdet = np.linalg.slogdet(net.K)
    return float(logdet)


def count_flops(net, shape):
    total = [0]

    def hook(m, inp, out):
        if isinstance(m, nn.Conv2d):
            total[0] += m.weight.numel() * out.shape[2] * out.shape[3]
        else:
            total[0] += m.weight.numel() + (m.bias.numel() if m.bias is not None else 0)

    hs = [m.register_forward_hook(hook) for m in weight_layers(net)]
    with torch.no_grad():
        net.eval()
        net(torch.zeros([1] + list(shape)))
        net.train()
    for h in hs:
        h.remove()
    return total[0] / 1e6


def main():
    header, arrays = read_export(sys.argv[1])
    named = dict(arrays)
    shape = (header["in_channels"], header["height"], header["width"])

    def make(use_bn=True):
        return TinyNetwork(header["arch"], header["C"], header["N"], shape[0], header["classes"], use_bn)

    def fresh():
        net = make(True)
        load(net, arrays)
        net.train()
        return net

    x_all = torch.from_numpy(named["x"])
    y_all = torch.from_numpy(named["y"]).long() if "y" in named else None
    out = {}
    for proxy, batch in header["proxies"].items():
        x = x_all[:batch] if batch > 0 else None
        y = y_all[:batch] if batch > 0 and y_all is not None else None
        if proxy == "params":
            out[proxy] = sum(p.numel() for p in fresh().parameters()) / 1e6
        elif proxy == "flops":
            out[proxy] = count_flops(fresh(), shape)
        elif proxy == "synflow":
            out[proxy] = synflow(make, arrays, shape)
        elif proxy == "l2_norm":
            out[proxy] = l2_norm(fresh())
        elif proxy == "grad_norm":
            out[proxy] = grad_norm(fresh(), x, y)
        elif proxy == "snip":
            out[proxy] = snip(fresh(), x, y)
        elif proxy == "grasp":
            out[proxy], out["grasp_abs"] = grasp(fresh(), x, y)
        elif proxy == "fisher":
            out[proxy] = fisher(fresh(), x, y)
        elif proxy == "jacob_cov":
            out[proxy] = jacob_cov(fresh(), x)
        elif proxy == "naswot":
            out[proxy] = naswot(fresh(), x)
        else:
            raise SystemExit("unknown proxy " + proxy)
    text = json.dumps({k: (v if math.isfinite(v) else repr(v)) for k, v in out.items()})
    with open(sys.argv[2], "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()

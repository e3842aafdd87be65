"""Writes grasp_hvp.pt, the TorchScript function nb201's GraSP score calls (module train, ZeroCost).

GraSP needs H g, a Hessian-vector product. DJL exposes only backward(), which with create_graph
leaves the parameters' .grad holding a graph that references the parameters: a reference cycle
that libtorch never frees (DJL cannot reset .grad). torch.autograd.grad, as the authors'
foresight/pruners/measures/grasp.py uses it, accumulates nothing, so there is no cycle; TorchScript
is the one way to call it from DJL. Regenerate with Debian's python3-torch:

    /usr/bin/python3 train/src/main/torchscript/grasp_hvp.py train/src/main/resources/org/nb201/train/proxy/grasp_hvp.pt
"""
import sys
from typing import List

import torch


class GraspHvp(torch.nn.Module):
    def forward(self, loss: torch.Tensor, weights: List[torch.Tensor], g: List[torch.Tensor]) -> List[torch.Tensor]:
        # grad_f with its graph, z = sum_i g_i . grad_f_i, then dz/dw = H g; unused weights get zeros
        grad_f = torch.autograd.grad([loss], weights, create_graph=True, allow_unused=True)
        z = torch.zeros([], dtype=loss.dtype)
        for i in range(len(weights)):
            gi = grad_f[i]
            if gi is not None:
                z = z + (g[i] * gi).sum()
        hg = torch.autograd.grad([z], weights, allow_unused=True)
        out: List[torch.Tensor] = []
        for i in range(len(weights)):
            h = hg[i]
            if h is None:
                out.append(torch.zeros_like(weights[i]))
            else:
                out.append(h)
        return out


if __name__ == "__main__":
    torch.jit.script(GraspHvp()).save(sys.argv[1])

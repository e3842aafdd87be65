#!/usr/bin/python3
"""Builds the small torch.save files TorchFileTest reads, in both containers: a dict of a float
vector, a transposed (strided) int64 view, a float64 column and a plain int.

Usage (from the repository root; needs Debian's python3-torch):
  /usr/bin/python3 pickle/src/test/python/make_torch_fixtures.py [OUT_DIR]
Writes OUT_DIR/{tensors-zip.pth, tensors-legacy.pth}; OUT_DIR defaults to
pickle/src/test/resources/pth. The committed files were written by torch 1.13.
"""
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[4]


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "pickle" / "src" / "test" / "resources" / "pth"
    out.mkdir(parents=True, exist_ok=True)
    tensors = {"floats": torch.tensor([1.5, -2.25, 3.0]), "longs": torch.arange(6).reshape(2, 3).t(),
               "doubles": torch.tensor([[0.5], [0.25]], dtype=torch.float64), "n": 7}
    for name, zip_container in (("tensors-zip.pth", True), ("tensors-legacy.pth", False)):
        path = out / name
        torch.save(tensors, path, _use_new_zipfile_serialization=zip_container)
        print(path, path.stat().st_size, "bytes")


if __name__ == "__main__":
    sys.exit(main())

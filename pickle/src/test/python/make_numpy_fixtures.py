#!/usr/bin/python3
"""Builds the small numpy-array pickles NumpyArrayTest reads, with the values numpy itself reports.

Each array is pickled with protocols 2 and 4 by Python 3 (protocol 2 stores the raw data through
_codecs.encode), and as Python 2 writes protocol 2: there every str and bytes value is a
SHORT_BINSTRING/BINSTRING, the raw data included (Python 2's str). A Python-2-style dict like the
official CIFAR batches (str keys, a list of labels, a uint8 array), a Fortran-order array and an
empty one complete the set.

Usage (from the repository root; needs Debian's python3-numpy):
  /usr/bin/python3 pickle/src/test/python/make_numpy_fixtures.py [OUT_DIR]
Writes OUT_DIR/*.pkl and OUT_DIR/expected.txt (one line per array: file name, dtype as numpy
spells it, shape, then the elements in C order); OUT_DIR defaults to
pickle/src/test/resources/numpy.
"""
import io
import pickle
import struct
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[4]

ARRAYS = {
    "u1": (np.arange(12) * 23 % 256).astype(np.uint8).reshape(3, 4),
    "i8": np.array([0, -1, 2**40, -2**63, 2**63 - 1], dtype=np.int64),
    "i8be": np.array([[1, -2], [3 * 2**33, -4]], dtype=">i8"),
    "f8": np.array([[1.5, -0.25], [np.inf, -0.0]], dtype=np.float64),
}


class Python2Pickler(pickle._Pickler):
    """Writes text and bytes as Python 2 wrote its str: BINSTRING opcodes holding latin-1 bytes."""

    def save_py2_str(self, obj):
        raw = obj.encode("latin-1") if isinstance(obj, str) else obj
        if len(raw) < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([len(raw)]) + raw)
        else:
            self.write(pickle.BINSTRING + struct.pack("<i", len(raw)) + raw)
        self.memoize(obj)

    dispatch = dict(pickle._Pickler.dispatch)
    dispatch[str] = save_py2_str
    dispatch[bytes] = save_py2_str


def python2(obj):
    buf = io.BytesIO()
    Python2Pickler(buf, protocol=2).dump(obj)
    return buf.getvalue()


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "pickle" / "src" / "test" / "resources" / "numpy"
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, a in ARRAYS.items():
        for suffix, data in (("p2", pickle.dumps(a, protocol=2)), ("p4", pickle.dumps(a, protocol=4)),
                             ("py2", python2(a))):
            file = "%s-%s.pkl" % (name, suffix)
            (out / file).write_bytes(data)
            assert np.array_equal(pickle.loads(data, encoding="latin1"), a)
            values = " ".join(repr(float(v)) if a.dtype.kind == "f" else str(int(v)) for v in a.ravel(order="C"))
            lines.append("%s %s %s %s" % (file, a.dtype.str, ",".join(map(str, a.shape)), values))
    # 600 bytes of data: a BINSTRING, not a SHORT_BINSTRING
    rows = (np.arange(600) * 7 % 256).astype(np.uint8).reshape(2, 300)
    batch = {"batch_label": "training batch 1 of 5", "labels": [6, 9], "data": rows,
             "filenames": ["a.png", "b\xe9.png"]}
    (out / "batch-py2.pkl").write_bytes(python2(batch))
    lines.append("batch-py2.pkl[data] %s %s %s" % (rows.dtype.str, ",".join(map(str, rows.shape)),
                                                   " ".join(str(int(v)) for v in rows.ravel())))
    (out / "expected.txt").write_text("\n".join(lines) + "\n")
    (out / "fortran-p4.pkl").write_bytes(pickle.dumps(np.asfortranarray(np.arange(6).reshape(2, 3)), protocol=4))
    (out / "empty-p4.pkl").write_bytes(pickle.dumps(np.zeros((0, 3), dtype=np.uint8), protocol=4))
    for f in sorted(out.glob("*.pkl")):
        print(f, f.stat().st_size, "bytes")


if __name__ == "__main__":
    sys.exit(main())

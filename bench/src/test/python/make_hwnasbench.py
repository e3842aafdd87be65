# Writes a small HW-NAS-Bench-shaped pickle the way Python and numpy pickle it (protocol 4):
# {"nasbench201": {dataset: {metric: values, "config": [dicts]}}, "fbnet": {...}}, with values
# ((i * 7 + metric_id * 13 + dataset_id * 31) % 97) / 8 stored as numpy float64 scalars, a float64
# array, numpy float32 scalars and plain floats. Usage: make_hwnasbench.py archs.txt out.pickle
import pickle
import sys

import numpy as np

METRICS = ["edgegpu_latency", "edgegpu_energy", "raspi4_latency", "edgetpu_latency", "pixel3_latency",
           "eyeriss_latency", "eyeriss_energy", "eyeriss_arithmetic_intensity", "fpga_latency", "fpga_energy"]
DATASETS = ["cifar10", "cifar100", "ImageNet16-120"]
archs = open(sys.argv[1]).read().split("\n")[:15625]


def value(d, m, i):
    return ((i * 7 + m * 13 + d * 31) % 97) / 8


space = {}
for d, name in enumerate(DATASETS):
    entry = {}
    for m, metric in enumerate(METRICS):
        xs = [value(d, m, i) for i in range(15625)]
        if m % 4 == 0:
            entry[metric] = [np.float64(x) for x in xs]
        elif m % 4 == 1:
            entry[metric] = np.array(xs, dtype=np.float64)
        elif m % 4 == 2:
            entry[metric] = [np.float32(x) for x in xs]
        else:
            entry[metric] = xs
    entry["config"] = [{"name": "infer.tiny", "C": 16, "N": 5, "arch_str": a, "num_classes": 10} for a in archs]
    space[name] = entry
with open(sys.argv[2], "wb") as f:
    pickle.dump({"nasbench201": space, "fbnet": {"edgegpu_latency": {"ConvNorm_H32": 0.5}}}, f, protocol=4)

/**
 * Readers of per-cell device measurements in the official index order: the HELP per-device files
 * ({@code torch.save} zip of a list of 15,625 latencies in ms; Lee et al., NeurIPS 2021,
 * {@code HayeonLee/HELP data/nasbench201/latency/}), the HW-NAS-Bench pickle
 * ({@code {"nasbench201": {dataset: {metric: [15,625 values]}}}}; Li et al., ICLR 2021,
 * {@code HW-NAS-Bench-v1_0.pickle}) and the tidy hardware CSV. Pickles go through nb201's safe
 * reader with a per-format allow-list; every value passes {@link org.nb201.bench.HardwareValues}.
 */
package org.nb201.bench.hardware;

/**
 * The NAS-Bench-201 TinyNetwork as DJL blocks (AutoDL-Projects
 * {@code xautodl/models/cell_infers/tiny_network.py::TinyNetwork}; see
 * docs/network-and-protocol.md#the-benchmark-network): a macro skeleton ({@link
 * org.nb201.train.model.MacroNetwork}: stem, three stages of cells joined by residual reduction
 * blocks, last BN-ReLU, global pooling and classifier) over a cell factory, with PyTorch-default
 * initialisation; the fixed-cell {@link org.nb201.train.model.TinyNetwork} is one instance, the
 * weight-sharing supernet another. {@link org.nb201.train.model.ModelCost} counts the built network's FLOPs and
 * parameters so they can be checked against the {@code space} cost model.
 */
package org.nb201.train.model;

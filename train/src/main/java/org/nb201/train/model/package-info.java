/**
 * The NAS-Bench-201 TinyNetwork as DJL blocks (spec 2): stem, three stages of searched cells joined
 * by residual reduction blocks, last BN-ReLU, global pooling and classifier, with PyTorch-default
 * initialisation. {@link org.nb201.train.model.ModelCost} counts the built network's FLOPs and
 * parameters so they can be checked against the {@code space} cost model.
 */
package org.nb201.train.model;

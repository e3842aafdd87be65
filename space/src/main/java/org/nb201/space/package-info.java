/**
 * The NAS-Bench-201 cell search space: the five {@link org.nb201.space.Op ops}, the 15,625
 * {@link org.nb201.space.Arch cells} in the official index order, their string forms, isomorphism
 * classes, validity and the FLOPs/params cost model of the benchmark network (AutoDL-Projects
 * {@code xautodl/models/cell_searchs/genotypes.py::Structure}, {@code xautodl/models/cell_operations.py},
 * {@code xautodl/utils/flop_benchmark.py::get_model_infos}; see docs/search-space.md and
 * docs/network-and-protocol.md#reference-cells),
 * and the vocabulary every module shares: the {@link org.nb201.space.Dataset datasets}, the
 * {@link org.nb201.space.Split splits} and the {@link org.nb201.space.OfficialNames official key names}.
 * This package has no dependencies so that every other module can build on it.
 */
package org.nb201.space;

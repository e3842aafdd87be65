/**
 * The NAS-Bench-201 cell search space: the five {@link org.nb201.space.Op ops}, the 15,625
 * {@link org.nb201.space.Arch cells} in the official index order, their string forms, isomorphism
 * classes, validity and the FLOPs/params cost model of the benchmark network (spec sections 1, 2.6, 5.5),
 * and the vocabulary every module shares: the {@link org.nb201.space.Dataset datasets}, the
 * {@link org.nb201.space.Split splits} and the {@link org.nb201.space.OfficialNames official key names}.
 * This package has no dependencies so that every other module can build on it.
 */
package org.nb201.space;

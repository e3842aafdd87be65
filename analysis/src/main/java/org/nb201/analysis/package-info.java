/**
 * The paper's diagnostic analyses of a benchmark store and of search runs (AutoDL-Projects
 * {@code exps/NAS-Bench-201/visualize.py} and {@code test-correlation.py}; see docs/analyses.md):
 * each analysis computes an immutable result record, with what it could not compute and why, from
 * an {@link org.nb201.analysis.StoreData}; rendering lives in {@link org.nb201.analysis.render}.
 */
package org.nb201.analysis;

/**
 * Exact rank statistics over flat arrays: average ranks for ties, Pearson, Spearman and Kendall's
 * tau-b (Knight's O(n log n) algorithm), correlation matrices with pairwise-complete cells, and
 * mean / standard deviation. Values match {@code numpy.corrcoef}, {@code scipy.stats.rankdata},
 * {@code spearmanr} and {@code kendalltau} (checked against them by the tests).
 */
package org.nb201.analysis.stats;

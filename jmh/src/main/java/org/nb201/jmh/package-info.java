/**
 * JMH benchmarks for the speed claims of nb201 (run with {@code jmh/run}); the figures quoted in
 * the README and docs come from these, measured side by side in one run.
 */
package org.nb201.jmh;

/**
 * The query API with the official NAS-Bench-201 / NATS-Bench semantics (NAS-Bench-201
 * {@code nas_201_api/api_201.py::NASBench201API}, NATS-Bench {@code nats_bench/api_utils.py::NASBenchMetaAPI};
 * see docs/benchmark-data.md#official-query-semantics): {@link
 * org.nb201.bench.query.Nb201Api} ({@code get_more_info}, {@code get_cost_info}, {@code
 * simulate_train_eval}, {@code find_best}, ...) over a {@link org.nb201.bench.store.Store}, and
 * {@link org.nb201.bench.query.FinalView}, the in-memory primitive-array view search algorithms use.
 */
package org.nb201.bench.query;

/**
 * The benchmark data model and store: per architecture, dataset, hp and seed, the per-epoch
 * metrics of every split, plus costs and provenance (NATS-Bench {@code nats_bench/api_utils.py::ResultsCount},
 * {@code ArchResults}; see docs/benchmark-data.md and docs/store-format.md), and the query API with the official
 * semantics (NAS-Bench-201 {@code nas_201_api/api_201.py::NASBench201API}; see
 * docs/benchmark-data.md#official-query-semantics). Never depends on DJL.
 */
package org.nb201.bench;

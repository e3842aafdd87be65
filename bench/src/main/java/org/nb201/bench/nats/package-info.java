/**
 * Reads the official NATS-Bench topology "simple" archive ({@code meta.pickle.pbz2} and one
 * {@code NNNNNN.pickle.pbz2} per architecture: NATS-Bench {@code nats_bench/api_utils.py::ArchResults}; see
 * docs/benchmark-data.md#the-record-of-a-trial) into nb201's trials and costs, checking
 * every architecture against the derived official index order.
 */
package org.nb201.bench.nats;

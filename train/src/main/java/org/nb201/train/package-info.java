/**
 * The NAS-Bench-201 training engine: a {@link org.nb201.train.TrainConfig} describes one trial,
 * the {@link org.nb201.train.Trainer} runs it with the official protocol (see
 * docs/network-and-protocol.md#training-protocol) on DJL + PyTorch,
 * and the result is a {@link org.nb201.train.TrialResult} of per-epoch records with costs, latency
 * and provenance.
 */
package org.nb201.train;

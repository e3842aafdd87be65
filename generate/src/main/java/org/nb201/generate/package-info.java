/**
 * Generating benchmark data at scale: a {@link org.nb201.generate.Plan} of content-addressed
 * {@link org.nb201.generate.TrialSpec trials}, one atomically written result file per trial, an
 * append-only ledger, a resumable local worker pool, stable shards for cluster array jobs (Slurm,
 * Kubernetes Indexed Jobs), and verification. How a trial is trained is behind
 * {@link org.nb201.generate.TrialExecutor}.
 */
package org.nb201.generate;

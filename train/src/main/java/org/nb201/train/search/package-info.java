/**
 * Weight-sharing NAS on the supernet (the NAS-Bench-201 paper's DARTS-V1, DARTS-V2 and GDAS;
 * AutoDL-Projects {@code exps/NAS-Bench-201-algos/}): one search loop for every method
 * ({@link org.nb201.train.search.SupernetSearch}), one small interface per method
 * ({@link org.nb201.train.search.WeightSharingMethod}: new epoch, step on a training and a
 * validation batch, current and final cell) with its options record and builder (defaults = the
 * official configs), the official search loader, and the run folder (JSON-lines run file, atomic
 * per-epoch checkpoints, resume).
 */
package org.nb201.train.search;

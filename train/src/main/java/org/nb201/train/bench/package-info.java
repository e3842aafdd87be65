/**
 * Speed and memory benchmark of the training engine against a plain PyTorch version of the same
 * network ({@code train/bench/compare.sh}, {@code train/bench/reference.py}).
 */
package org.nb201.train.bench;

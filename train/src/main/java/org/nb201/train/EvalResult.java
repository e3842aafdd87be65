package org.nb201.train;

/**
 * One evaluation of one set after one epoch: mean cross-entropy, top-1 and top-5 accuracy in %
 * (averaged per image), wall time in seconds and number of images.
 */
public record EvalResult(String split, double loss, double top1, double top5, double time, int images) {}

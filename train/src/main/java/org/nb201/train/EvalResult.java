package org.nb201.train;

import org.nb201.space.Split;

/**
 * One evaluation of one set after one epoch: mean cross-entropy, top-1 and top-5 accuracy in %
 * (averaged per image), wall time in seconds and number of images.
 */
public record EvalResult(Split split, double loss, double top1, double top5, double time, int images) {}

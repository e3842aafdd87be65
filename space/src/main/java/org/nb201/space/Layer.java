package org.nb201.space;

/**
 * One counted layer of the benchmark network: a convolution, batch norm or linear layer with its
 * output size, multiply-accumulates ({@code flops}, as the official counter reports them) and
 * trainable parameters. See {@link CostModel}.
 */
public record Layer(String name, Kind kind, int inChannels, int outChannels, int kernel, int stride, int outHeight,
    int outWidth, long flops, long params) {
  /** Layer types that carry FLOPs or parameters. */
  public enum Kind { CONV, BATCH_NORM, LINEAR }
}

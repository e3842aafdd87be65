package org.nb201.space;

/**
 * The macro shape of a TinyNetwork (AutoDL-Projects {@code xautodl/models/cell_infers/tiny_network.py::TinyNetwork};
 * see docs/network-and-protocol.md#layers): stem width {@code channels} (C), {@code cells} per
 * stage (N), input {@code inputChannels x height x width} and {@code numClasses}. The benchmark
 * uses C = 16, N = 5; smaller shapes give cheap benchmarks of our own with true costs.
 */
public record NetworkShape(int channels, int cells, int inputChannels, int height, int width, int numClasses) {
  /** Benchmark width C. */
  public static final int BENCH_CHANNELS = 16;
  /** Benchmark cells per stage N. */
  public static final int BENCH_CELLS = 5;

  public NetworkShape {
    if (channels < 1 || cells < 0 || inputChannels < 1 || height < 4 || width < 4 || numClasses < 1) {
      throw new IllegalArgumentException("bad network shape C=" + channels + " N=" + cells + " input="
          + inputChannels + "x" + height + "x" + width + " classes=" + numClasses
          + "; expected C>=1, N>=0, input at least 1x4x4, classes>=1");
    }
  }

  /** The benchmark network (C = 16, N = 5) for {@code dataset}. */
  public static NetworkShape of(Dataset dataset) {
    return new NetworkShape(BENCH_CHANNELS, BENCH_CELLS, dataset.channels(), dataset.imageSize(),
        dataset.imageSize(), dataset.numClasses());
  }

  /** A copy with another C and N. */
  public NetworkShape withCells(int channels, int cells) {
    return new NetworkShape(channels, cells, inputChannels, height, width, numClasses);
  }
}

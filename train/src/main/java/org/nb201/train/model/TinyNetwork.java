package org.nb201.train.model;

import org.nb201.space.Arch;
import org.nb201.space.NetworkShape;

/**
 * The benchmark network "infer.tiny" (AutoDL-Projects
 * {@code xautodl/models/cell_infers/tiny_network.py::TinyNetwork}; see docs/network-and-protocol.md#layers):
 * the {@link MacroNetwork} skeleton with the
 * same fixed cell ({@link InferCell}) in all 3N positions.
 */
public final class TinyNetwork extends MacroNetwork {
  private final Arch arch;

  /** The network for {@code arch} with the macro shape {@code shape}. */
  public TinyNetwork(Arch arch, NetworkShape shape) {
    this(arch, shape, false);
  }

  /** As {@link #TinyNetwork(Arch, NetworkShape)}, for channels-last inputs when {@code channelsLast}. */
  public TinyNetwork(Arch arch, NetworkShape shape, boolean channelsLast) {
    this(arch, shape, channelsLast, CellNorm.BENCHMARK);
  }

  /**
   * As {@link #TinyNetwork(Arch, NetworkShape, boolean)} with the cells' batch norms set by
   * {@code norm}: {@link CellNorm#BENCHMARK} for the benchmark network, a search setting for the
   * fixed-cell twin of a supernet path.
   */
  public TinyNetwork(Arch arch, NetworkShape shape, boolean channelsLast, CellNorm norm) {
    super(shape, channelsLast, (stage, index, channels) -> new InferCell(arch, channels, channelsLast, norm));
    this.arch = arch;
  }

  public Arch arch() {
    return arch;
  }
}

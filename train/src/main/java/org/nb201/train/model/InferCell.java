package org.nb201.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nb201.space.Arch;
import org.nb201.space.Edge;
import org.nb201.space.Op;

/**
 * One searched cell (AutoDL-Projects {@code xautodl/models/cell_infers/cells.py::InferCell}; see
 * docs/network-and-protocol.md#the-searched-cell): node i is the sum of its incoming edges' outputs in string order,
 * the output is node 3. Every edge has its own weights; the ReLU that starts each conv edge is
 * computed once per source node and shared by that node's conv edges (identical values).
 * {@code none} edges are skipped in the sum; a node whose edges are all {@code none} is a real zero
 * tensor ({@code zerosLike}, never a {@code Number} multiply, which DJL frees before backward).
 * Intermediate arrays (edge outputs, partial sums, inner nodes) are closed as soon as they are
 * consumed, as Python would drop them:
 * autograd keeps whatever backward needs, so activation memory matches PyTorch's. The output may
 * be the input itself (a lone skip edge into node 3).
 */
public final class InferCell extends AbstractBlock {
  private static final byte VERSION = 1;
  private static final Shape POOL_KERNEL = new Shape(3, 3);
  private static final Shape POOL_STRIDE = new Shape(1, 1);
  private static final Shape POOL_PAD = new Shape(1, 1);

  private final Arch arch;
  private final ReLUConvBN[] convs = new ReLUConvBN[Arch.EDGES];
  private ForwardTap tap = ForwardTap.NONE;

  /** The cell {@code arch} with {@code channels} channels on every node. */
  public InferCell(Arch arch, int channels) {
    this(arch, channels, false);
  }

  /** As {@link #InferCell(Arch, int)}, for channels-last activations when {@code channelsLast}. */
  public InferCell(Arch arch, int channels, boolean channelsLast) {
    this(arch, channels, channelsLast, CellNorm.BENCHMARK);
  }

  /** As {@link #InferCell(Arch, int, boolean)} with the conv ops' norm settings {@code norm}. */
  public InferCell(Arch arch, int channels, boolean channelsLast, CellNorm norm) {
    super(VERSION);
    this.arch = arch;
    for (Edge e : Edge.ALL) {
      Op op = arch.op(e.index());
      if (op == Op.NOR_CONV_1X1 || op == Op.NOR_CONV_3X3) {
        int k = op == Op.NOR_CONV_3X3 ? 3 : 1;
        convs[e.index()] = addChildBlock("edge" + e.to() + "_" + e.from(),
            new ReLUConvBN(channels, k, 1, channelsLast, norm));
      }
    }
  }

  /** Sets the observer of forward passes ({@link TinyNetwork#setTap}). */
  void setTap(ForwardTap tap) {
    this.tap = tap;
    for (ReLUConvBN conv : convs) {
      if (conv != null) {
        conv.setTap(tap);
      }
    }
  }

  /** The cell's architecture. */
  public Arch arch() {
    return arch;
  }

  /** The conv op of edge {@code edge} (canonical order), or {@code null} for parameter-free ops. */
  public ReLUConvBN edgeBlock(int edge) {
    return convs[edge];
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray[] nodes = new NDArray[Edge.NODES];
    NDArray[] relus = new NDArray[Edge.NODES]; // relu(node), shared by the conv edges leaving it
    int[] convUses = new int[Edge.NODES];
    for (Edge e : Edge.ALL) {
      if (convs[e.index()] != null) {
        convUses[e.from()]++;
      }
    }
    boolean[] owned = new boolean[Edge.NODES]; // created here (not the input or a skip of another node)
    nodes[0] = inputs.singletonOrThrow();
    for (int to = 1; to < Edge.NODES; to++) {
      NDArray sum = null;
      boolean sumOwned = false;
      for (int from = 0; from < to; from++) {
        int edge = Edge.indexOf(to, from);
        NDArray out = switch (arch.op(edge)) {
          case NONE -> null;
          case SKIP_CONNECT -> nodes[from];
          case NOR_CONV_1X1, NOR_CONV_3X3 -> {
            tap.reluInput(nodes[from]); // the official cell has one ReLU per conv edge
            if (relus[from] == null) {
              relus[from] = Activation.relu(nodes[from]);
            }
            NDArray o = convs[edge].convBn(ps, relus[from], training);
            if (--convUses[from] == 0) {
              relus[from].close(); // autograd keeps it for backward
            }
            yield o;
          }
          case AVG_POOL_3X3 -> averagePool(nodes[from]);
        };
        if (out == null) {
          continue;
        }
        boolean outOwned = out != nodes[from];
        if (sum == null) {
          sum = out;
          sumOwned = outOwned;
        } else {
          // partial sums and edge outputs are not needed by backward of add: free them now
          NDArray s = sum.add(out);
          if (sumOwned) {
            sum.close();
          }
          if (outOwned) {
            out.close();
          }
          sum = s;
          sumOwned = true;
        }
      }
      if (sum == null) {
        sum = nodes[0].zerosLike();
        sumOwned = true;
      }
      nodes[to] = sum;
      owned[to] = sumOwned;
    }
    for (int i = 1; i < Edge.NODES - 1; i++) {
      if (owned[i] && nodes[i] != nodes[Edge.NODES - 1]) {
        nodes[i].close();
      }
    }
    return new NDList(nodes[Edge.NODES - 1]);
  }

  /**
   * The {@code avg_pool_3x3} op: 3x3 average, stride 1, padding 1, over the pixels inside the map
   * only ({@code nn.AvgPool2d(3, 1, 1, count_include_pad=False)} in AutoDL-Projects
   * {@code lib/models/cell_operations.py::POOLING}). DJL 0.36's PyTorch engine ignores
   * {@code avgPool2d}'s {@code countIncludePad = false} and always divides by 9 (measured: a 3x3
   * map of ones pools to 4/9 in the corners), so the padded average is divided by the share of real
   * pixels under each window, the same map pooled from ones.
   */
  public static NDArray averagePool(NDArray x) {
    NDArray padded = Pool.avgPool2d(x, POOL_KERNEL, POOL_STRIDE, POOL_PAD, false, true);
    Shape s = x.getShape();
    try (NDArray ones = x.getManager().ones(new Shape(1, 1, s.get(2), s.get(3)), x.getDataType());
        NDArray share = Pool.avgPool2d(ones, POOL_KERNEL, POOL_STRIDE, POOL_PAD, false, true)) {
      NDArray out = padded.div(share);
      padded.close();
      return out;
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (ReLUConvBN conv : convs) {
      if (conv != null) {
        conv.initialize(manager, dataType, inputShapes);
      }
    }
  }
}

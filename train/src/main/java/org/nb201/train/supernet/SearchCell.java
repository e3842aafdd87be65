package org.nb201.train.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nb201.space.Arch;
import org.nb201.space.Edge;
import org.nb201.space.Op;
import org.nb201.train.model.CellNorm;
import org.nb201.train.model.InferCell;
import org.nb201.train.model.ReLUConvBN;

/**
 * A searched cell with all five ops on every edge (AutoDL-Projects
 * {@code xautodl/models/cell_searchs/search_cells.py::NAS201SearchCell}, {@code cell_operations.py}):
 * {@code none}, {@code skip_connect} (identity), {@code nor_conv_1x1} and {@code nor_conv_3x3}
 * (ReLU-conv-BN with the cell's norm settings; each edge has its own), {@code avg_pool_3x3} (stride
 * 1, padding excluded from the average). Each edge's output is the weighted sum of the ops its
 * {@link EdgeWeights} lists (op order), node i the sum of its edges (edge order) plus the node's
 * term, the output node 3. As in the fixed cell, the ReLU of a node is computed once for all conv
 * ops leaving it, and intermediates are closed as soon as they are consumed.
 */
public final class SearchCell extends AbstractBlock {
  private static final byte VERSION = 1;

  private final ReLUConvBN[] conv1 = new ReLUConvBN[Arch.EDGES];
  private final ReLUConvBN[] conv3 = new ReLUConvBN[Arch.EDGES];

  /** A cell of {@code channels} channels; {@code norm} sets its conv ops' batch norms. */
  public SearchCell(int channels, boolean channelsLast, CellNorm norm) {
    super(VERSION);
    for (Edge e : Edge.ALL) {
      String edge = "edge" + e.to() + "_" + e.from() + "_";
      conv1[e.index()] = addChildBlock(edge + Op.NOR_CONV_1X1, new ReLUConvBN(channels, 1, 1, channelsLast, norm));
      conv3[e.index()] = addChildBlock(edge + Op.NOR_CONV_3X3, new ReLUConvBN(channels, 3, 1, channelsLast, norm));
    }
  }

  /** The conv op {@code op} ({@code nor_conv_1x1} or {@code nor_conv_3x3}) of edge {@code edge}. */
  public ReLUConvBN conv(int edge, Op op) {
    return switch (op) {
      case NOR_CONV_1X1 -> conv1[edge];
      case NOR_CONV_3X3 -> conv3[edge];
      default -> throw new IllegalArgumentException(op + " has no weights");
    };
  }

  /** The cell's output for input {@code x} with the pass's weights {@code w}. */
  NDArray forward(ParameterStore ps, NDArray x, boolean training, EdgeWeights w) {
    NDArray[] nodes = new NDArray[Edge.NODES];
    NDArray[] relus = new NDArray[Edge.NODES]; // relu(node), shared by the conv ops leaving it
    int[] convUses = new int[Edge.NODES];
    for (Edge e : Edge.ALL) {
      for (Op op : w.ops(e.index())) {
        if (op == Op.NOR_CONV_1X1 || op == Op.NOR_CONV_3X3) {
          convUses[e.from()]++;
        }
      }
    }
    boolean[] owned = new boolean[Edge.NODES]; // created here (not the input or a skip of another node)
    nodes[0] = x;
    for (int to = 1; to < Edge.NODES; to++) {
      Sum node = new Sum();
      for (int from = 0; from < to; from++) {
        int edge = Edge.indexOf(to, from);
        Op[] ops = w.ops(edge);
        NDArray[] weights = w.weights(edge);
        Sum edgeSum = new Sum();
        for (int k = 0; k < ops.length; k++) {
          NDArray out = switch (ops[k]) {
            case SKIP_CONNECT -> nodes[from];
            case NOR_CONV_1X1, NOR_CONV_3X3 -> {
              if (relus[from] == null) {
                relus[from] = Activation.relu(nodes[from]);
              }
              NDArray o = conv(edge, ops[k]).convBn(ps, relus[from], training);
              if (--convUses[from] == 0) {
                relus[from].close(); // autograd keeps it for backward
              }
              yield o;
            }
            case AVG_POOL_3X3 -> InferCell.averagePool(nodes[from]);
            case NONE -> throw new IllegalStateException("'none' is never computed");
          };
          boolean outOwned = out != nodes[from];
          if (weights[k] != null) {
            NDArray scaled = out.mul(weights[k]);
            if (outOwned) {
              out.close();
            }
            out = scaled;
            outOwned = true;
          }
          edgeSum.add(out, outOwned);
        }
        if (edgeSum.value != null) {
          node.add(edgeSum.value, edgeSum.owned);
        }
      }
      NDArray term = w.nodeTerm(to);
      if (node.value == null) {
        node.add(x.zerosLike(), true);
      }
      if (term != null) {
        node.add(term, false);
      }
      nodes[to] = node.value;
      owned[to] = node.owned;
    }
    for (int i = 1; i < Edge.NODES - 1; i++) {
      if (owned[i] && nodes[i] != nodes[Edge.NODES - 1]) {
        nodes[i].close();
      }
    }
    return nodes[Edge.NODES - 1];
  }

  /** A running sum that frees partial sums and summands once added (backward of add needs neither). */
  private static final class Sum {
    NDArray value;
    boolean owned;

    void add(NDArray a, boolean aOwned) {
      if (value == null) {
        value = a;
        owned = aOwned;
        return;
      }
      NDArray s = value.add(a);
      if (owned) {
        value.close();
      }
      if (aOwned) {
        a.close();
      }
      value = s;
      owned = true;
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    throw new UnsupportedOperationException("a search cell runs inside a Supernet pass, which supplies its op weights");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (int e = 0; e < Arch.EDGES; e++) {
      conv1[e].initialize(manager, dataType, inputShapes);
      conv3[e].initialize(manager, dataType, inputShapes);
    }
  }
}

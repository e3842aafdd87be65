package org.nb201.train.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.train.NdScope;

/**
 * ENAS's controller for the NAS-Bench-201 cell (AutoDL-Projects
 * {@code xautodl/models/cell_searchs/search_model_enas_utils.py::Controller}): a 2-layer LSTM of
 * hidden size 32 (PyTorch's {@code nn.LSTM} gates {@code i, f, g, o}, both biases, zero initial
 * state) runs one step per edge in edge order; the first input is a learned vector
 * ({@code input_vars}), each later one the embedding ({@code w_embd}) of the op just chosen; the
 * edge's logits are {@code tanh_constant * tanh(w_pred(h) / temperature)} (2.5 and 5), a categorical
 * over the five ops. The policy's log-probability and entropy are the sums over edges.
 *
 * <p>Initialisation as the official constructor: {@code input_vars}, {@code weight_ih_l0},
 * {@code weight_hh_l0}, {@code w_embd.weight} and {@code w_pred.weight} uniform in [-0.1, 0.1]; every
 * other tensor keeps PyTorch's default, uniform in [-1/sqrt(32), 1/sqrt(32)] (the LSTM's biases,
 * its whole second layer, and {@code w_pred.bias}, whose fan-in is 32 too), which the official code
 * leaves untouched. Draws come from the search's random stream, tensor by tensor in the order
 * above, so a seed fixes the controller.
 *
 * <p>The LSTM is written from matrix products on the engine, so autograd differentiates it. A
 * sample draws each edge's op from the probabilities by inverting their cumulative sum with one
 * uniform draw of the search's stream (the official {@code Categorical.sample} draws from torch's
 * generator); {@link #policy} recomputes log-probability and entropy of a given cell under autograd.
 */
public final class EnasController implements AutoCloseable {
  private static final int OPS = Op.values().length;

  private final int hidden;
  private final int layers;
  private final double tanhConstant;
  private final double temperature;
  private final NDManager manager;
  private final Map<String, NDArray> params = new LinkedHashMap<>();

  /** The log-probability and entropy (0-d, summed over edges) of a cell, and each edge's op probabilities. */
  public record Policy(NDArray logProb, NDArray entropy, double[][] probs) {}

  /** A controller in a sub-scope of {@code parent}, initialised from {@code init}. */
  public EnasController(NDManager parent, int hidden, int layers, double tanhConstant, double temperature,
      RandomGenerator init) {
    if (hidden < 1 || layers < 1 || !(temperature > 0) || !(tanhConstant > 0)) {
      throw new IllegalArgumentException("the controller needs hidden >= 1, layers >= 1, temperature > 0 and"
          + " tanh_constant > 0");
    }
    this.hidden = hidden;
    this.layers = layers;
    this.tanhConstant = tanhConstant;
    this.temperature = temperature;
    this.manager = parent.newSubManager();
    double bound = 1 / Math.sqrt(hidden);
    put("input_vars", uniform(init, 0.1, 1, hidden));
    put("w_lstm.weight_hh_l0", uniform(init, 0.1, 4 * hidden, hidden));
    put("w_lstm.weight_ih_l0", uniform(init, 0.1, 4 * hidden, hidden));
    put("w_embd.weight", uniform(init, 0.1, OPS, hidden));
    put("w_pred.weight", uniform(init, 0.1, OPS, hidden));
    put("w_pred.bias", uniform(init, bound, OPS));
    for (int l = 0; l < layers; l++) {
      if (l > 0) {
        put("w_lstm.weight_ih_l" + l, uniform(init, bound, 4 * hidden, hidden));
        put("w_lstm.weight_hh_l" + l, uniform(init, bound, 4 * hidden, hidden));
      }
      put("w_lstm.bias_ih_l" + l, uniform(init, bound, 4 * hidden));
      put("w_lstm.bias_hh_l" + l, uniform(init, bound, 4 * hidden));
    }
  }

  private NDArray uniform(RandomGenerator rng, double bound, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (-bound + 2 * bound * rng.nextDouble());
    }
    long[] s = new long[shape.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = shape[i];
    }
    return manager.create(v, new Shape(s));
  }

  private void put(String name, NDArray a) {
    a.setRequiresGradient(true);
    params.put(name, a);
  }

  /** The parameters by their official ({@code state_dict}) names. */
  public Map<String, NDArray> named() {
    return params;
  }

  /** The parameters, in {@link #named()} order. */
  public List<NDArray> parameters() {
    return new ArrayList<>(params.values());
  }

  /** A cell drawn from the policy with {@code rng} (no gradients). */
  public Arch sample(RandomGenerator rng) {
    try (NDManager s = manager.getParentManager().newSubManager()) {
      return Arch.of(run(s, null, rng).ops);
    }
  }

  /**
   * The policy's log-probability and entropy of {@code cell}, in {@code scope} (differentiable when a
   * gradient collector is open).
   */
  public Policy policy(NDManager scope, Arch cell) {
    Op[] ops = cell.ops();
    Run r = run(scope, ops, null);
    return new Policy(r.logProb, r.entropy, r.probs);
  }

  private record Run(Op[] ops, NDArray logProb, NDArray entropy, double[][] probs) {}

  /** One pass over the edges: the ops are {@code forced}, or drawn with {@code rng}. */
  private Run run(NDManager scope, Op[] forced, RandomGenerator rng) {
    for (NDArray p : params.values()) {
      if (p.getManager() != scope) {
        p.tempAttach(scope); // results of ops on parameters land in the scope, and close with it
      }
    }
    DataType type = DataType.FLOAT32;
    NDArray temp = NdScope.scalar(scope, temperature, type);
    NDArray tanhC = NdScope.scalar(scope, tanhConstant, type);
    NDArray[] h = new NDArray[layers];
    NDArray[] c = new NDArray[layers];
    for (int l = 0; l < layers; l++) {
      h[l] = scope.zeros(new Shape(1, hidden), type);
      c[l] = scope.zeros(new Shape(1, hidden), type);
    }
    NDArray input = params.get("input_vars").reshape(1, hidden);
    Op[] ops = new Op[Arch.EDGES];
    double[][] probs = new double[Arch.EDGES][];
    NDArray logProb = null;
    NDArray entropy = null;
    for (int e = 0; e < Arch.EDGES; e++) {
      NDArray x = input;
      for (int l = 0; l < layers; l++) {
        NDArray gates = x.matMul(params.get("w_lstm.weight_ih_l" + l).transpose())
            .add(params.get("w_lstm.bias_ih_l" + l))
            .add(h[l].matMul(params.get("w_lstm.weight_hh_l" + l).transpose()))
            .add(params.get("w_lstm.bias_hh_l" + l));
        NDArray i = Activation.sigmoid(gates.get(new NDIndex(":, {}:{}", 0, hidden)));
        NDArray f = Activation.sigmoid(gates.get(new NDIndex(":, {}:{}", hidden, 2 * hidden)));
        NDArray g = gates.get(new NDIndex(":, {}:{}", 2 * hidden, 3 * hidden)).tanh();
        NDArray o = Activation.sigmoid(gates.get(new NDIndex(":, {}:{}", 3 * hidden, 4 * hidden)));
        c[l] = f.mul(c[l]).add(i.mul(g));
        h[l] = o.mul(c[l].tanh());
        x = h[l];
      }
      NDArray logits = x.matMul(params.get("w_pred.weight").transpose()).add(params.get("w_pred.bias"))
          .div(temp).tanh().mul(tanhC);
      NDArray logp = logits.logSoftmax(1);
      NDArray p = logits.softmax(1);
      float[] pv = p.toFloatArray();
      probs[e] = new double[OPS];
      for (int k = 0; k < OPS; k++) {
        probs[e][k] = pv[k];
      }
      int k = forced != null ? forced[e].ordinal() : draw(probs[e], rng);
      ops[e] = Op.ofIndex(k);
      NDArray lp = logp.get(0, k);
      NDArray ent = p.mul(logp).sum().neg();
      logProb = logProb == null ? lp : logProb.add(lp);
      entropy = entropy == null ? ent : entropy.add(ent);
      input = params.get("w_embd.weight").get(new NDIndex("{}:{}", k, k + 1));
    }
    return new Run(ops, logProb, entropy, probs);
  }

  /** The op whose cumulative probability first exceeds one uniform draw (the last op when rounding leaves a gap). */
  private static int draw(double[] p, RandomGenerator rng) {
    double u = rng.nextDouble();
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      sum += p[k];
      if (u < sum) {
        return k;
      }
    }
    return p.length - 1;
  }

  /** Copies {@code values} (by official name) into the parameters. */
  public void load(Map<String, NDArray> values) {
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray v = values.get(e.getKey());
      if (v == null || !v.getShape().equals(e.getValue().getShape())) {
        throw new IllegalArgumentException("controller state lacks " + e.getKey() + " or has another shape");
      }
      e.getValue().set(new NDIndex("..."), v);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}

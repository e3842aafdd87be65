package org.nb201.search;

import org.nb201.space.Arch;
import org.nb201.space.Op;
import org.nb201.space.PyRandom;

/**
 * REINFORCE (AutoDL-Projects {@code exps/NAS-Bench-201-algos/reinforce.py}: {@code ExponentialMovingAverage},
 * {@code select_action}, {@code main}; run as {@code REINFORCE.sh cifar10 0.5 -1}; see
 * docs/search-algorithms.md#reinforce): a 6x5 table of logits initialised with 1e-3 N(0,1),
 * an independent softmax per edge, Adam (lr 0.5 by default, betas 0.9/0.999, eps 1e-8) on the loss
 * {@code -sum log pi(a) * (reward - baseline)}, where the baseline is a bias-corrected exponential
 * moving average (momentum 0.9 by default) updated with the reward before the loss is formed. The result is
 * the sampled cell with the best reward (the first of equals), not the policy's argmax. The learning
 * rate and the momentum are {@link ReinforceOptions}.
 */
public final class Reinforce implements SearchAlgorithm {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private static final int OPS = 5;

  private final Coverage coverage;
  private final PyRandom rng;
  private final double lr;
  private final double emaMomentum;
  private final double[][] logits = new double[Arch.EDGES][OPS];
  private final double[][] m = new double[Arch.EDGES][OPS];
  private final double[][] v = new double[Arch.EDGES][OPS];
  private int step;
  private double emaNumerator;
  private double emaDenominator;
  private int[] lastAction;
  private Arch best;
  private double bestReward = Double.NEGATIVE_INFINITY;

  public Reinforce(Coverage coverage, PyRandom rng, ReinforceOptions options) {
    this.coverage = coverage;
    this.rng = rng;
    this.lr = options.learningRate();
    this.emaMomentum = options.emaMomentum();
    for (double[] row : logits) {
      for (int k = 0; k < OPS; k++) {
        row[k] = 1e-3 * gaussian(rng);
      }
    }
  }

  /** The per-edge op probabilities of the current policy. */
  public double[][] probabilities() {
    double[][] p = new double[Arch.EDGES][];
    for (int e = 0; e < Arch.EDGES; e++) {
      p[e] = softmax(logits[e]);
    }
    return p;
  }

  @Override
  public Arch propose() {
    lastAction = new int[Arch.EDGES];
    Op[] ops = new Op[Arch.EDGES];
    for (int e = 0; e < Arch.EDGES; e++) {
      double[] p = softmax(logits[e]);
      double u = rng.random();
      int k = 0;
      double acc = p[0];
      while (u >= acc && k < OPS - 1) {
        acc += p[++k];
      }
      lastAction[e] = k;
      ops[e] = Op.ofIndex(k);
    }
    return coverage.project(Arch.of(ops), rng);
  }

  @Override
  public void observe(Arch arch, double reward) {
    if (best == null || reward > bestReward) {
      best = arch;
      bestReward = reward;
    }
    emaNumerator = emaMomentum * emaNumerator + (1 - emaMomentum) * reward;
    emaDenominator = emaMomentum * emaDenominator + (1 - emaMomentum);
    double advantage = reward - emaNumerator / emaDenominator;
    step++;
    double bc1 = 1 - Math.pow(BETA1, step);
    double bc2 = 1 - Math.pow(BETA2, step);
    for (int e = 0; e < Arch.EDGES; e++) {
      double[] p = softmax(logits[e]);
      for (int k = 0; k < OPS; k++) {
        // d/d logit of -log softmax(logits)[a] * advantage
        double g = -((k == lastAction[e] ? 1 : 0) - p[k]) * advantage;
        m[e][k] = BETA1 * m[e][k] + (1 - BETA1) * g;
        v[e][k] = BETA2 * v[e][k] + (1 - BETA2) * g * g;
        double denom = Math.sqrt(v[e][k]) / Math.sqrt(bc2) + EPS;
        logits[e][k] -= lr / bc1 * m[e][k] / denom;
      }
    }
  }

  @Override
  public Arch best() {
    return best;
  }

  private static double[] softmax(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double d : x) {
      max = Math.max(max, d);
    }
    double[] p = new double[x.length];
    double sum = 0;
    for (int k = 0; k < x.length; k++) {
      p[k] = Math.exp(x[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < x.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** A standard normal draw from the run's stream (Box-Muller on two {@code random()} values). */
  static double gaussian(PyRandom rng) {
    double u1 = 1.0 - rng.random();
    double u2 = rng.random();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

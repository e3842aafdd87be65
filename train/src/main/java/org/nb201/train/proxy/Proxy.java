package org.nb201.train.proxy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The training-free scores of a cell, by their names in the authors' code. Each is computed on the
 * network at its PyTorch-default initialisation fixed by a seed ({@link ZeroCost}); the zero-cost
 * proxies follow SamsungLabs/zero-cost-nas {@code foresight/pruners/measures/*.py}, summed over
 * layers as {@code foresight/pruners/predictive.py::find_measures} does, NASWOT follows
 * BayesWatch/nas-without-training {@code score_networks.py}. What each needs is {@link #input()}.
 */
public enum Proxy {
  /** Trainable parameters in millions, from the cost model ({@code space.CostModel}). */
  PARAMS("params", Input.NONE),
  /** Multiply-accumulates of one image in millions, from the cost model. */
  FLOPS("flops", Input.NONE),
  /**
   * SynFlow ({@code measures/synflow.py::compute_synflow_per_weight}, registered with
   * {@code bn=False}): every weight and bias replaced by its absolute value, batch norm removed,
   * double precision, one all-ones image; score = sum over conv and linear weights (not biases) of
   * |theta * dR/dtheta| with R the sum of the logits.
   */
  SYNFLOW("synflow", Input.ONES),
  /** Sum over conv and linear weights of their L2 (Frobenius) norms ({@code measures/l2_norm.py}). */
  L2_NORM("l2_norm", Input.NONE),
  /**
   * NASWOT ({@code score_networks.py}, hooks on every {@code nn.ReLU}, score {@code hooklogdet}):
   * the binary codes (input > 0) of every ReLU input over a batch, kernel K = sum over ReLUs of
   * c c^T + (1 - c)(1 - c)^T, score = log |det K|. Batch norm in train mode (batch statistics), as
   * the script never calls {@code eval()}. Labels are not used, so Gaussian noise may replace images.
   */
  NASWOT("naswot", Input.IMAGES),
  /**
   * SNIP ({@code measures/snip.py}): sum over conv and linear weights of |dL/dmask| at mask = 1,
   * i.e. |theta * dL/dtheta|; L is the mean cross-entropy of the batch, batch norm in train mode.
   */
  SNIP("snip", Input.LABELLED),
  /** Sum over conv and linear weights of the L2 norm of dL/dtheta ({@code measures/grad_norm.py}). */
  GRAD_NORM("grad_norm", Input.LABELLED),
  /**
   * GraSP ({@code measures/grasp.py}, T = 1, one iteration): g = dL/dtheta, Hg from a second
   * backward pass through the gradient (create_graph), score = sum over conv and linear weights of
   * -theta * Hg.
   */
  GRASP("grasp", Input.LABELLED),
  /**
   * Fisher ({@code measures/fisher.py}): per output channel of every conv and linear layer,
   * 0.5 * mean over images of (sum over positions of activation * gradient)^2; the authors'
   * {@code reshape_elements} spreads each channel's value over the channel's weights, so the sum
   * weighs it by the weight's fan-in (in-channels x kernel area, or in-features).
   */
  FISHER("fisher", Input.LABELLED),
  /**
   * Jacobian covariance ({@code measures/jacob_cov.py}): J = d(sum of logits)/d(input) per image,
   * C = the correlation matrix of the rows of J, score = -sum over eigenvalues v of C of
   * log(v + 1e-5) + 1/(v + 1e-5). Labels are drawn with the batch but not used.
   */
  JACOB_COV("jacob_cov", Input.LABELLED),
  /**
   * The BN-NAS indicator ({@link BnNas}; Chen et al., ICCV 2021): the sum over cells and edges of
   * the mean |gamma| of the chosen op's batch norm in a supernet whose batch norms alone were
   * trained (convs frozen at initialisation) with uniform single-path sampling; parameter-free ops
   * score 0. One supernet per run scores every cell; its batch (64) is the training batch.
   */
  BN_NAS("bn_nas", Input.TRAINING);

  /** What a proxy reads besides the initialised network. */
  public enum Input {
    /** Nothing: the structure or the weights only. */
    NONE,
    /** One all-ones image (no data set needed). */
    ONES,
    /** A batch of images; labels unused, so Gaussian noise is allowed. */
    IMAGES,
    /** A batch of real, labelled training images. */
    LABELLED,
    /** The search loader's training images, to train a supernet on once per run (real, labelled). */
    TRAINING
  }

  private final String key;
  private final Input input;

  Proxy(String key, Input input) {
    this.key = key;
    this.input = input;
  }

  /** The name used on the command line and in stores ({@code synflow}, {@code naswot}, ...). */
  public String key() {
    return key;
  }

  public Input input() {
    return input;
  }

  /** Whether the proxy reads a batch of images (real or noise). */
  public boolean needsBatch() {
    return input == Input.IMAGES || input == Input.LABELLED;
  }

  /** Whether the proxy reads images at all (a batch, or training images to train on). */
  public boolean readsData() {
    return needsBatch() || input == Input.TRAINING;
  }

  /**
   * The authors' default batch size: 128 for NASWOT ({@code score_networks.py --batch_size}), 64
   * for the zero-cost proxies that read data ({@code nasbench2_pred.py --batch_size}), 1 for
   * SynFlow's all-ones image, 0 for the data-free ones, 64 for BN-NAS's training batch (the
   * NAS-Bench-201 searches' batch size).
   */
  public int defaultBatch() {
    return switch (input) {
      case NONE -> 0;
      case ONES -> 1;
      case IMAGES -> 128;
      case LABELLED, TRAINING -> 64;
    };
  }

  /** The proxy named {@code key}; an error listing the valid names otherwise. */
  public static Proxy byKey(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (Proxy p : values()) {
      if (p.key.equals(k)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown proxy '" + key + "'; expected one of " + keys());
  }

  /** All names, comma-separated. */
  public static String keys() {
    return Arrays.stream(values()).map(Proxy::key).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return key;
  }
}

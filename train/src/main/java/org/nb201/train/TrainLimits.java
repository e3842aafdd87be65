package org.nb201.train;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.nb201.space.Arch;
import org.nb201.space.CostModel;
import org.nb201.space.Layer;
import org.nb201.space.NetworkShape;

/**
 * What one training run may ask for, checked before any data is read or any array is built: bounds
 * on the macro shape, the batch size and the thread count (beyond them a run overflows, hangs or
 * cannot be meant), and an estimate of the memory the network needs, refused when it exceeds the
 * machine's memory.
 *
 * <p>The estimate counts, from the layer list of {@link CostModel}, every convolution, batch-norm
 * and linear output of one batch as float32 (what autograd keeps for the backward pass: a
 * convolution's output is the batch norm's saved input, a ReLU's output the next convolution's),
 * the parameters four times (weights, gradients, momentum, the update), the host batch buffers and
 * a fixed {@value #RUNTIME_MB} MB for the JVM, libtorch and the data set. For the all-conv3x3 cell
 * at C16 N5 with batch 256 on CIFAR it gives 2.3 GB; the measured peak RSS is 2.7-2.8 GB
 * ({@code train/README.md}, "Speed and memory"), so what is refused surely does not fit.
 */
public final class TrainLimits {
  /** Largest stem width C. */
  public static final int MAX_CHANNELS = 4096;
  /** Largest number of cells per stage N. */
  public static final int MAX_CELLS = 1000;
  /** Largest batch size. */
  public static final int MAX_BATCH = 65_536;
  /** Intra-op threads are bounded by this multiple of the available processors. */
  public static final int THREADS_PER_PROCESSOR = 4;
  static final long RUNTIME_MB = 512;

  private TrainLimits() {}

  /** The largest thread count accepted on this machine. */
  public static int maxThreads() {
    return THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
  }

  /**
   * Fails naming the option when a value is out of its bounds.
   *
   * @param threadsOption how the user gave the thread count ({@code --threads}, {@code --threads-per-worker})
   */
  public static void checkOptions(int channels, int cells, int batchSize, int threads, String threadsOption) {
    check(channels >= 1 && channels <= MAX_CHANNELS, "--C must be in 1.." + MAX_CHANNELS + ", got " + channels);
    check(cells >= 0 && cells <= MAX_CELLS, "--N must be in 0.." + MAX_CELLS + ", got " + cells);
    check(batchSize >= 1 && batchSize <= MAX_BATCH, "--batch-size must be in 1.." + MAX_BATCH + ", got " + batchSize);
    int most = maxThreads();
    check(threads >= 0 && threads <= most, threadsOption + " must be in 0.." + most + " (" + THREADS_PER_PROCESSOR
        + " x the " + Runtime.getRuntime().availableProcessors() + " available processors), got " + threads);
  }

  /** The memory a training run needs, in bytes, by part. */
  public record Estimate(long activations, long parameters, long buffers, long runtime) {
    public long total() {
      return activations + parameters + buffers + runtime;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s (activations of a batch %s, parameters with gradients and momentum %s,"
          + " batch buffers %s, runtime and data %s)", size(total()), size(activations), size(parameters),
          size(buffers), size(runtime));
    }
  }

  /** The estimate for training {@code arch} in a network of {@code shape} with batches of {@code batchSize}. */
  public static Estimate estimate(Arch arch, NetworkShape shape, int batchSize) {
    long outputs = 0;
    long params = 0;
    for (Layer l : CostModel.layers(arch, shape)) {
      outputs += (long) l.outChannels() * l.outHeight() * l.outWidth();
      params += l.params();
    }
    long image = (long) shape.inputChannels() * shape.height() * shape.width();
    long buffers = 2L * Float.BYTES * batchSize * (image + shape.numClasses());
    return new Estimate(Float.BYTES * outputs * batchSize, 4L * Float.BYTES * params, buffers, RUNTIME_MB << 20);
  }

  /** The memory of this machine (or of its container), in bytes. */
  public static long machineMemory() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
  }

  /**
   * Fails when training {@code config}, {@code processes} times at once, cannot fit in
   * {@code available} bytes. Only CPU runs are checked: a GPU's memory is not known here.
   */
  public static void checkMemory(TrainConfig config, int processes, long available) {
    if (config.device() == TrainConfig.Device.CPU) {
      checkMemory(config.arch(), config.shape(), config.batchSize(), processes, available);
    }
  }

  /** As {@link #checkMemory(TrainConfig, int, long)} for a network not yet configured. */
  public static void checkMemory(Arch arch, NetworkShape shape, int batchSize, int processes, long available) {
    Estimate e = estimate(arch, shape, batchSize);
    long need = e.total() * processes;
    if (need > available) {
      throw new IllegalArgumentException("training cell " + arch + " at C" + shape.channels() + " N" + shape.cells()
          + " with --batch-size " + batchSize + " needs about " + e
          + (processes > 1 ? " per process, " + size(need) + " for " + processes + " processes," : "")
          + " but this machine has " + size(available) + "; use a smaller --batch-size, --C or --N");
    }
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MB", (bytes + (1 << 19)) >> 20);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}

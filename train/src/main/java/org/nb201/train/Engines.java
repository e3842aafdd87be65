package org.nb201.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.time.Instant;
import org.nb201.space.provenance.Backend;
import org.nb201.space.provenance.Machine;
import org.nb201.space.provenance.Provenance;

/**
 * The PyTorch engine with nb201's settings. Thread counts are read by DJL from the system
 * properties {@code ai.djl.pytorch.num_threads} / {@code num_interop_threads} when the engine starts;
 * a later request changes the intra-op count through libtorch directly.
 */
public final class Engines {
  /** DJL's name of the PyTorch engine. */
  public static final String PYTORCH = "PyTorch";

  private Engines() {}

  /** The engine, with {@code threads} intra-op threads when {@code threads > 0}. */
  public static Engine pytorch(int threads) {
    if (threads > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    NativeHeap.tune();
    Engine engine = Engine.getEngine(PYTORCH);
    if (threads > 0 && JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
    return engine;
  }

  /** The device for {@code device}; a GPU request without a GPU is an error. */
  public static Device device(Engine engine, TrainConfig.Device device) {
    if (device == TrainConfig.Device.CPU) {
      return Device.cpu();
    }
    if (engine.getGpuCount() < 1) {
      throw new IllegalArgumentException("--device gpu requested but the PyTorch engine sees no GPU");
    }
    return Device.gpu();
  }

  /** Current intra-op threads. */
  public static int threads() {
    return JniUtils.getNumThreads();
  }

  /** Current inter-op threads. */
  public static int interopThreads() {
    return JniUtils.getNumInteropThreads();
  }

  /**
   * The provenance of work started at {@code started} on {@code device} of {@code engine}: this machine (with
   * its host name) and the engine; the caller adds config, seeds and inputs.
   */
  public static Provenance.Builder provenance(Engine engine, Device device, Instant started) {
    return Provenance.builder().optCreatedAt(started).optMachine(Machine.current().withHost())
        .optEngine(backend(engine, device));
  }

  /** The engine part of a result's provenance: engine, its version, DJL, device, threads, native heap. */
  public static Backend backend(Engine engine, Device device) {
    return new Backend(engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(),
        device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu", threads(), interopThreads(), NativeHeap.tune());
  }
}

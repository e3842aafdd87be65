package org.nb201.train;

import com.sun.jna.Function;
import com.sun.jna.Platform;

/**
 * glibc heap settings for libtorch's CPU tensors. libtorch allocates every activation with
 * {@code malloc} and frees it within the batch; with glibc's defaults, a heap that shrinks when
 * a batch ends and grows again in the next means that every new tensor page is faulted in and
 * zeroed by the kernel (10-15 % of a small network's batch time). Fixed thresholds keep tensors of
 * up to 32 MiB in the heap and the freed top of the heap mapped, so the next batch reuses warm
 * pages; peak RSS stays where it was (measured in {@code train/bench/compare.sh}).
 *
 * <p>Applied once per process through {@code mallopt} on Linux with glibc; a no-op elsewhere or
 * with {@code -Dnb201.malloc=default}. {@code MALLOC_ARENA_MAX=1} must still come from the
 * environment (the launcher sets it): arena limits are fixed before Java code runs.
 */
public final class NativeHeap {
  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;
  /** Largest mmap threshold glibc accepts (HEAP_MAX_SIZE / 2 on 64-bit). */
  static final int MMAP_THRESHOLD = 32 << 20;
  static final int TRIM_THRESHOLD = 1 << 30;
  static final int TOP_PAD = 64 << 20;

  private static String applied;

  private NativeHeap() {}

  /** Applies the settings once; returns what this process uses, for provenance. */
  public static synchronized String tune() {
    if (applied == null) {
      applied = apply();
    }
    return applied;
  }

  private static String apply() {
    if ("default".equals(System.getProperty("nb201.malloc")) || !Platform.isLinux()) {
      return "default";
    }
    try {
      Function version = Function.getFunction("c", "gnu_get_libc_version");
      String glibc = version.invokeString(new Object[0], false);
      Function mallopt = Function.getFunction("c", "mallopt");
      boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
          & mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1
          & mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD}) == 1;
      return ok ? "glibc " + glibc + " mmap_threshold=32MiB trim_threshold=1GiB top_pad=64MiB"
          : "default (mallopt refused)";
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return "default (not glibc)"; // musl and other libcs: nothing to tune
    }
  }
}

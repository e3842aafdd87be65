package org.nb201.space.provenance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deep-learning engine that computed a result (the {@code engine} part of a provenance):
 * engine name and version, DJL version, device, intra- and inter-op threads, and the native heap
 * settings. Light modules never fill it; {@code train} does.
 *
 * @param engine engine name, e.g. {@code PyTorch}
 * @param version engine version, e.g. {@code 2.7.1}
 * @param djl DJL version
 * @param device {@code cpu} or {@code gpu:N}
 * @param threads intra-op threads
 * @param interopThreads inter-op threads
 * @param nativeHeap native allocator settings, e.g. {@code glibc 2.36 mmap_threshold=32MiB ...}
 */
public record Backend(String engine, String version, String djl, String device, int threads, int interopThreads,
    String nativeHeap) {

  /** One line, e.g. {@code PyTorch 2.7.1 (DJL 0.36.0) on cpu, 2 threads}. */
  public String describe() {
    return engine + " " + version + " (DJL " + djl + ") on " + device + ", " + threads + " threads";
  }

  /** The engine as an ordered map with stable snake_case keys. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", engine);
    m.put("version", version);
    m.put("djl", djl);
    m.put("device", device);
    m.put("threads", threads);
    m.put("interop_threads", interopThreads);
    m.put("native_heap", nativeHeap);
    return m;
  }

  /** The engine {@link #toMap} wrote. */
  public static Backend fromMap(Map<?, ?> m) {
    return new Backend(Maps.text(m, "name"), Maps.text(m, "version"), Maps.text(m, "djl"), Maps.text(m, "device"),
        (int) Maps.number(m, "threads", -1), (int) Maps.number(m, "interop_threads", -1), Maps.text(m, "native_heap"));
  }
}

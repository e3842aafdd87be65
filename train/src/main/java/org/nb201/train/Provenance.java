package org.nb201.train;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where and how a trial was produced: tool version, engine and version, device, intra- and
 * inter-op threads, checksum of the data files, host, CPU model, OS, Java version, start time and
 * the native heap settings ({@link NativeHeap}).
 * Together with the {@link TrainConfig} (which holds the seed) it lets a trial be re-run.
 */
public record Provenance(String toolVersion, String engine, String engineVersion, String djlVersion, String device,
    int threads, int interopThreads, String dataChecksum, String host, String cpuModel, String os, String java,
    Instant started, String malloc) {

  /** The record as an ordered map with stable snake_case keys, for JSON output and stores. */
  public java.util.Map<String, Object> toMap() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("tool_version", toolVersion);
    m.put("engine", engine + " " + engineVersion);
    m.put("djl", djlVersion);
    m.put("device", device);
    m.put("threads", threads);
    m.put("interop_threads", interopThreads);
    m.put("data_checksum", dataChecksum);
    m.put("host", host);
    m.put("cpu", cpuModel);
    m.put("os", os);
    m.put("java", java);
    m.put("started", started.toString());
    m.put("malloc", malloc);
    return m;
  }

  /** The version of nb201-train from the jar manifest, or "dev". */
  public static String currentToolVersion() {
    return org.nb201.space.ToolVersion.get();
  }

  /** This machine's host name, or {@code unknown}. */
  public static String currentHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The CPU model from {@code /proc/cpuinfo}, else the JVM's architecture. */
  public static String currentCpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  /** OS name, version and architecture. */
  public static String currentOs() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
  }
}

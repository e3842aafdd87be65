package org.nb201.space.provenance;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine a result was made on: OS name, version and architecture, cores, CPU model, Java
 * version and, only where a record stays with its user (a trial's own result), the host name.
 * Stores are shared, so what goes into a store never names the host ({@link #withoutHost()}).
 *
 * @param os OS name, e.g. {@code Linux}
 * @param osVersion OS version, e.g. the kernel release
 * @param arch CPU architecture as Java names it, e.g. {@code amd64}
 * @param cores processors available to the JVM, or -1 when unknown
 * @param cpu CPU model ({@code /proc/cpuinfo} "model name"; the architecture where there is none)
 * @param java Java version
 * @param host host name, or null when not recorded
 */
public record Machine(String os, String osVersion, String arch, int cores, String cpu, String java, String host) {
  public Machine {
    os = os == null ? "" : os;
    osVersion = osVersion == null ? "" : osVersion;
    arch = arch == null ? "" : arch;
    cpu = cpu == null ? "" : cpu;
    java = java == null ? "" : java;
  }

  /** This machine, without its host name. */
  public static Machine current() {
    return new Machine(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"), null);
  }

  /**
   * A machine known only by a line of text: what stores written before the structured form hold in
   * their {@code machine} column (e.g. {@code Linux amd64, 2 cores, Java 17.0.15}).
   */
  public static Machine described(String text) {
    return new Machine(text, "", "", -1, "", "", null);
  }

  /** The same machine with this machine's host name. */
  public Machine withHost() {
    return new Machine(os, osVersion, arch, cores, cpu, java, hostName());
  }

  /** The same machine without a host name, for records that are shared (stores). */
  public Machine withoutHost() {
    return host == null ? this : new Machine(os, osVersion, arch, cores, cpu, java, null);
  }

  /** One line of what is known, e.g. {@code Linux 6.1.0 amd64, 2 cores, Intel(R) Xeon(R) ..., Java 17.0.15}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    String system = String.join(" ", os, osVersion, arch).strip().replaceAll("  +", " ");
    if (!system.isEmpty()) {
      parts.add(system);
    }
    if (cores >= 0) {
      parts.add(cores + " cores");
    }
    if (!cpu.isEmpty() && !cpu.equals(arch)) {
      parts.add(cpu);
    }
    if (!java.isEmpty()) {
      parts.add("Java " + java);
    }
    if (host != null) {
      parts.add("host " + host);
    }
    return String.join(", ", parts);
  }

  /** The machine as an ordered map with stable snake_case keys ({@code host} only when recorded). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("os", os);
    m.put("os_version", osVersion);
    m.put("arch", arch);
    m.put("cores", cores);
    m.put("cpu", cpu);
    m.put("java", java);
    if (host != null) {
      m.put("host", host);
    }
    return m;
  }

  /** The machine {@link #toMap} wrote. */
  public static Machine fromMap(Map<?, ?> m) {
    return new Machine(Maps.text(m, "os"), Maps.text(m, "os_version"), Maps.text(m, "arch"),
        (int) Maps.number(m, "cores", -1), Maps.text(m, "cpu"), Maps.text(m, "java"), Maps.text(m, "host"));
  }

  private static String cpuModel() {
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

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}

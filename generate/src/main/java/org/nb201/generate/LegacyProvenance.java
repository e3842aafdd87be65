package org.nb201.generate;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nb201.space.provenance.Backend;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Machine;
import org.nb201.space.provenance.Provenance;

/**
 * The provenance of a version 1 result file, a flat object of strings ({@code tool_version},
 * {@code engine} "name version", {@code djl}, {@code device}, {@code threads}, {@code interop_threads},
 * {@code data_checksum}, {@code host}, {@code cpu}, {@code os}, {@code java}, {@code started},
 * {@code malloc}, {@code finished}, {@code seed}, {@code config} as JSON text), as a {@link Provenance}.
 * Keys it does not know are kept in the configuration.
 */
final class LegacyProvenance {
  private LegacyProvenance() {}

  static Provenance read(Map<String, String> flat, String dataset) {
    Map<String, String> m = new LinkedHashMap<>(flat);
    Provenance.Builder b = Provenance.builder().optToolVersion(m.remove("tool_version"));
    String config = m.remove("config");
    if (config != null) {
      try {
        b.optConfig(Json.map(JsonParser.parseString(config).getAsJsonObject()));
      } catch (JsonParseException | IllegalStateException e) {
        b.putConfig("config", config);
      }
    }
    String started = m.remove("started");
    String finished = m.remove("finished");
    b.optCreatedAt(instant(started != null ? started : finished));
    b.optFinishedAt(instant(finished));
    String seed = m.remove("seed");
    if (seed != null) {
      b.addSeed(Long.parseLong(seed.strip()));
    }
    String data = m.remove("data_checksum");
    if (data != null) {
      b.addInput(new Input(Input.DATA, dataset, Input.MD5_LIST, data, -1));
    }
    String os = m.remove("os");
    String cpu = m.remove("cpu");
    String java = m.remove("java");
    String host = m.remove("host");
    b.optMachine(os == null && cpu == null && java == null ? Machine.described("unknown")
        : new Machine(os, "", "", -1, cpu, java, host));
    String engine = m.remove("engine");
    String djl = m.remove("djl");
    String device = m.remove("device");
    String threads = m.remove("threads");
    String interop = m.remove("interop_threads");
    String malloc = m.remove("malloc");
    if (engine != null) {
      int space = engine.indexOf(' ');
      String name = space < 0 ? engine : engine.substring(0, space);
      String version = space < 0 ? "" : engine.substring(space + 1);
      b.optEngine(new Backend(name, version, djl, device, number(threads), number(interop), malloc));
    }
    m.forEach(b::putConfig);
    return b.build();
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int number(String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

package org.nb201.generate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only log of an output directory, {@code ledger.jsonl}: one JSON line per event
 * ({@code done}, {@code recovered}, {@code failed}) with the trial id, time, host and process. Each
 * line is one {@code O_APPEND} write followed by fsync, so concurrent writers (local workers, array
 * tasks on a shared file system) never interleave inside a line and a crash loses at most the line
 * being written. Lines are never rewritten; a torn last line is ignored on reading.
 */
public final class Ledger implements AutoCloseable {
  /** One parsed ledger line. */
  public record Entry(String id, String event, String at, double seconds, String host, long pid, String message) {}

  private final FileChannel channel;

  private Ledger(FileChannel channel) {
    this.channel = channel;
  }

  /** The ledger file of an output directory. */
  public static Path path(Path out) {
    return out.resolve("ledger.jsonl");
  }

  /** Opens the ledger of {@code out} for appending, creating it if needed. */
  public static Ledger open(Path out) throws IOException {
    Files.createDirectories(out);
    return new Ledger(FileChannel.open(path(out), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND));
  }

  /** Appends one event and syncs it to disk. */
  public synchronized void append(String id, String event, double seconds, String message) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("event", event);
    o.addProperty("at", Instant.now().toString());
    o.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
    o.addProperty("host", host());
    o.addProperty("pid", ProcessHandle.current().pid());
    if (message != null) {
      o.addProperty("message", message);
    }
    ByteBuffer buf = ByteBuffer.wrap((Json.GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** All complete lines of the ledger of {@code out} (none when it does not exist). */
  public static List<Entry> read(Path out) throws IOException {
    Path file = path(out);
    if (!Files.exists(file)) {
      return new ArrayList<>();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Reads a ledger as it grows: each {@link #next} returns the complete lines appended since the last. */
  static final class Tail {
    private final Path file;
    private long offset;

    Tail(Path out) {
      this.file = path(out);
    }

    List<Entry> next() throws IOException {
      if (!Files.exists(file)) {
        return List.of();
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        long size = ch.size();
        if (size <= offset) {
          return List.of();
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(size - offset));
        while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
          // read to the size seen
        }
        byte[] bytes = buf.array();
        int end = buf.position();
        while (end > 0 && bytes[end - 1] != '\n') {
          end--; // a line being written: read it next time
        }
        offset += end;
        return parse(new String(bytes, 0, end, StandardCharsets.UTF_8));
      }
    }
  }

  private static List<Entry> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        entries.add(new Entry(o.get("id").getAsString(), o.get("event").getAsString(), o.get("at").getAsString(),
            o.get("seconds").getAsDouble(), o.get("host").getAsString(), o.get("pid").getAsLong(),
            o.has("message") ? o.get("message").getAsString() : null));
      } catch (RuntimeException e) {
        // a torn line from a crash mid-write: the result file, not the ledger, is the source of truth
      }
    }
    return entries;
  }

  static String host() {
    String h = System.getenv("HOSTNAME");
    if (h == null || h.isBlank()) {
      try {
        h = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        h = "unknown";
      }
    }
    return h;
  }
}

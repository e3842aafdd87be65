package org.nb201.train.search;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search checkpoint on disk: the 8 bytes {@code NB201CK1}, a 4-byte big-endian header length, a
 * UTF-8 JSON header (the caller's entries plus {@code arrays}: name, data type, shape and byte count
 * of each array, and {@code byte_order}), the arrays' raw bytes in that order, and the SHA-256 of
 * everything before it. Written to a temporary file, forced to disk and renamed over the old one,
 * so a checkpoint is either the previous or the new one, never half of either. Reading checks the
 * digest and every length; any mismatch is a {@link RunFolderException} naming the file.
 */
public final class CheckpointFile {
  private static final byte[] MAGIC = "NB201CK1".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGEST = 32;
  private static final int MAX_HEADER = 64 << 20;

  /** One array: name, DJL data type name, shape and raw bytes (in {@link ByteOrder#nativeOrder()}). */
  public record Entry(String name, String dataType, long[] shape, byte[] data) {}

  /** A read checkpoint: the header entries (numbers as doubles) and the arrays by name. */
  public record Contents(Map<String, Object> header, Map<String, Entry> arrays) {}

  private CheckpointFile() {}

  /** Writes {@code header} and {@code arrays} to {@code path} atomically. */
  public static void write(Path path, Map<String, Object> header, List<Entry> arrays) throws IOException {
    Map<String, Object> h = new LinkedHashMap<>(header);
    List<Map<String, Object>> index = new ArrayList<>();
    for (Entry e : arrays) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("name", e.name());
      a.put("type", e.dataType());
      a.put("shape", e.shape());
      a.put("bytes", e.data().length);
      index.add(a);
    }
    h.put("byte_order", ByteOrder.nativeOrder().toString());
    h.put("arrays", index);
    byte[] json = new Gson().toJson(h).getBytes(StandardCharsets.UTF_8);
    MessageDigest sha = sha256();
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      write(out, sha, MAGIC);
      write(out, sha, ByteBuffer.allocate(4).putInt(json.length).array());
      write(out, sha, json);
      for (Entry e : arrays) {
        write(out, sha, e.data());
      }
      out.write(sha.digest());
    }
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    RunFolder.syncDirectory(path.getParent());
  }

  private static void write(OutputStream out, MessageDigest sha, byte[] b) throws IOException {
    out.write(b);
    sha.update(b);
  }

  /** Reads and verifies {@code path}. */
  public static Contents read(Path path) throws IOException {
    byte[] all = Files.readAllBytes(path);
    if (all.length < MAGIC.length + 4 + DIGEST || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw damaged(path, "not an nb201 search checkpoint or truncated");
    }
    MessageDigest sha = sha256();
    sha.update(all, 0, all.length - DIGEST);
    if (!Arrays.equals(sha.digest(), 0, DIGEST, all, all.length - DIGEST, all.length)) {
      throw damaged(path, "checksum mismatch");
    }
    ByteBuffer b = ByteBuffer.wrap(all);
    b.position(MAGIC.length);
    int headerLength = b.getInt();
    if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > all.length - b.position() - DIGEST) {
      throw damaged(path, "bad header length " + headerLength);
    }
    Map<String, Object> header;
    try {
      header = new Gson().fromJson(new String(all, b.position(), headerLength, StandardCharsets.UTF_8),
          new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
    } catch (JsonParseException e) {
      throw damaged(path, "unreadable header");
    }
    if (header == null || !ByteOrder.nativeOrder().toString().equals(header.get("byte_order"))) {
      throw damaged(path, "written with another byte order");
    }
    int at = b.position() + headerLength;
    Map<String, Entry> arrays = new LinkedHashMap<>();
    try {
      for (Object o : (List<?>) header.get("arrays")) {
        Map<?, ?> a = (Map<?, ?>) o;
        int n = ((Number) a.get("bytes")).intValue();
        if (n < 0 || n > all.length - DIGEST - at) {
          throw damaged(path, "array " + a.get("name") + " runs past the end");
        }
        List<?> dims = (List<?>) a.get("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = ((Number) dims.get(i)).longValue();
        }
        arrays.put((String) a.get("name"), new Entry((String) a.get("name"), (String) a.get("type"), shape,
            Arrays.copyOfRange(all, at, at + n)));
        at += n;
      }
    } catch (ClassCastException | NullPointerException e) {
      throw damaged(path, "malformed array index");
    }
    if (at != all.length - DIGEST) {
      throw damaged(path, (all.length - DIGEST - at) + " bytes after the last array");
    }
    return new Contents(header, arrays);
  }

  private static RunFolderException damaged(Path path, String why) {
    return new RunFolderException("checkpoint " + path + " is damaged (" + why + "); restore it from a backup or start"
        + " a new run in another folder");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

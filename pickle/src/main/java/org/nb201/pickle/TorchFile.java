package org.nb201.pickle;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads {@code torch.save} output without torch, in both containers: the zip archive of torch >= 1.6
 * ({@code <name>/data.pkl}, storages in {@code <name>/data/<key>}) and the legacy stream (magic
 * number, protocol and sys-info pickles, the data pickle, the storage keys, then each storage as an
 * int64 element count and raw little-endian bytes). Pickles go through the safe reader under the
 * caller's profile ({@link PickleProfile#torchSave()} or a format's extension of it); small float,
 * double, int and long tensors become {@link TorchTensor}s. The data pickle is streamed, so a dict
 * at a key path can be handed out entry by entry ({@link #stream}); in a legacy file storages follow
 * the data, so streamed entries there must not contain tensors. Errors are one-line
 * {@link TorchFormatException}s naming the file.
 */
public final class TorchFile {
  /** The two {@code torch.save} containers. */
  public enum Container { ZIP, LEGACY }

  /** First pickle of a legacy file. */
  static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
  static final long LEGACY_PROTOCOL = 1001;

  private TorchFile() {
  }

  /** Which container {@code file} is, from its first bytes. */
  public static Container detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return Container.ZIP;
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
      return Container.LEGACY;
    }
    throw new TorchFormatException(file + ": not a torch.save file (neither a zip archive nor a legacy torch"
        + " pickle stream)");
  }

  /** The whole saved object with tensors decoded; for small files. */
  public static Object read(Path file, PickleProfile profile) throws IOException {
    return stream(file, profile, null, null);
  }

  /**
   * Reads the saved object, handing each entry of the dict at {@code path} to {@code sink} (see
   * {@link PickleStream#next(PickleProfile, List, PickleStream.EntrySink)}); returns the rest.
   * {@code path == null} streams nothing.
   */
  public static Object stream(Path file, PickleProfile profile, List<?> path, PickleStream.EntrySink sink)
      throws IOException {
    Container c = detect(file);
    try {
      return c == Container.ZIP ? zip(file, profile, path, sink) : legacy(file, profile, path, sink);
    } catch (PickleException e) {
      throw new TorchFormatException(file + ": " + e.getMessage(), e);
    } catch (TorchFormatException e) {
      throw e.getMessage().startsWith(file.toString()) ? e : new TorchFormatException(file + ": " + e.getMessage(), e);
    } catch (ZipException | EOFException e) {
      throw new TorchFormatException(file + ": corrupt or truncated " + c.name().toLowerCase(Locale.ROOT)
          + " container (" + String.valueOf(e.getMessage()).strip() + ")", e);
    }
  }

  private static Object zip(Path file, PickleProfile profile, List<?> path, PickleStream.EntrySink sink)
      throws IOException, PickleException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry pkl = null;
      for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
        ZipEntry e = en.nextElement();
        if (e.getName().endsWith("/data.pkl") && e.getName().indexOf('/') == e.getName().length() - 9) {
          if (pkl != null) {
            throw new TorchFormatException("zip archive holds more than one data.pkl");
          }
          pkl = e;
        }
      }
      if (pkl == null) {
        throw new TorchFormatException("zip archive has no <name>/data.pkl; not a torch.save file");
      }
      String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
      TorchStorages storages = new TorchStorages((key, bytes) -> zipStorage(zip, prefix + "data/" + key, bytes));
      // torch stores entries uncompressed, and ZipFile does not check the CRC-32 of stored entries:
      // checking it here turns a flipped byte into an error instead of a silently wrong number.
      CheckedInputStream checked = new CheckedInputStream(zip.getInputStream(pkl),
          new CRC32());
      try (InputStream in = new BufferedInputStream(checked, 1 << 16)) {
        PickleStream ps = new PickleStream(in);
        Object root = path == null ? ps.next(profile)
            : ps.next(profile, path, (k, v) -> sink.accept(k, storages.resolve(v)));
        if (!ps.atEnd()) {
          throw new TorchFormatException("data.pkl has bytes after its STOP at offset " + ps.position());
        }
        if (pkl.getCrc() != -1 && checked.getChecksum().getValue() != pkl.getCrc()) {
          throw new TorchFormatException(pkl.getName() + " fails its CRC-32 check (corrupt file)");
        }
        return storages.resolve(root);
      }
    }
  }

  private static byte[] zipStorage(ZipFile zip, String name, long bytes) throws TorchFormatException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new TorchFormatException("storage " + name + " is missing from the archive");
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] b = in.readNBytes((int) bytes + 1);
      if (b.length != bytes) {
        throw new TorchFormatException("storage " + name + " has " + (b.length > bytes ? "more" : b.length)
            + " bytes, expected " + bytes);
      }
      CRC32 crc = new CRC32();
      crc.update(b);
      if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
        throw new TorchFormatException("storage " + name + " fails its CRC-32 check (corrupt file)");
      }
      return b;
    } catch (TorchFormatException x) {
      throw x;
    } catch (IOException x) {
      throw new TorchFormatException("storage " + name + " cannot be read (" + x.getMessage() + ")", x);
    }
  }

  private static Object legacy(Path file, PickleProfile profile, List<?> path, PickleStream.EntrySink sink)
      throws IOException, PickleException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      PickleStream ps = new PickleStream(in);
      Object magic = ps.next(PickleProfile.plainData());
      if (!(magic instanceof BigInteger m && m.equals(LEGACY_MAGIC))) {
        throw new TorchFormatException("first pickle is not torch's magic number; not a torch.save file");
      }
      Object protocol = ps.next(PickleProfile.plainData());
      if (!(protocol instanceof Long p && p == LEGACY_PROTOCOL)) {
        throw new TorchFormatException("unsupported legacy protocol " + Texts.describe(protocol) + " (expected 1001)");
      }
      if (!(ps.next(PickleProfile.plainData()) instanceof Map<?, ?> sys)
          || !Boolean.TRUE.equals(sys.get("little_endian"))) {
        throw new TorchFormatException("sys_info must be a dict with little_endian True");
      }
      Object root = path == null ? ps.next(profile) : ps.next(profile, path, (k, v) -> {
        if (!TorchStorages.storageTypes(v).isEmpty()) {
          throw new TorchFormatException("entry " + Texts.describe(k) + " holds a tensor, which a legacy file can only"
              + " give after all data; not supported when streaming");
        }
        sink.accept(k, v);
      });
      Map<String, PyGlobal> types = TorchStorages.storageTypes(root);
      if (!(ps.next(PickleProfile.plainData()) instanceof List<?> keys)) {
        throw new TorchFormatException("storage key list missing after the data pickle");
      }
      Map<String, byte[]> raw = new HashMap<>();
      for (Object k : keys) {
        PyGlobal type = k instanceof String s ? types.get(s) : null;
        if (type == null) {
          throw new TorchFormatException("storage key " + Texts.describe(k) + " is not used by any tensor");
        }
        long numel = Long.reverseBytes(ByteBuffer.wrap(ps.readRaw(8)).getLong());
        if (numel < 0 || numel > TorchStorages.MAX_ELEMENTS) {
          throw new TorchFormatException("storage " + Texts.describe(k) + " declares " + numel
              + " elements; cap " + TorchStorages.MAX_ELEMENTS);
        }
        raw.put((String) k, ps.readRaw(numel * TorchStorages.elementSize(type)));
      }
      if (!ps.atEnd()) {
        throw new TorchFormatException("bytes after the last storage at offset " + ps.position());
      }
      TorchStorages storages = new TorchStorages((key, bytes) -> {
        byte[] b = raw.get(key);
        if (b == null || b.length < bytes) {
          throw new TorchFormatException("storage '" + Texts.clip(key) + "' is missing or shorter than " + bytes
              + " bytes");
        }
        return b;
      });
      return storages.resolve(root);
    }
  }
}

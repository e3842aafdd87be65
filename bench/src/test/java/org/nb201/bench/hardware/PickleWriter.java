package org.nb201.bench.hardware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes plain Python data as a protocol-2 pickle, with the opcodes CPython's pickler uses for it
 * (EMPTY_DICT/EMPTY_LIST + MARK ... SETITEMS/APPENDS in batches of 1000, BINUNICODE, BINFLOAT,
 * BININT, NEWTRUE/NEWFALSE, NONE), and as a {@code torch.save} zip: test fixtures of the HELP and
 * HW-NAS-Bench structures without Python.
 */
public final class PickleWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private PickleWriter() {}

  public static byte[] pickle(Object value) {
    PickleWriter w = new PickleWriter();
    w.out.write(0x80);
    w.out.write(2);
    w.value(value);
    w.out.write('.');
    return w.out.toByteArray();
  }

  static Path writePickle(Path file, Object value) throws IOException {
    return Files.write(file, pickle(value));
  }

  /** A {@code torch.save} zip as torch writes it: {@code archive/data.pkl} and {@code archive/version}, stored. */
  static Path writeTorchZip(Path file, Object value) throws IOException {
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
      stored(zip, "archive/data.pkl", pickle(value));
      stored(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
    }
    return file;
  }

  private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  private void value(Object v) {
    if (v == null) {
      out.write('N');
    } else if (v instanceof Boolean b) {
      out.write(b ? 0x88 : 0x89);
    } else if (v instanceof Double d) {
      out.write('G');
      out.writeBytes(ByteBuffer.allocate(8).putDouble(d).array());
    } else if (v instanceof Integer || v instanceof Long) {
      out.write('J');
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(((Number) v).intValue()).array());
    } else if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.write('X');
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
      out.writeBytes(b);
    } else if (v instanceof List<?> list) {
      out.write(']');
      for (int i = 0; i < list.size(); i += 1000) {
        out.write('(');
        for (Object x : list.subList(i, Math.min(list.size(), i + 1000))) {
          value(x);
        }
        out.write('e');
      }
    } else if (v instanceof Map<?, ?> map) {
      out.write('}');
      List<? extends Map.Entry<?, ?>> entries = List.copyOf(map.entrySet());
      for (int i = 0; i < entries.size(); i += 1000) {
        out.write('(');
        for (Map.Entry<?, ?> e : entries.subList(i, Math.min(entries.size(), i + 1000))) {
          value(e.getKey());
          value(e.getValue());
        }
        out.write('u');
      }
    } else {
      throw new IllegalArgumentException("cannot pickle " + v.getClass());
    }
  }
}

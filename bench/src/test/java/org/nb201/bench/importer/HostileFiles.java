package org.nb201.bench.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.nb201.pickle.PickleProfile;
import org.nb201.pickle.PickleReader;

/** Hostile pickles and the containers they travel in (bz2, torch zip, torch legacy), for the robustness suite. */
final class HostileFiles {
  private HostileFiles() {
  }

  /** The kinds of hostile pickle. */
  enum Kind {
    /** {@code os.system('echo pwned')} through STACK_GLOBAL + REDUCE. */
    OS_SYSTEM,
    /** {@code builtins.eval('1')} through the text GLOBAL opcode. */
    BUILTINS_EVAL,
    /** A string that declares 2^40 bytes. */
    HUGE_LENGTH,
    /** 100,000 nested lists. */
    DEEP_NESTING
  }

  static byte[] pickle(Kind kind) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80);
    out.write(kind == Kind.BUILTINS_EVAL ? 2 : 4);
    switch (kind) {
      case OS_SYSTEM -> {
        str(out, "os");
        str(out, "system");
        out.write(0x93);
        str(out, "echo pwned");
        out.write(0x85);
        out.write('R');
      }
      case BUILTINS_EVAL -> {
        out.writeBytes("cbuiltins\neval\n".getBytes(StandardCharsets.US_ASCII));
        str(out, "1");
        out.write(0x85);
        out.write('R');
      }
      case HUGE_LENGTH -> {
        out.write(0x8d);
        long n = 1L << 40;
        for (int i = 0; i < 8; i++) {
          out.write((int) (n >>> (8 * i)) & 0xff);
        }
        out.writeBytes("tiny".getBytes(StandardCharsets.US_ASCII));
      }
      case DEEP_NESTING -> {
        for (int i = 0; i < 100_000; i++) {
          out.write(']');
        }
        for (int i = 1; i < 100_000; i++) {
          out.write('a');
        }
      }
    }
    out.write('.');
    return out.toByteArray();
  }

  private static void str(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(0x8c);
    out.write(b.length);
    out.writeBytes(b);
  }

  static void writeBz2(Path file, byte[] data) throws IOException {
    try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(file))) {
      out.write(data);
    }
  }

  /** A torch zip container whose data.pkl is {@code data}. */
  static void writeTorchZip(Path file, byte[] data) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("archive/data.pkl"));
      zip.write(data);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("archive/version"));
      zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
  }

  /** A legacy torch file: the genuine preamble of {@code template} followed by {@code data} as the data pickle. */
  static void writeTorchLegacy(Path file, Path template, byte[] data) throws Exception {
    byte[] t = Files.readAllBytes(template);
    int at = 0;
    for (int i = 0; i < 3; i++) {
      at = PickleReader.readAt(t, at, PickleProfile.plainData()).end();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(t, 0, at);
    out.writeBytes(data);
    out.writeBytes(new byte[] {(byte) 0x80, 2, ']', '.'});
    Files.write(file, out.toByteArray());
  }
}

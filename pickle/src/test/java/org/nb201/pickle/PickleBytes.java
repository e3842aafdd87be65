package org.nb201.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds pickle byte strings by hand for tests: raw opcodes plus encoded arguments. */
final class PickleBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static PickleBytes proto(int version) {
    return new PickleBytes().op(0x80, version);
  }

  static PickleBytes raw() {
    return new PickleBytes();
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  PickleBytes op(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  PickleBytes append(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  /** The same opcode sequence {@code times} times. */
  PickleBytes repeat(int times, int... bytes) {
    for (int i = 0; i < times; i++) {
      op(bytes);
    }
    return this;
  }

  PickleBytes text(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** SHORT_BINUNICODE. */
  PickleBytes str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    op(0x8c, b.length);
    out.writeBytes(b);
    return this;
  }

  /** SHORT_BINBYTES. */
  PickleBytes bytes(int... content) {
    op('C', content.length);
    return op(content);
  }

  PickleBytes u32(long v) {
    return op((int) v & 0xff, (int) (v >>> 8) & 0xff, (int) (v >>> 16) & 0xff, (int) (v >>> 24) & 0xff);
  }

  PickleBytes u64(long v) {
    u32(v);
    return u32(v >>> 32);
  }

  /** STACK_GLOBAL of {@code module.name}. */
  PickleBytes global(String module, String name) {
    return str(module).str(name).op(0x93);
  }

  /** Appends STOP and returns the bytes. */
  byte[] stop() {
    return op('.').build();
  }

  byte[] build() {
    return out.toByteArray();
  }
}

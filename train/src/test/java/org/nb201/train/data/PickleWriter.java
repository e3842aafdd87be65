package org.nb201.train.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes tiny protocol-3 pickles of a dict {data: [rows as bytes], labels: [ints]} for tests. */
final class PickleWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static byte[] batch(byte[][] rows, int[] labels, String labelKey) {
    PickleWriter w = new PickleWriter();
    w.op(0x80).op(3).op('}').op('(');
    w.str("data").op(']').op('(');
    for (byte[] r : rows) {
      w.op('B').u4(r.length).raw(r);
    }
    w.op('e');
    w.str(labelKey).op(']').op('(');
    for (int l : labels) {
      w.op('J').u4(l);
    }
    w.op('e').op('u').op('.');
    return w.out.toByteArray();
  }

  /** A pickle that calls os.system: must be rejected. */
  static byte[] evil() {
    PickleWriter w = new PickleWriter();
    w.op(0x80).op(2).op('c').raw("os\nsystem\n".getBytes(StandardCharsets.US_ASCII));
    w.str("echo hi").op(0x85).op('R').op('.');
    return w.out.toByteArray();
  }

  private PickleWriter op(int b) {
    out.write(b);
    return this;
  }

  private PickleWriter raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  private PickleWriter u4(int v) {
    for (int i = 0; i < 4; i++) {
      out.write(v >>> (8 * i));
    }
    return this;
  }

  private PickleWriter str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return op(0x8c).op(b.length).raw(b);
  }
}

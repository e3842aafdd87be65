package org.nb201.train.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes tiny protocol-3 pickles of a dict {data: [rows as bytes], labels: [ints]} for tests, or
 * with both entries as numpy arrays, written the way numpy's {@code ndarray.__reduce__} pickles them.
 */
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

  /**
   * {data: ndarray (N, rowBytes) of {@code dtype} ({@code u1} or {@code <i8}, one element per pixel),
   * labels: ndarray (N,) of {@code <i8}}.
   */
  static byte[] arrayBatch(byte[][] rows, int[] labels, String dtype) {
    int size = dtype.equals("u1") ? 1 : 8;
    byte[] pixels = new byte[rows.length * rows[0].length * size];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        pixels[(i * rows[i].length + j) * size] = rows[i][j];
      }
    }
    byte[] labelBytes = new byte[labels.length * 8];
    for (int i = 0; i < labels.length; i++) {
      for (int k = 0; k < 8; k++) {
        labelBytes[i * 8 + k] = (byte) ((long) labels[i] >>> (8 * k));
      }
    }
    PickleWriter w = new PickleWriter();
    w.op(0x80).op(3).op('}').op('(');
    w.str("data").ndarray(dtype, new int[] {rows.length, rows[0].length}, pixels);
    w.str("labels").ndarray("<i8", new int[] {labels.length}, labelBytes);
    w.op('u').op('.');
    return w.out.toByteArray();
  }

  /** {@code _reconstruct(ndarray, (0,), b'b')} + BUILD {@code (1, shape, dtype, False, raw)}. */
  private PickleWriter ndarray(String dtype, int[] shape, byte[] raw) {
    op('c').raw("numpy.core.multiarray\n_reconstruct\n".getBytes(StandardCharsets.US_ASCII));
    op('c').raw("numpy\nndarray\n".getBytes(StandardCharsets.US_ASCII));
    op('K').op(0).op(0x85).op('C').op(1).op('b').op(0x87).op('R');
    op('(').op('K').op(1).op('(');
    for (int d : shape) {
      op('J').u4(d);
    }
    op('t');
    op('c').raw("numpy\ndtype\n".getBytes(StandardCharsets.US_ASCII));
    str(dtype.substring(dtype.length() - 2)).op(0x89).op(0x88).op(0x87).op('R');
    op('(').op('K').op(3).str(dtype.length() == 3 ? dtype.substring(0, 1) : "|").op('N').op('N').op('N');
    op('J').u4(-1).op('J').u4(-1).op('K').op(0).op('t').op('b');
    op(0x89).op('B').u4(raw.length).raw(raw).op('t').op('b');
    return this;
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

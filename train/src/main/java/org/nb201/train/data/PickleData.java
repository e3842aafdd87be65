package org.nb201.train.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Pulls images and labels out of unpickled CIFAR / ImageNet16 batch dicts, checking shapes. */
final class PickleData {
  private PickleData() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> dict(DataFile f) throws DataException {
    Object o = Pickle.load(f.path(), f.bytes());
    if (!(o instanceof Map)) {
      throw new DataException(f.path(), "pickle does not hold a dict");
    }
    return (Map<String, Object>) o;
  }

  /** Image rows of {@code rowBytes} uint8 from an (N, rowBytes) array or a list of 1-D rows. */
  static byte[] rows(DataFile f, Object data, int rowBytes) throws DataException {
    if (data == null) {
      throw new DataException(f.path(), "no 'data' entry");
    }
    if (data instanceof Pickle.NdArray a) {
      checkUint8(f, a);
      int n = a.shape().length == 2 ? a.shape()[0] : -1;
      if (n < 0 || a.shape()[1] != rowBytes) {
        throw new DataException(f.path(), "wrong shape of 'data' " + Arrays.toString(a.shape()) + ", expected [N, "
            + rowBytes + "]");
      }
      if (a.data().length != (long) n * rowBytes) {
        throw new DataException(f.path(), "'data' holds " + a.data().length + " bytes, shape needs "
            + (long) n * rowBytes);
      }
      return a.data();
    }
    if (data instanceof List<?> list) {
      byte[] out = new byte[list.size() * rowBytes];
      for (int i = 0; i < list.size(); i++) {
        byte[] row = list.get(i) instanceof Pickle.NdArray a ? a.data()
            : list.get(i) instanceof byte[] b ? b : null;
        if (row == null || row.length != rowBytes) {
          throw new DataException(f.path(), "row " + i + " of 'data' is not " + rowBytes + " uint8 values");
        }
        System.arraycopy(row, 0, out, i * rowBytes, rowBytes);
      }
      return out;
    }
    throw new DataException(f.path(), "'data' is neither an array nor a list of rows");
  }

  private static void checkUint8(DataFile f, Pickle.NdArray a) throws DataException {
    if (!a.dtype().equals("u1")) {
      throw new DataException(f.path(), "'data' has dtype " + a.dtype() + ", expected uint8");
    }
  }

  /** An integer label list or 1-D integer array under {@code key}. */
  static int[] ints(DataFile f, Map<String, Object> dict, String key) throws DataException {
    Object o = dict.get(key);
    if (o instanceof List<?> list) {
      int[] out = new int[list.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(list.get(i) instanceof Long v)) {
          throw new DataException(f.path(), "'" + key + "'[" + i + "] is not an integer");
        }
        out[i] = Math.toIntExact(v);
      }
      return out;
    }
    if (o instanceof Pickle.NdArray a && a.shape().length == 1) {
      int size = a.elementSize();
      ByteOrder order = a.dtype().startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      ByteBuffer b = ByteBuffer.wrap(a.data()).order(order);
      int[] out = new int[a.shape()[0]];
      for (int i = 0; i < out.length; i++) {
        out[i] = switch (size) {
          case 1 -> b.get() & 0xff;
          case 2 -> b.getShort();
          case 4 -> b.getInt();
          case 8 -> Math.toIntExact(b.getLong());
          default -> throw new DataException(f.path(), "'" + key + "' has unsupported dtype " + a.dtype());
        };
      }
      return out;
    }
    throw new DataException(f.path(), o == null ? "no '" + key + "' entry" : "'" + key + "' is not a list of integers");
  }

  /** An image set after checking counts and label range; {@code labelOffset} is subtracted. */
  static ImageSet images(DataFile f, byte[] pixels, int[] labels, int channels, int size, int classes, int labelOffset)
      throws DataException {
    int n = pixels.length / (channels * size * size);
    if (n != labels.length) {
      throw new DataException(f.path(), "has " + n + " images but " + labels.length + " labels");
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] -= labelOffset;
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new DataException(f.path(), "label " + (labels[i] + labelOffset) + " of image " + i + " out of range");
      }
    }
    return new ImageSet(pixels, labels, channels, size, size, classes);
  }
}

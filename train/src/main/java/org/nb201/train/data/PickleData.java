package org.nb201.train.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.pickle.NumpyArray;
import org.nb201.pickle.NumpyDtype;
import org.nb201.pickle.PickleException;
import org.nb201.pickle.PickleProfile;
import org.nb201.pickle.PickleReader;

/**
 * Pulls images and labels out of unpickled CIFAR / ImageNet16 batch dicts, checking shapes. The
 * pickles are read by the safe reader with numpy arrays as the only globals; Python 2 {@code str}
 * values come back as latin-1 strings, and the dict's keys as strings whether bytes or text.
 */
final class PickleData {
  /**
   * The batch files hold plain containers and numpy arrays only. The whole file is in memory
   * already and no declared length can exceed what is left of it, so the default 256 MiB cap on one
   * length is lifted: a CIFAR-100 train batch pickled by Python 3 under protocol 2 holds its 150 MB
   * of pixels as 300 MB of UTF-8 text.
   */
  private static final PickleProfile PROFILE = PickleProfile.builder().allowNumpyArrays()
      .optMaxLength(Integer.MAX_VALUE).build();

  private PickleData() {}

  static Map<String, Object> dict(DataFile f) throws DataException {
    Object o;
    try {
      o = PickleReader.read(f.bytes(), PROFILE);
    } catch (PickleException e) {
      throw problem(f.path(), e);
    }
    if (!(o instanceof Map<?, ?> m)) {
      throw new DataException(f.path(), "pickle does not hold a dict");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object k = e.getKey();
      out.put(k instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(k), e.getValue());
    }
    return out;
  }

  /** A rejected pickle as one line naming the file, the byte offset and the problem. */
  private static DataException problem(Path file, PickleException e) {
    String what = e.forbiddenGlobal() != null ? "forbidden global " + e.forbiddenGlobal()
        : (e.isTruncated() ? "truncated or corrupt pickle (" : "unreadable pickle (") + e.reason() + ")";
    return new DataException(file, what + " at byte " + e.offset() + "; not a CIFAR/ImageNet16 batch pickle", e);
  }

  /** Image rows of {@code rowBytes} uint8 from an (N, rowBytes) array or a list of 1-D rows. */
  static byte[] rows(DataFile f, Object data, int rowBytes) throws DataException {
    if (data == null) {
      throw new DataException(f.path(), "no 'data' entry");
    }
    if (data instanceof NumpyArray a) {
      if (!isUint8(a.dtype())) {
        throw new DataException(f.path(), "'data' has " + a.dtype() + ", expected uint8");
      }
      int[] shape = a.shape();
      if (shape.length != 2 || shape[1] != rowBytes) {
        throw new DataException(f.path(), "wrong shape of 'data' " + Arrays.toString(shape) + ", expected [N, "
            + rowBytes + "]");
      }
      return a.data();
    }
    if (data instanceof List<?> list) {
      byte[] out = new byte[list.size() * rowBytes];
      for (int i = 0; i < list.size(); i++) {
        Object r = list.get(i);
        byte[] row = r instanceof NumpyArray a && a.ndim() == 1 && isUint8(a.dtype()) ? a.data()
            : r instanceof byte[] b ? b : null;
        if (row == null || row.length != rowBytes) {
          throw new DataException(f.path(), "row " + i + " of 'data' is not " + rowBytes + " uint8 values");
        }
        System.arraycopy(row, 0, out, i * rowBytes, rowBytes);
      }
      return out;
    }
    throw new DataException(f.path(), "'data' is neither an array nor a list of rows");
  }

  private static boolean isUint8(NumpyDtype d) {
    return d.kind() == 'u' && d.itemSize() == 1;
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
    if (o instanceof NumpyArray a && a.ndim() == 1) {
      char kind = a.dtype().kind();
      if (kind != 'i' && kind != 'u') {
        throw new DataException(f.path(), "'" + key + "' has " + a.dtype() + ", expected integers");
      }
      int[] out = new int[a.size()];
      for (int i = 0; i < out.length; i++) {
        Object v = a.get(i);
        if (!(v instanceof Long l) || l != l.intValue()) {
          throw new DataException(f.path(), "'" + key + "'[" + i + "] = " + v + " is out of range");
        }
        out[i] = l.intValue();
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

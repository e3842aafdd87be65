package org.nb201.train.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nb201.train.model.TinyNetwork;

/**
 * Writes a network's initial weights and a batch for {@code zero_cost_reference.py}: magic
 * {@code NB201PX1}, a JSON header, then named little-endian arrays (float32 or int64) in DJL's
 * parameter order, the images as {@code x} and the labels as {@code y}.
 */
final class ProxyExport {
  private ProxyExport() {}

  static void write(Path file, String headerJson, TinyNetwork net, float[] x, long[] xShape, int[] y)
      throws IOException {
    try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
      out.write("NB201PX1".getBytes(StandardCharsets.US_ASCII));
      byte[] h = headerJson.getBytes(StandardCharsets.UTF_8);
      out.write(le(4).putInt(h.length).array());
      out.write(h);
      int count = net.getParameters().size() + 1 + (y == null ? 0 : 1);
      out.write(le(4).putInt(count).array());
      for (Pair<String, Parameter> p : net.getParameters()) {
        NDArray a = p.getValue().getArray();
        floats(out, p.getKey(), a.getShape().getShape(), a.toFloatArray());
      }
      floats(out, "x", xShape, x);
      if (y != null) {
        header(out, "y", 1, new long[] {y.length});
        ByteBuffer b = le(8 * y.length);
        for (int v : y) {
          b.putLong(v);
        }
        out.write(b.array());
      }
    }
  }

  private static void floats(DataOutputStream out, String name, long[] shape, float[] v) throws IOException {
    header(out, name, 0, shape);
    ByteBuffer b = le(4 * v.length);
    for (float f : v) {
      b.putFloat(f);
    }
    out.write(b.array());
  }

  private static void header(DataOutputStream out, String name, int code, long[] shape) throws IOException {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = le(4 + n.length + 8 + 8 * shape.length);
    b.putInt(n.length).put(n).putInt(code).putInt(shape.length);
    for (long d : shape) {
      b.putLong(d);
    }
    out.write(b.array());
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}

package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * numpy arrays pickled by numpy 1.24 ({@code src/test/python/make_numpy_fixtures.py}): protocols 2
 * and 4 from Python 3 and protocol 2 as Python 2 writes it, checked element by element against the
 * values numpy reported; then hand-built misuses of {@code _reconstruct} and its state.
 */
class NumpyArrayTest {
  static final Path DIR = Path.of("src/test/resources/numpy");
  static final PickleProfile ARRAYS = PickleProfile.builder().allowNumpyArrays().build();

  /** One line of {@code expected.txt}: dtype as numpy spells it, shape, elements in C order. */
  record Expected(String dtype, int[] shape, List<Object> values) {
  }

  static Map<String, Expected> expected() throws IOException {
    Map<String, Expected> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("expected.txt"))) {
      String[] f = line.split(" ");
      int[] shape = Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
      List<Object> values = new ArrayList<>();
      for (int i = 3; i < f.length; i++) {
        values.add(f[1].charAt(1) != 'f' ? (Object) Long.parseLong(f[i])
            : f[i].equals("inf") ? Double.POSITIVE_INFINITY : (Object) Double.parseDouble(f[i]));
      }
      out.put(f[0], new Expected(f[1], shape, values));
    }
    return out;
  }

  static Stream<String> arrayFiles() throws IOException {
    return expected().keySet().stream().filter(name -> name.endsWith(".pkl"));
  }

  static Object read(String file) throws IOException, PickleException {
    return PickleReader.read(Files.readAllBytes(DIR.resolve(file)), ARRAYS);
  }

  static void assertArray(Object value, Expected e) {
    NumpyArray a = (NumpyArray) value;
    assertThat(a.shape()).containsExactly(e.shape());
    assertThat(a.ndim()).isEqualTo(e.shape().length);
    assertThat(a.dtype()).hasToString("dtype('" + e.dtype() + "')");
    assertThat(a.size()).isEqualTo(e.values().size());
    for (int i = 0; i < a.size(); i++) {
      // Double.equals tells -0.0 from 0.0: the decoded bits must be exactly numpy's
      assertThat(a.get(i)).as("element %d", i).isEqualTo(e.values().get(i));
    }
  }

  @ParameterizedTest
  @MethodSource("arrayFiles")
  void readsEveryElementNumpyWrote(String file) throws Exception {
    assertThat(expected()).hasSize(13);
    assertArray(read(file), expected().get(file));
  }

  @Test
  void readsAPython2CifarStyleBatchWithStrKeysAndStrData() throws Exception {
    Map<?, ?> batch = (Map<?, ?>) read("batch-py2.pkl");

    assertThat(new ArrayList<Object>(batch.keySet())).containsExactly("batch_label", "labels", "data", "filenames");
    assertThat(batch.get("batch_label")).isEqualTo("training batch 1 of 5");
    assertThat(batch.get("labels")).isEqualTo(List.of(6L, 9L));
    assertThat(batch.get("filenames")).isEqualTo(List.of("a.png", "b\u00e9.png"));
    assertArray(batch.get("data"), expected().get("batch-py2.pkl[data]"));
  }

  @Test
  void readsAnEmptyArray() throws Exception {
    NumpyArray a = (NumpyArray) read("empty-p4.pkl");

    assertThat(a.shape()).containsExactly(0, 3);
    assertThat(a.size()).isZero();
    assertThat(a.data()).isEmpty();
  }

  @Test
  void rejectsFortranOrder() {
    assertThatThrownBy(() -> read("fortran-p4.pkl"))
        .isInstanceOfSatisfying(PickleException.class, e -> {
          assertThat(e.isTruncated()).isFalse();
          assertThat(e.forbiddenGlobal()).isNull();
        })
        .hasMessageContaining("(BUILD 0x62): Fortran-order numpy arrays are not supported (expected C order)");
  }

  @Test
  void arraysNeedTheirGlobalsOnTheProfile() throws Exception {
    byte[] data = Files.readAllBytes(DIR.resolve("u1-p4.pkl"));

    assertThatThrownBy(() -> PickleReader.read(data, TestProfiles.NATS)).isInstanceOf(PickleException.class)
        .hasMessageContaining("global 'numpy.core.multiarray._reconstruct' is not allowed");
    assertThat(ARRAYS.allowedGlobals()).containsExactly("_codecs.encode", "numpy._core.multiarray._reconstruct",
        "numpy.core.multiarray._reconstruct", "numpy.dtype", "numpy.ndarray");
  }

  /** {@code _reconstruct(ndarray, (0,), b'b')}, then BUILD with the given state items. */
  private static PickleBytes reconstruct() {
    return PickleBytes.proto(4).global("numpy.core.multiarray", "_reconstruct").global("numpy", "ndarray")
        .op('K', 0, 0x85).bytes('b').op(0x87, 'R');
  }

  /** A {@code (1, shape, dtype('u1'), False, data)} state and BUILD. */
  private static byte[] uint8Array(int[] shape, int... data) {
    PickleBytes p = reconstruct().op('(', 'K', 1, '(');
    for (int d : shape) {
      p.op('K', d);
    }
    return p.op('t').global("numpy", "dtype").str("u1").op(0x89, 0x88, 0x87, 'R')
        .op(0x89).bytes(data).op('t', 'b').stop();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(byte[] data) {
    return MaliciousPickleTest.rejects(data, ARRAYS);
  }

  @Test
  void readsAHandBuiltArrayAndChecksItsDataAgainstTheShape() throws PickleException {
    NumpyArray a = (NumpyArray) PickleReader.read(uint8Array(new int[] {2, 2}, 1, 2, 250, 4), ARRAYS);
    assertThat(a.get(2)).isEqualTo(250L);
    assertThatThrownBy(() -> a.get(4)).isInstanceOf(IndexOutOfBoundsException.class);

    rejects(uint8Array(new int[] {2, 2}, 1, 2, 3))
        .hasMessageContaining("numpy array data holds 3 bytes; shape [2, 2] of dtype('|u1') needs 4");
  }

  @Test
  void rejectsMisusedReconstructAndState() {
    byte[] noBuild = reconstruct().stop();
    byte[] notNdarray = PickleBytes.proto(4).global("numpy.core.multiarray", "_reconstruct").global("numpy", "dtype")
        .op('K', 0, 0x85).bytes('b').op(0x87, 'R').stop();
    byte[] ndarrayCalled = PickleBytes.proto(4).global("numpy", "ndarray").op(')', 'R').stop();
    byte[] badState = reconstruct().op('K', 1, 0x85, 'b').stop();
    byte[] twice = Arrays.copyOf(uint8Array(new int[] {1}, 7), uint8Array(new int[] {1}, 7).length - 1);
    byte[] buildTwice = PickleBytes.raw().append(twice).op('(', 'K', 1, ')').global("numpy", "dtype").str("u1")
        .op(0x89, 0x88, 0x87, 'R', 0x89).bytes().op('t', 'b').stop();

    rejects(noBuild).hasMessageContaining("(STOP 0x2e): a numpy array never received its state");
    rejects(notNdarray).hasMessageContaining("_reconstruct arguments must be (numpy.ndarray, shape, typecode), got "
        + "global numpy.dtype first");
    rejects(ndarrayCalled).hasMessageContaining("REDUCE is not allowed on numpy.ndarray");
    rejects(badState).hasMessageContaining("numpy array state must be (version, shape, dtype, is_fortran, data)");
    rejects(buildTwice).hasMessageContaining("BUILD is not allowed on numpy.ndarray");
  }

  @Test
  void rejectsObjectArraysAndAbsurdShapes() {
    byte[] objects = reconstruct().op('(', 'K', 1, 'K', 1, 0x85).global("numpy", "dtype").str("O8")
        .op(0x89, 0x88, 0x87, 'R').op(0x89, ']', 't', 'b').stop();
    PickleBytes huge = reconstruct().op('(', 'K', 1, '(');
    for (int i = 0; i < 3; i++) {
      huge.op('J').u32(0x7fffffff);
    }
    byte[] tooBig = huge.op('t').global("numpy", "dtype").str("u1").op(0x89, 0x88, 0x87, 'R')
        .op(0x89).bytes().op('t', 'b').stop();
    byte[] negative = reconstruct().op('(', 'K', 1, 'J').u32(-1).op(0x85).global("numpy", "dtype").str("u1")
        .op(0x89, 0x88, 0x87, 'R').op(0x89).bytes().op('t', 'b').stop();

    rejects(objects).hasMessageContaining("unsupported numpy dtype 'O8'");
    rejects(tooBig).hasMessageContaining("has more than 2147483647 elements");
    rejects(negative).hasMessageContaining("dimensions must be ints in 0..2^31-1, got -1");
  }
}

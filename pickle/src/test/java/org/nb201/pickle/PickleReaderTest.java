package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nb201.pickle.PickleBytes.hex;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the reader builds from pickles CPython 3 wrote with protocols 1 to 5. */
class PickleReaderTest {
  /**
   * {@code pickle.dumps(o, protocol=p)} for o = {'ints': [...], 'floats': [...], 'tuples': ...,
   * 'none': None, 'yes': True, 'no': False, 'text': 'héllo ✓', ('key', 7): 'tuple key',
   * 1: 'int key', 'shared': [s, s]}, plus 'bytes' from protocol 3 and 'set'/'frozen' from 4.
   */
  static final String[] CPYTHON = {
      null,
      "7d7100285804000000696e747371015d7102284b004b014affffffff4bff4d00014dffff4a000001004a000000804c323134"
          + "373438333634384c0a4c393232333337323033363835343737353830384c0a4c2d3932323333373230333638353437373538"
          + "30394c0a4c313236373635303630303232383232393430313439363730333230353337364c0a655806000000666c6f617473"
          + "71035d710428473ff8000000000000478000000000000000477ff00000000000006558060000007475706c65737105282928"
          + "4b01747106284b015801000000787107747108284b014b024b03747109284b014b024b034b0474710a74710b58040000006e"
          + "6f6e65710c4e5803000000796573710d4930310a58020000006e6f710e4930300a580400000074657874710f580a00000068"
          + "c3a96c6c6f20e29c9371102858030000006b657971114b0774711258090000007475706c65206b657971134b015807000000"
          + "696e74206b65797114580600000073686172656471155d7116285d7117580100000073711861681765752e",
      "80027d7100285804000000696e747371015d7102284b004b014affffffff4bff4d00014dffff4a000001004a000000808a05"
          + "00000080008a090000000000000080008a09ffffffffffffff7fff8a0d00000000000000000000000010655806000000666c"
          + "6f61747371035d710428473ff8000000000000478000000000000000477ff00000000000006558060000007475706c657371"
          + "0528294b018571064b0158010000007871078671084b014b024b03877109284b014b024b034b0474710a74710b5804000000"
          + "6e6f6e65710c4e5803000000796573710d8858020000006e6f710e89580400000074657874710f580a00000068c3a96c6c6f"
          + "20e29c93711058030000006b657971114b0786711258090000007475706c65206b657971134b015807000000696e74206b65"
          + "797114580600000073686172656471155d7116285d7117580100000073711861681765752e",
      "80037d7100285804000000696e747371015d7102284b004b014affffffff4bff4d00014dffff4a000001004a000000808a05"
          + "00000080008a090000000000000080008a09ffffffffffffff7fff8a0d00000000000000000000000010655806000000666c"
          + "6f61747371035d710428473ff8000000000000478000000000000000477ff00000000000006558060000007475706c657371"
          + "0528294b018571064b0158010000007871078671084b014b024b03877109284b014b024b034b0474710a74710b5804000000"
          + "6e6f6e65710c4e5803000000796573710d8858020000006e6f710e89580400000074657874710f580a00000068c3a96c6c6f"
          + "20e29c93711058030000006b657971114b0786711258090000007475706c65206b657971134b015807000000696e74206b65"
          + "797114580600000073686172656471155d7116285d7117580100000073711861681765580500000062797465737119430200"
          + "ff711a752e",
      "80049537010000000000007d94288c04696e7473945d94284b004b014affffffff4bff4d00014dffff4a000001004a000000"
          + "808a0500000080008a090000000000000080008a09ffffffffffffff7fff8a0d00000000000000000000000010658c06666c"
          + "6f617473945d9428473ff8000000000000478000000000000000477ff0000000000000658c067475706c65739428294b0185"
          + "944b018c01789486944b014b024b038794284b014b024b034b04749474948c046e6f6e65944e8c0379657394888c026e6f94"
          + "898c0474657874948c0a68c3a96c6c6f20e29c93948c036b6579944b0786948c097475706c65206b6579944b018c07696e74"
          + "206b6579948c06736861726564945d94285d948c017394616817658c05627974657394430200ff948c03736574948f94284b"
          + "014b02908c0666726f7a656e94288c0171949194752e",
      "80059537010000000000007d94288c04696e7473945d94284b004b014affffffff4bff4d00014dffff4a000001004a000000"
          + "808a0500000080008a090000000000000080008a09ffffffffffffff7fff8a0d00000000000000000000000010658c06666c"
          + "6f617473945d9428473ff8000000000000478000000000000000477ff0000000000000658c067475706c65739428294b0185"
          + "944b018c01789486944b014b024b038794284b014b024b034b04749474948c046e6f6e65944e8c0379657394888c026e6f94"
          + "898c0474657874948c0a68c3a96c6c6f20e29c93948c036b6579944b0786948c097475706c65206b6579944b018c07696e74"
          + "206b6579948c06736861726564945d94285d948c017394616817658c05627974657394430200ff948c03736574948f94284b"
          + "014b02908c0666726f7a656e94288c0171949194752e",
  };

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : new ArrayList<>((Collection<Object>) o);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void readsWhatCPythonWroteWithEveryBinaryProtocol(int protocol) throws PickleException {
    Map<?, ?> m = (Map<?, ?>) PickleReader.read(hex(CPYTHON[protocol]), PickleProfile.plainData());

    BigInteger two = BigInteger.TWO;
    assertThat(list(m.get("ints"))).containsExactly(0L, 1L, -1L, 255L, 256L, 65535L, 65536L,
        -2147483648L, 2147483648L, two.pow(63), two.pow(63).negate().subtract(BigInteger.ONE), two.pow(100));
    assertThat(list(m.get("floats"))).containsExactly(1.5, -0.0, Double.POSITIVE_INFINITY);
    assertThat(list(m.get("tuples"))).containsExactly(PyTuple.EMPTY, PyTuple.of(1L), PyTuple.of(1L, "x"),
        PyTuple.of(1L, 2L, 3L), PyTuple.of(1L, 2L, 3L, 4L));
    assertThat(m.containsKey("none")).isTrue();
    assertThat(m.get("none")).isNull();
    assertThat(m.get("yes")).isEqualTo(true);
    assertThat(m.get("no")).isEqualTo(false);
    assertThat(m.get("text")).isEqualTo("h\u00e9llo \u2713");
    assertThat(m.get(PyTuple.of("key", 7L))).isEqualTo("tuple key");
    assertThat(m.get(1L)).isEqualTo("int key");
    List<?> shared = list(m.get("shared"));
    assertThat(shared.get(0)).isSameAs(shared.get(1)).isEqualTo(List.of("s"));
    if (protocol >= 3) {
      assertThat((byte[]) m.get("bytes")).containsExactly(0, 0xff);
    }
    if (protocol >= 4) {
      assertThat(m.get("set")).isInstanceOf(LinkedHashSet.class).isEqualTo(Set.of(1L, 2L));
      assertThat(list(m.get("frozen"))).containsExactly("q");
    }
  }

  @Test
  void keepsDictInsertionOrder() throws PickleException {
    Object v = PickleReader.read(hex(CPYTHON[4]), PickleProfile.plainData());

    assertThat(v).isInstanceOf(LinkedHashMap.class);
    assertThat(list(((Map<?, ?>) v).keySet())).startsWith("ints", "floats", "tuples", "none");
  }

  @Test
  void readsAnOrderedDictAsALinkedHashMap() throws PickleException {
    // pickle.dumps(OrderedDict([('z', 1), ('y', 2)]), protocol=2): GLOBAL + EMPTY_TUPLE + REDUCE + SETITEMS
    byte[] od = hex("800263636f6c6c656374696f6e730a4f726465726564446963740a7100295271012858010000007a71024b015801000000"
        + "7971034b02752e");

    Map<?, ?> m = (Map<?, ?>) PickleReader.read(od, TestProfiles.NATS);

    assertThat(list(m.keySet())).containsExactly("z", "y");
    assertThat(list(m.values())).containsExactly(1L, 2L);
  }

  @Test
  void readsProtocol2BytesThroughCodecsEncodeOnlyWhereAllowed() throws PickleException {
    // pickle.dumps(b'\x00\xffA', protocol=2)
    byte[] data = hex("8002635f636f646563730a656e636f64650a7100580400000000c3bf41710158060000006c6174696e31710286710352"
        + "71042e");

    assertThat((byte[]) PickleReader.read(data, TestProfiles.NB201_PTH)).containsExactly(0, 0xff, 'A');
    assertThatThrownBy(() -> PickleReader.read(data, TestProfiles.NATS))
        .isInstanceOf(PickleException.class).hasMessageContaining("global '_codecs.encode' is not allowed");
  }

  @Test
  void readsProtocol5ByteArrays() throws PickleException {
    byte[] data = hex("8005950d000000000000009602000000000000006162942e");

    assertThat((byte[]) PickleReader.read(data, PickleProfile.plainData())).containsExactly('a', 'b');
  }

  @Test
  void readsTheProtocol0NumberOpcodes() throws PickleException {
    byte[] data = PickleBytes.raw().op('(').text("I42\nI01\nL-12345678901234567890L\nF0.25\nFinf\n")
        .text("p0\ng0\n").op('l').stop();

    assertThat(list(PickleReader.read(data, PickleProfile.plainData()))).containsExactly(42L, true,
        new BigInteger("-12345678901234567890"), 0.25, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  @Test
  void readAtStopsAfterOnePickleAndReportsWhereItEnded() throws PickleException {
    byte[] two = PickleBytes.proto(2).op('K', 7, '.').op(0x80, 2, 'K', 8, '.').build();

    PickleReader.Parsed first = PickleReader.readAt(two, 0, PickleProfile.plainData());
    PickleReader.Parsed second = PickleReader.readAt(two, first.end(), PickleProfile.plainData());

    assertThat(first).isEqualTo(new PickleReader.Parsed(7L, 5));
    assertThat(second.value()).isEqualTo(8L);
    assertThatThrownBy(() -> PickleReader.read(two, PickleProfile.plainData()))
        .isInstanceOf(PickleException.class).hasMessageContaining("5 trailing bytes after STOP");
  }

  @Test
  void tuplesHaveValueEqualityAndWorkAsKeys() {
    PyTuple a = PyTuple.of("cifar10", 777L);
    PyTuple b = PyTuple.of("cifar10", 777L);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(List.of("cifar10", 777L));
    assertThat(Map.of(a, 1).get(b)).isEqualTo(1);
    assertThat(PyTuple.of(new byte[] {1, 2})).isEqualTo(PyTuple.of(new byte[] {1, 2}));
    assertThat(a).hasToString("('cifar10', 777)");
    assertThat(PyTuple.of(1L)).hasToString("(1,)");
  }
}

package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * numpy scalars as NATS stores them (in the {@code ResultsCount} states of NATS-Bench
 * {@code nats_bench/api_utils.py}; see docs/benchmark-data.md#the-record-of-a-trial):
 * REDUCE(scalar, (REDUCE(dtype, ('f8', 0, 1)) +
 * BUILD(state), raw bytes)).
 */
class NumpyScalarTest {
  private static Object scalar(String dtype, String order, int... raw) throws PickleException {
    PickleBytes p = PickleBytes.proto(4).global("numpy.core.multiarray", "scalar")
        .global("numpy", "dtype").str(dtype).op('K', 0, 'K', 1, 0x87, 'R');
    if (order != null) {
      p.op('(', 'K', 3).str(order).op('N', 'N', 'N', 'J').u32(-1).op('J').u32(-1).op('K', 0, 't', 'b');
    }
    return PickleReader.read(p.bytes(raw).op(0x86, 'R').stop(), TestProfiles.NATS);
  }

  @Test
  void decodesLittleEndianFloat64LikeNatsParams() throws PickleException {
    // The bytes of arch 0's params, 0.129306, as stored in 000000.pickle.pbz2.
    assertThat(scalar("f8", "<", 0x0b, 0x9a, 0x96, 0x58, 0x19, 0x8d, 0xc0, 0x3f)).isEqualTo(0.129306);
  }

  @Test
  void honoursBigEndianByteOrderFromTheDtypeState() throws PickleException {
    assertThat(scalar("f8", ">", 0x3f, 0xf8, 0, 0, 0, 0, 0, 0)).isEqualTo(1.5);
    assertThat(scalar("i4", ">", 0xff, 0xff, 0xff, 0xfe)).isEqualTo(-2L);
  }

  @Test
  void decodesIntegerFloat32AndBoolKinds() throws PickleException {
    assertThat(scalar("f4", "<", 0, 0, 0xa0, 0x3f)).isEqualTo(1.25);
    assertThat(scalar("i8", "<", 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)).isEqualTo(-3L);
    assertThat(scalar("i2", "<", 0x00, 0x80)).isEqualTo(-32768L);
    assertThat(scalar("u1", "|", 200)).isEqualTo(200L);
    assertThat(scalar("u2", null, 0xff, 0xff)).isEqualTo(65535L);
    assertThat(scalar("u8", "<", 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))
        .isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(scalar("b1", "|", 1)).isEqualTo(true);
  }

  @Test
  void rejectsUnsupportedDtypes() {
    assertThatThrownBy(() -> scalar("c16", "<", 0)).isInstanceOf(PickleException.class)
        .hasMessageContaining("unsupported numpy dtype");
    assertThatThrownBy(() -> scalar("O8", "|", 0)).isInstanceOf(PickleException.class)
        .hasMessageContaining("unsupported numpy dtype");
  }

  @Test
  void rejectsRawBytesOfTheWrongSize() {
    assertThatThrownBy(() -> scalar("f8", "<", 1, 2, 3)).isInstanceOf(PickleException.class)
        .hasMessageContaining("needs 8 bytes, got 3");
  }

  @Test
  void rejectsABadByteOrderInTheDtypeState() {
    assertThatThrownBy(() -> scalar("f8", "?", 0, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(PickleException.class)
        .hasMessageContaining("byte order");
  }
}

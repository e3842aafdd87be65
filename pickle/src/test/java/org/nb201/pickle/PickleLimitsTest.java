package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.nb201.pickle.MaliciousPickleTest.rejects;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Absurd lengths, floods, deep nesting, memo abuse and stack misuse all end in PickleException. */
class PickleLimitsTest {
  private static final PickleProfile NATS = TestProfiles.NATS;

  @Test
  void rejectsDeclaredLengthsBeyondTheInputBeforeAllocating() {
    long huge = 1L << 60;
    rejects(PickleBytes.proto(4).op(0x8d).u64(huge).stop(), NATS)
        .hasMessageContaining("BINUNICODE8")
        .hasMessageContaining("declared string length 1152921504606846976 exceeds the 1 bytes remaining");
    rejects(PickleBytes.proto(4).op(0x8e).u64(huge).stop(), NATS).hasMessageContaining("BINBYTES8");
    rejects(PickleBytes.proto(5).op(0x96).u64(-1L).stop(), NATS)
        .hasMessageContaining("absurd bytes length 18446744073709551615");
    rejects(PickleBytes.proto(4).op('X').u32(0xffffffffL).stop(), NATS)
        .hasMessageContaining("exceeds the 1 bytes remaining");
    rejects(PickleBytes.proto(4).op('B').u32(0xffffffffL).stop(), NATS).hasMessageContaining("exceeds");
    rejects(PickleBytes.proto(4).op(0x8b).u32(0x7fffffff).stop(), NATS).hasMessageContaining("LONG4");
    rejects(PickleBytes.proto(2).op('T').u32(-5).stop(), NATS).hasMessageContaining("negative");
    rejects(PickleBytes.proto(4).op(0x95).u64(1L << 40).op('N').stop(), NATS).hasMessageContaining("FRAME");
  }

  @Test
  void rejectsLengthsOverTheProfileCap() {
    PickleProfile capped = NATS.toBuilder().optMaxLength(10).build();
    byte[] eleven = PickleBytes.proto(4).str("abcdefghijk").stop();

    rejects(eleven, capped).hasMessageContaining("exceeds the cap of 10");
  }

  @Test
  void framesAreBoundedByTheInputNotByTheLengthCap() throws PickleException {
    PickleProfile capped = NATS.toBuilder().optMaxLength(1).build();
    byte[] framed = PickleBytes.proto(4).op(0x95).u64(3).op('K', 7).stop();

    assertThat(PickleReader.read(framed, capped)).isEqualTo(7L);
  }

  @Test
  void rejectsTruncatedArguments() {
    rejects(PickleBytes.proto(4).op('J', 1, 2).build(), NATS).hasMessageContaining("truncated");
    rejects(PickleBytes.proto(4).op('G', 1).build(), NATS).hasMessageContaining("truncated");
    rejects(PickleBytes.proto(4).op('N').build(), NATS).hasMessageContaining("input ended before the STOP");
    rejects(new byte[0], NATS).hasMessageContaining("offset 0 (end of input)");
    rejects(PickleBytes.raw().text("I12").build(), NATS).hasMessageContaining("no terminating newline");
  }

  @Test
  void rejectsStackMisuse() {
    rejects(PickleBytes.proto(4).op('a').stop(), NATS).hasMessageContaining("stack underflow");
    rejects(PickleBytes.proto(4).op(']', '(', 'a').stop(), NATS).hasMessageContaining("stack underflow");
    rejects(PickleBytes.proto(4).op('}', 'K', 1, 'a').stop(), NATS).hasMessageContaining("cannot append to dict");
    rejects(PickleBytes.proto(4).op('}', '(', 'K', 1, 'K', 2, 'K', 3, 'u').stop(), NATS)
        .hasMessageContaining("odd number of items (3)");
    rejects(PickleBytes.proto(4).op('}', 'K', 1, 'K', 2, 'u').stop(), NATS).hasMessageContaining("no MARK");
    rejects(PickleBytes.proto(4).op('K', 1, 't').stop(), NATS).hasMessageContaining("no MARK");
    rejects(PickleBytes.proto(4).op('1').stop(), NATS).hasMessageContaining("no MARK");
    rejects(PickleBytes.proto(4).op('K', 1, 0x86).stop(), NATS).hasMessageContaining("stack underflow");
    rejects(PickleBytes.proto(4).op('.').build(), NATS).hasMessageContaining("STOP with 0 values");
    rejects(PickleBytes.proto(4).op('N', 'N').stop(), NATS).hasMessageContaining("STOP with 2 values");
    rejects(PickleBytes.proto(4).op('N', '(').stop(), NATS).hasMessageContaining("open MARK");
    rejects(PickleBytes.proto(4).op('K', 1, 'K', 2, 0x93).stop(), NATS)
        .hasMessageContaining("STACK_GLOBAL needs two strings");
    rejects(PickleBytes.proto(4).op(']', 'K', 1, 'b').stop(), NATS)
        .hasMessageContaining("BUILD is not allowed on list");
  }

  @Test
  void rejectsUnhashableKeysAndElements() {
    rejects(PickleBytes.proto(4).op('}', ']', 'K', 1, 's').stop(), NATS)
        .hasMessageContaining("dict key of type list is not hashable");
    rejects(PickleBytes.proto(4).op('}', '}', 'K', 1, 's').stop(), NATS).hasMessageContaining("dict key of type dict");
    rejects(PickleBytes.proto(4).op('}', ']', 0x85, 'K', 1, 's').stop(), NATS)
        .hasMessageContaining("dict key of type tuple");
    rejects(PickleBytes.proto(4).op(0x8f, '(', '}', 0x90).stop(), NATS)
        .hasMessageContaining("set element of type dict");
    rejects(PickleBytes.proto(4).op('(', 0x8f, 0x91).stop(), NATS).hasMessageContaining("set element of type set");
  }

  @Test
  void rejectsMemoAbuse() {
    rejects(PickleBytes.proto(4).op('h', 5).stop(), NATS).hasMessageContaining("memo miss: index 5");
    rejects(PickleBytes.proto(4).op('j').u32(0xffffffffL).stop(), NATS).hasMessageContaining("memo miss");
    rejects(PickleBytes.proto(4).op('N', 'r').u32(0xffffffffL).stop(), NATS)
        .hasMessageContaining("memo index 4294967295 is out of range");
    rejects(PickleBytes.proto(4).op(0x94).stop(), NATS).hasMessageContaining("stack underflow");
    rejects(PickleBytes.raw().text("Np99999999999\n.").build(), NATS).hasMessageContaining("not a memo index");
    rejects(PickleBytes.raw().text("g-1\n.").build(), NATS).hasMessageContaining("not a memo index");
  }

  @Test
  void memoisedNoneIsNotAMiss() throws PickleException {
    byte[] data = PickleBytes.proto(4).op('N', 0x94, '0', 'h', 0).stop();

    assertThat(PickleReader.read(data, NATS)).isNull();
  }

  @Test
  void rejectsCyclesBuiltThroughTheMemo() {
    rejects(PickleBytes.proto(4).op(']', 0x94, 'h', 0, 'a').stop(), NATS).hasMessageContaining("contains itself");
    rejects(PickleBytes.proto(4).op('}', 0x94, 'K', 1, 'h', 0, 's').stop(), NATS)
        .hasMessageContaining("contains itself");
  }

  @Test
  void rejectsDeepNestingWithoutExhaustingTheJavaStack() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      int n = 1_000_000;
      byte[] listChain = PickleBytes.proto(4).repeat(n, ']').repeat(n - 1, 'a').stop();
      rejects(listChain, NATS).hasMessageContaining("nesting deeper than 256 levels");

      // Constant stack: wrap the memoised list into a new list a million times.
      byte[] memoChain = PickleBytes.proto(4).op(']', 'q', 0, '0').repeat(n, ']', 'h', 0, 'a', 'q', 0, '0')
          .op('h', 0).stop();
      rejects(memoChain, NATS).hasMessageContaining("nesting deeper than 256 levels");

      byte[] tupleChain = PickleBytes.proto(4).op(')').repeat(n, 0x85).stop();
      rejects(tupleChain, NATS).hasMessageContaining("tuples nested deeper than 256");

      rejects(PickleBytes.proto(4).repeat(n, '(').stop(), NATS).hasMessageContaining("more than 256 nested MARKs");
      rejects(PickleBytes.proto(4).repeat(2_000_000, 'N').stop(), NATS)
          .hasMessageContaining("stack holds more than 1048576 values");
    });
  }

  @Test
  void sharedSubtreesCostLinearTimeAndHugeTupleKeysAreRejected() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      // t = (t, t) sixty times: 2^60 nodes when expanded, 60 in memory.
      PickleBytes chain = PickleBytes.proto(4).op(')', 'q', 0, '0');
      for (int i = 0; i < 60; i++) {
        chain.op('h', 0, 'h', 0, 0x86, 'q', 0, '0');
      }
      byte[] asValue = PickleBytes.raw().append(chain.build()).op(']', 'h', 0, 'a').stop();
      List<?> value = (List<?>) PickleReader.read(asValue, PickleProfile.plainData());
      assertThat(value).hasSize(1);

      byte[] asKey = PickleBytes.raw().append(chain.build()).op('}', 'h', 0, 'N', 's').stop();
      rejects(asKey, NATS).hasMessageContaining("dict key tuple is too large");
    });
  }

  @Test
  void messagesNeverRenderHostileValues() {
    // A self-containing list handed to numpy.dtype: rendering it would never end.
    byte[] cyclicArg = PickleBytes.proto(4).global("numpy", "dtype").op(']', 0x94, 'h', 0, 'a', 0x85, 'R').stop();
    rejects(cyclicArg, NATS).hasMessageContaining("unsupported numpy dtype list");

    byte[] deepState = PickleBytes.proto(4).global("numpy", "dtype").str("f8").op(0x85, 'R')
        .repeat(100_000, ']').repeat(99_999, 'a').op('b').stop();
    rejects(deepState, NATS).hasMessageContaining("got list");
  }

  @Test
  void rejectsInvalidUtf8() {
    rejects(PickleBytes.proto(4).op(0x8c, 2, 0xc3, 0x28).stop(), NATS).hasMessageContaining("not valid UTF-8");
  }
}

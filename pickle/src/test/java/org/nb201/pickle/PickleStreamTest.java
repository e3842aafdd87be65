package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Streaming: entries of a dict at a key path leave as they complete; the rest reads as usual. */
class PickleStreamTest {
  private static final int MEMOIZE = 0x94;

  /** {'a': 1, 'big': {0: [1.5], 1: [2.5]}, 'z': 'end'} written like CPython protocol 4, with MEMOIZE. */
  static byte[] sample(boolean oneBatchPerEntry) {
    PickleBytes p = PickleBytes.proto(4).op('}', MEMOIZE, '(').str("a").op(MEMOIZE).op('K', 1)
        .str("big").op(MEMOIZE).op('}', MEMOIZE);
    if (!oneBatchPerEntry) {
      p.op('(');
    }
    for (int k = 0; k < 2; k++) {
      if (oneBatchPerEntry) {
        p.op('(');
      }
      p.op('K', k).op(']', MEMOIZE).op('G').append(PickleBytes.hex(k == 0 ? "3ff8000000000000" : "4004000000000000"))
          .op('a');
      if (oneBatchPerEntry) {
        p.op('u');
      }
    }
    if (!oneBatchPerEntry) {
      p.op('u');
    }
    return p.str("z").op(MEMOIZE).str("end").op(MEMOIZE).op('u').stop();
  }

  @Test
  void streamsTheEntriesOfTheTargetDictAndEmptiesIt() throws Exception {
    for (boolean batched : new boolean[] {false, true}) {
      byte[] data = batched ? sample(true) : sample(false);
      List<Object> seen = new ArrayList<>();
      PickleStream s = new PickleStream(new ByteArrayInputStream(data));
      Object root = s.next(PickleProfile.plainData(), List.of("big"), (k, v) -> {
        seen.add(k);
        seen.add(v);
      });
      assertThat(seen).containsExactly(0L, List.of(1.5), 1L, List.of(2.5));
      assertThat(root).isEqualTo(Map.of("a", 1L, "big", Map.of(), "z", "end"));
      assertThat(s.atEnd()).isTrue();
    }
  }

  @Test
  void anIntKeyedEntryLeavesAsSoonAsTheNextKeyStartsWithinOneBatch() {
    // one SETITEMS batch {0: {'x': 1}, 1: <os.system>}: entry 0 must be out before entry 1 fails
    byte[] data = PickleBytes.proto(4).op('}', MEMOIZE, '(').str("big").op(MEMOIZE).op('}', MEMOIZE).op('(')
        .op('K', 0).op('}', MEMOIZE).str("x").op('K', 1).op('s')
        .op('K', 1).global("os", "system").op(')', 'R').op('u').op('u').stop();
    List<Object> keys = new ArrayList<>();
    assertThatThrownBy(() -> new PickleStream(new ByteArrayInputStream(data)).next(PickleProfile.plainData(),
        List.of("big"), (k, v) -> keys.add(k)))
        .hasMessageContaining("global 'os.system' is not allowed");
    assertThat(keys).containsExactly(0L);
  }

  @Test
  void readsTheSameValuesAsTheArrayReader() throws Exception {
    byte[] data = sample(false);
    assertThat(new PickleStream(new ByteArrayInputStream(data)).next(PickleProfile.plainData()))
        .isEqualTo(PickleReader.read(data, PickleProfile.plainData()));
  }

  @Test
  void readsConsecutivePicklesFromOneStream() throws Exception {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(PickleBytes.proto(2).op('K', 7).stop());
    both.writeBytes(PickleBytes.proto(2).str("x").stop());
    both.writeBytes(new byte[] {9, 8, 7});
    PickleStream s = new PickleStream(new ByteArrayInputStream(both.toByteArray()));
    assertThat(s.next(PickleProfile.plainData())).isEqualTo(7L);
    assertThat(s.next(PickleProfile.plainData())).isEqualTo("x");
    assertThat(s.readRaw(3)).containsExactly(9, 8, 7);
    assertThat(s.atEnd()).isTrue();
  }

  @Test
  void aLaterEntryReferringToAStreamedContainerIsAClearError() throws Exception {
    // entry 1 refers (BINGET 3) to entry 0's list, which was released after its batch
    byte[] data = PickleBytes.proto(4).op('}', MEMOIZE, '(').str("big").op(MEMOIZE).op('}', MEMOIZE)
        .op('(').op('K', 0).op(']', MEMOIZE).op('u')
        .op('(').op('K', 1).op('h', 3).op('u').op('u').stop();
    assertThatThrownBy(() -> new PickleStream(new ByteArrayInputStream(data)).next(PickleProfile.plainData(),
        List.of("big"), (k, v) -> { }))
        .isInstanceOf(PickleException.class)
        .hasMessageContaining("memo entry 3 belonged to an already streamed value");
  }

  @Test
  void sharedScalarsOfStreamedEntriesStayReachable() throws Exception {
    // entry 1 reuses (BINGET 3) the string memoised inside entry 0, as CPython does for a shared literal
    byte[] data = PickleBytes.proto(4).op('}', MEMOIZE, '(').str("big").op(MEMOIZE).op('}', MEMOIZE)
        .op('(').op('K', 0).str("cifar10").op(MEMOIZE).op('u')
        .op('(').op('K', 1).op('h', 3).op('u').op('u').stop();
    List<Object> values = new ArrayList<>();
    new PickleStream(new ByteArrayInputStream(data)).next(PickleProfile.plainData(), List.of("big"),
        (k, v) -> values.add(v));
    assertThat(values).containsExactly("cifar10", "cifar10");
  }

  @Test
  void aHugeDeclaredLengthOnAShortStreamFailsWithoutAllocatingIt() {
    byte[] data = PickleBytes.proto(4).op('X').u32(200L << 20).text("short").build();
    assertThatThrownBy(() -> new PickleStream(new ByteArrayInputStream(data)).next(PickleProfile.plainData()))
        .isInstanceOf(PickleException.class).hasMessageContaining("truncated");
  }

  @Test
  void readsThroughAStreamThatDeliversOneByteAtATime() throws Exception {
    byte[] data = sample(false);
    InputStream trickle = new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    assertThat(new PickleStream(trickle).next(PickleProfile.plainData()))
        .isEqualTo(PickleReader.read(data, PickleProfile.plainData()));
  }
}

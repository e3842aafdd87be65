package org.nb201.jmh;

import java.io.Writer;
import java.util.concurrent.TimeUnit;
import org.nb201.space.Arch;
import org.nb201.space.Dataset;
import org.nb201.space.Isomorphism;
import org.nb201.space.SearchSpace;
import org.nb201.space.SpaceTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** The search space: deriving the official order, all unique keys, and rendering {@code space list}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpaceBench {
  @Benchmark
  public int[] deriveOfficialOrder() {
    return SearchSpace.deriveOrder(SearchSpace.SHUFFLE_SEED);
  }

  @Benchmark
  public void officialUniqueKeysOfAllCells(Blackhole bh) {
    for (int code = 0; code < Arch.COUNT; code++) {
      bh.consume(Arch.ofCode(code).uniqueString(Isomorphism.OFFICIAL));
    }
  }

  @Benchmark
  public void spaceListAllRows(Blackhole bh) {
    SpaceTable.write(SearchSpace.official(), Dataset.CIFAR10, false, new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) {
        bh.consume(cbuf);
      }

      @Override
      public Writer append(CharSequence csq) {
        bh.consume(csq.length());
        return this;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }
}

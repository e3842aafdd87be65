package org.nb201.bench.store;

import java.nio.file.Path;

/** A child process for the kill -9 test: opens a writer on {@code <target>}, adds trials, says ready, waits. */
public final class StoreWriterKillMain {
  public static void main(String[] args) throws Exception {
    StoreWriter w = StoreWriter.create(Path.of(args[0]));
    for (int i = 0; i < 50; i++) {
      w.addTrial(StoreWriterTest.trial(i, "cifar10", 12, 777, 50));
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(120_000);
  }
}

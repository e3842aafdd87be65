package org.nb201.search;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs independent tasks on a fixed number of platform threads; rethrows the first failure. */
public final class Parallel {
  private Parallel() {}

  public static void run(Runnable[] tasks, int threads) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < tasks.length && failure.get() == null; i = next.getAndIncrement()) {
        try {
          tasks[i].run();
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    int n = Math.min(threads, tasks.length);
    Thread[] pool = new Thread[n - 1];
    for (int t = 0; t < pool.length; t++) {
      pool[t] = new Thread(worker, "nb201-search-" + t);
      pool[t].start();
    }
    worker.run();
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for search runs", e);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}

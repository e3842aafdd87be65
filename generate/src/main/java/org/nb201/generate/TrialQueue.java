package org.nb201.generate;

import java.util.ArrayDeque;
import java.util.Collection;

/**
 * The trials a generator still has to settle, shared by its slots: first the ones nobody holds, then
 * those another process was running ({@link TrialWork.Status#BUSY}), retried every half second
 * until that process has finished them (their result is then adopted) or died (they are trained here).
 */
final class TrialQueue<U extends WorkUnit> {
  static final long RETRY_MILLIS = 500;

  private record Deferred<U>(U trial, long notBefore) {}

  private final ArrayDeque<U> ready;
  private final ArrayDeque<Deferred<U>> deferred = new ArrayDeque<>();

  TrialQueue(Collection<U> todo, Collection<U> busy) {
    ready = new ArrayDeque<>(todo);
    busy.forEach(this::busy);
  }

  /** The next trial to try, waiting for a busy one's retry time when nothing else is left; null when all are taken. */
  synchronized U take() throws InterruptedException {
    while (true) {
      if (!ready.isEmpty()) {
        return ready.poll();
      }
      if (deferred.isEmpty()) {
        return null;
      }
      long wait = deferred.peek().notBefore() - System.currentTimeMillis();
      if (wait <= 0) {
        return deferred.poll().trial();
      }
      wait(wait);
    }
  }

  /** Puts back a trial whose lock another process holds, to be tried again later. */
  synchronized void busy(U t) {
    deferred.add(new Deferred<>(t, System.currentTimeMillis() + RETRY_MILLIS));
    notifyAll();
  }

  /** Trials not yet handed out, busy ones included. */
  synchronized int size() {
    return ready.size() + deferred.size();
  }
}

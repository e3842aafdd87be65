package org.nb201.generate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * One lock per trial of an output directory, whoever runs it: a byte-range lock on the empty file
 * {@code .trial-locks}, at an offset taken from the trial id (a 64-bit content hash). The operating
 * system drops the locks of a process when it dies, even by {@code kill -9}, so there are no stale
 * locks to clean up; byte-range locks also work between the nodes of a shared file system that
 * supports POSIX locks (NFS with lockd or v4, Lustre, GPFS). Within one JVM a trial held by another
 * thread counts as held. The JVM gets one channel per lock file, because closing any channel of a
 * file drops all of this process's locks on it ({@link FileLock}).
 */
final class TrialLocks implements AutoCloseable {
  static final String FILE = ".trial-locks";
  private static final Map<Path, Shared> OPEN = new HashMap<>();

  private static final class Shared {
    final FileChannel channel;
    int users;

    Shared(FileChannel channel) {
      this.channel = channel;
    }
  }

  private final Path file;
  private final Shared shared;
  private boolean closed;

  private TrialLocks(Path file, Shared shared) {
    this.file = file;
    this.shared = shared;
  }

  /** The trial locks of {@code out}, which must exist. */
  static TrialLocks open(Path out) throws IOException {
    Path file = out.toRealPath().resolve(FILE);
    synchronized (OPEN) {
      Shared s = OPEN.get(file);
      if (s == null) {
        s = new Shared(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        OPEN.put(file, s);
      }
      s.users++;
      return new TrialLocks(file, s);
    }
  }

  /** The lock of trial {@code id}, or null when another process or thread holds it. */
  FileLock tryLock(String id) throws IOException {
    try {
      return shared.channel.tryLock(offset(id), 1, false);
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** A trial id's byte: its 64 bits shifted into the non-negative offsets that {@code tryLock} takes. */
  static long offset(String id) {
    return Long.parseUnsignedLong(id, 16) >>> 2;
  }

  @Override
  public void close() throws IOException {
    synchronized (OPEN) {
      if (closed) {
        return;
      }
      closed = true;
      if (--shared.users == 0) {
        OPEN.remove(file);
        shared.channel.close();
      }
    }
  }
}

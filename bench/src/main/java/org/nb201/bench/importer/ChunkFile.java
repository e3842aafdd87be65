package org.nb201.bench.importer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.nb201.bench.CostRecord;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.bench.nats.NatsArchRecord;
import org.nb201.space.Split;

/**
 * The checkpoint of one decoded architecture during a directory import: a compact binary file
 * {@code NNNNNN.chunk} (magic {@code NB201CHK}, format version, the source fingerprint, the
 * architecture's trials and costs, then a CRC-32 of everything before it). Written to a temporary
 * name and renamed, so a chunk is complete or absent; {@link #read} returns {@code null} for any
 * chunk that is damaged, of another version or of another source, which is then decoded again.
 */
final class ChunkFile {
  static final String SUFFIX = ".chunk";
  private static final long MAGIC = 0x4e4232303143484bL; // "NB201CHK"
  private static final int VERSION = 1;
  private static final int MAX_COUNT = 1 << 20;

  private ChunkFile() {
  }

  static Path path(Path workDir, int index) {
    return workDir.resolve(String.format("%06d%s", index, SUFFIX));
  }

  static void write(Path workDir, String fingerprint, NatsArchRecord r) throws IOException {
    Path target = path(workDir, r.index());
    Path tmp = workDir.resolve("." + target.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
      DataOutputStream out = new DataOutputStream(checked);
      out.writeLong(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(fingerprint);
      out.writeInt(r.index());
      out.writeUTF(r.archString());
      out.writeInt(r.trials().size());
      for (Trial t : r.trials()) {
        out.writeUTF(t.key().dataset());
        out.writeInt(t.key().hp());
        out.writeInt(t.key().seed() == null ? -1 : t.key().seed());
        out.writeInt(t.metrics().size());
        for (EpochMetrics m : t.metrics()) {
          out.writeInt(m.epoch());
          out.writeByte(m.split().ordinal());
          out.writeDouble(m.accuracy());
          out.writeDouble(m.loss());
          out.writeDouble(m.time());
          out.writeDouble(m.top5());
        }
      }
      out.writeInt(r.costs().size());
      for (CostRecord c : r.costs()) {
        out.writeUTF(c.dataset());
        out.writeDouble(c.flops());
        out.writeDouble(c.params());
        out.writeDouble(c.latency());
      }
      out.flush();
      new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The record in chunk {@code index}, or {@code null} when it is absent, damaged or stale. */
  static NatsArchRecord read(Path workDir, String fingerprint, int index) {
    Path file = path(workDir, index);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
      DataInputStream in = new DataInputStream(checked);
      if (in.readLong() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(fingerprint)
          || in.readInt() != index) {
        return null;
      }
      String arch = in.readUTF();
      List<Trial> trials = new ArrayList<>();
      for (int t = count(in); t > 0; t--) {
        String dataset = in.readUTF();
        int hp = in.readInt();
        int seed = in.readInt();
        List<EpochMetrics> metrics = new ArrayList<>();
        for (int m = count(in); m > 0; m--) {
          int epoch = in.readInt();
          Split split = Split.values()[in.readUnsignedByte() % Split.values().length];
          metrics.add(new EpochMetrics(epoch, split, in.readDouble(), in.readDouble(), in.readDouble(),
              in.readDouble()));
        }
        trials.add(new Trial(new TrialKey(index, dataset, hp, seed < 0 ? null : seed), metrics));
      }
      List<CostRecord> costs = new ArrayList<>();
      for (int c = count(in); c > 0; c--) {
        costs.add(new CostRecord(index, in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble()));
      }
      long computed = checked.getChecksum().getValue();
      if (new DataInputStream(raw).readLong() != computed || raw.read() != -1) {
        return null;
      }
      return new NatsArchRecord(index, arch, trials, costs);
    } catch (EOFException | IllegalArgumentException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_COUNT) {
      throw new EOFException("bad count " + n);
    }
    return n;
  }
}

package org.nb201.generate.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.nb201.space.Dataset;
import org.nb201.train.proxy.Proxy;
import org.nb201.train.proxy.ProxyBatch;
import org.nb201.train.proxy.ProxyConfig;

/**
 * What a {@code nb201 proxies} run computes, as it is written into its plan and every chunk result:
 * the proxies (names), the dataset, C and N, the seed, the batch size (0 = each proxy's default),
 * the batch source ({@code train} or {@code noise}), whether SynFlow runs in double precision, and
 * the memory order, and for {@code bn_nas} the epochs and training images of its supernet (0 for
 * other jobs). Its {@link #id()} hashes exactly this content.
 */
public record ProxyJob(List<String> proxies, String dataset, int channels, int cells, int seed, int batchSize,
    String source, boolean synflowDouble, boolean channelsLast, int bnNasEpochs, int bnNasImages) {

  public ProxyJob {
    proxies = List.copyOf(proxies);
    if (!proxies.contains(Proxy.BN_NAS.key())) {
      bnNasEpochs = 0;
      bnNasImages = 0;
    }
    config(proxies, dataset, channels, cells, seed, batchSize, source, synflowDouble, channelsLast, bnNasEpochs,
        bnNasImages); // validates
  }

  /** A job without {@code bn_nas}. */
  public ProxyJob(List<String> proxies, String dataset, int channels, int cells, int seed, int batchSize,
      String source, boolean synflowDouble, boolean channelsLast) {
    this(proxies, dataset, channels, cells, seed, batchSize, source, synflowDouble, channelsLast, 0, 0);
  }

  /** The job of a proxy config. */
  public static ProxyJob of(ProxyConfig c) {
    return new ProxyJob(c.proxies().stream().map(Proxy::key).toList(), c.dataset().key(), c.channels(), c.cells(),
        c.seed(), c.batchSize(), c.source().key(), c.synflowDouble(), c.channelsLast(), c.bnNasEpochs(),
        c.bnNasImages());
  }

  /** The scorer's config. */
  public ProxyConfig config() {
    return config(proxies, dataset, channels, cells, seed, batchSize, source, synflowDouble, channelsLast,
        bnNasEpochs, bnNasImages);
  }

  private static ProxyConfig config(List<String> proxies, String dataset, int channels, int cells, int seed,
      int batchSize, String source, boolean synflowDouble, boolean channelsLast, int bnNasEpochs, int bnNasImages) {
    return ProxyConfig.builder().setProxies(proxies.stream().map(Proxy::byKey).toList())
        .setDataset(Dataset.byKey(dataset)).optShape(channels, cells).optSeed(seed).optBatchSize(batchSize)
        .optSource(ProxyBatch.Source.parse(source)).optSynflowDouble(synflowDouble).optChannelsLast(channelsLast)
        .optBnNas(bnNasEpochs > 0 ? bnNasEpochs : ProxyConfig.BN_NAS_EPOCHS, bnNasImages).build();
  }

  /** The canonical text the ids hash. */
  String canonical() {
    return "nb201-proxy-job-v1|" + String.join(",", proxies) + "|" + dataset + "|" + channels + "|" + cells + "|" + seed
        + "|" + batchSize + "|" + source + "|" + synflowDouble + "|" + channelsLast
        + (bnNasEpochs > 0 ? "|bn_nas:" + bnNasEpochs + ":" + bnNasImages : "");
  }

  /** A stable 16-hex-digit content hash. */
  public String id() {
    return hash(canonical());
  }

  static String hash(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}

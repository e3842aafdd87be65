package org.nb201.train.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.Dataset;
import org.nb201.space.PyRandom;
import org.nb201.space.Split;

/**
 * One training setting (AutoDL-Projects {@code exps/NAS-Bench-201/main.py::evaluate_all_datasets}; see
 * docs/datasets-and-splits.md#training-settings): the training set and the named evaluation sets, in the order
 * the official records list them, plus a checksum of every file read.
 *
 * <ul>
 *   <li>{@code cifar10-valid}: train = CIFAR-10 train[cifar-split train]; x-valid = train[valid];
 *       ori-test = test.
 *   <li>{@code cifar10}: train = all 50k; ori-test = test.
 *   <li>{@code cifar100}: train = all 50k; x-valid / x-test = test[xvalid / xtest]; ori-test = test.
 *   <li>{@code ImageNet16-120}: train = train batches with labels 1..120; x-valid / x-test =
 *       val-120[xvalid / xtest]; ori-test = val-120.
 *   <li>{@code fashion-mnist} (ours): {@code range(60000)} shuffled with Python's
 *       {@code random.seed(1021)} (the recipe of cifar-split.txt), the first 50,000 sorted = train,
 *       the other 10,000 sorted = x-valid; x-test = the official 10k test set.
 * </ul>
 *
 * Split files are looked up in the split directory, then the data directory, then its
 * {@code splits/} subdirectory.
 */
public record TrainingData(Dataset dataset, ImageSet train, Map<Split, ImageSet> evals, String checksum) {
  /** Seed of the fashion-mnist train / x-valid split. */
  public static final int FASHION_SPLIT_SEED = 1021;
  /** Training images of the fashion-mnist setting; the rest of the 60k are x-valid. */
  public static final int FASHION_TRAIN = 50_000;

  public TrainingData {
    evals = Collections.unmodifiableMap(new LinkedHashMap<>(evals));
  }

  /** Loads {@code dataset} from {@code dataDir}; {@code splitDir} may be null. */
  public static TrainingData load(Dataset dataset, Path dataDir, Path splitDir, boolean verify) throws DataException {
    if (!Files.isDirectory(dataDir)) {
      throw new DataException(dataDir, Files.exists(dataDir) ? "not a directory" : "missing data directory");
    }
    List<Path> splitDirs = new ArrayList<>();
    if (splitDir != null) {
      splitDirs.add(splitDir);
    }
    splitDirs.add(dataDir);
    splitDirs.add(dataDir.resolve("splits"));
    Checksum sum = new Checksum();
    Map<Split, ImageSet> evals = new LinkedHashMap<>();
    ImageSet train;
    switch (dataset) {
      case CIFAR10_VALID -> {
        SplitFile split = SplitFile.find(SplitFile.CIFAR10, splitDirs, verify);
        sum.add(split.path().getFileName().toString(), split.md5());
        ImageSet all = CifarReader.read(dataDir, 10, true, verify, sum);
        train = split.select(all, "train");
        evals.put(Split.X_VALID, split.select(all, "valid"));
        evals.put(Split.ORI_TEST, CifarReader.read(dataDir, 10, false, verify, sum));
      }
      case CIFAR10 -> {
        train = CifarReader.read(dataDir, 10, true, verify, sum);
        evals.put(Split.ORI_TEST, CifarReader.read(dataDir, 10, false, verify, sum));
      }
      case CIFAR100 -> {
        SplitFile split = SplitFile.find(SplitFile.CIFAR100_TEST, splitDirs, verify);
        sum.add(split.path().getFileName().toString(), split.md5());
        train = CifarReader.read(dataDir, 100, true, verify, sum);
        ImageSet test = CifarReader.read(dataDir, 100, false, verify, sum);
        evals.put(Split.X_VALID, split.select(test, "xvalid"));
        evals.put(Split.X_TEST, split.select(test, "xtest"));
        evals.put(Split.ORI_TEST, test);
      }
      case IMAGENET16_120 -> {
        SplitFile split = SplitFile.find(SplitFile.IMAGENET16_TEST, splitDirs, verify);
        sum.add(split.path().getFileName().toString(), split.md5());
        train = ImageNet16Reader.read(dataDir, 120, true, verify, sum);
        ImageSet val = ImageNet16Reader.read(dataDir, 120, false, verify, sum);
        evals.put(Split.X_VALID, split.select(val, "xvalid"));
        evals.put(Split.X_TEST, split.select(val, "xtest"));
        evals.put(Split.ORI_TEST, val);
      }
      case FASHION_MNIST -> {
        ImageSet all = IdxReader.read(dataDir, true, sum);
        int[][] parts = fashionSplit();
        train = all.select(parts[0]);
        evals.put(Split.X_VALID, all.select(parts[1]));
        evals.put(Split.X_TEST, IdxReader.read(dataDir, false, sum));
      }
      default -> throw new IllegalArgumentException("no loader for " + dataset);
    }
    return new TrainingData(dataset, train, evals, sum.digest());
  }

  /** The fashion-mnist train and x-valid indices into the 60k training file. */
  public static int[][] fashionSplit() {
    int[] idx = new int[IdxReader.TRAIN];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    new PyRandom(FASHION_SPLIT_SEED).shuffle(idx);
    int[] train = Arrays.copyOfRange(idx, 0, FASHION_TRAIN);
    int[] valid = Arrays.copyOfRange(idx, FASHION_TRAIN, idx.length);
    Arrays.sort(train);
    Arrays.sort(valid);
    return new int[][] {train, valid};
  }

  /** The crop padding of the training augmentation: 4 (32x32 and 28x28 images), 2 (ImageNet16). */
  public static int cropPadding(Dataset dataset) {
    return dataset == Dataset.IMAGENET16_120 ? 2 : 4;
  }

  /** A copy with at most {@code trainLimit} training and {@code evalLimit} images per eval set (0 = all). */
  public TrainingData limit(int trainLimit, int evalLimit) {
    Map<Split, ImageSet> e = new LinkedHashMap<>();
    evals.forEach((k, v) -> e.put(k, v.limit(evalLimit)));
    return new TrainingData(dataset, train.limit(trainLimit), e, checksum);
  }
}

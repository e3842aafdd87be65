package org.nb201.train.data;

import java.nio.file.Path;
import org.nb201.space.Dataset;
import org.nb201.space.Split;

/**
 * The data of a weight-sharing search (AutoDL-Projects
 * {@code xautodl/datasets/get_dataset_with_transform.py::get_nas_search_loaders}): the network
 * weights train on {@code train}, the architecture on {@code valid}, the setting's x-valid set.
 *
 * <ul>
 *   <li>{@code cifar10-valid}: the 25k train half and the 25k valid half of {@code cifar-split.txt}
 *       (the official {@code cifar10} search);
 *   <li>{@code cifar100}, {@code ImageNet16-120}: all training images and the x-valid half of the
 *       test (validation) set from the official split file;
 *   <li>{@code fashion-mnist} (ours): its 50k train and 10k x-valid parts.
 * </ul>
 * {@code cifar10} (all 50k for training) has no validation half and cannot be searched on.
 */
public record SearchData(Dataset dataset, ImageSet train, ImageSet valid, String checksum) {
  /** Loads the search data of {@code dataset} from {@code dataDir}; {@code splitDir} may be null. */
  public static SearchData load(Dataset dataset, Path dataDir, Path splitDir, boolean verify) throws DataException {
    requireSearchable(dataset);
    return of(TrainingData.load(dataset, dataDir, splitDir, verify));
  }

  /** The search data of a loaded training setting. */
  public static SearchData of(TrainingData data) {
    requireSearchable(data.dataset());
    ImageSet valid = data.evals().get(Split.X_VALID);
    if (valid == null) {
      throw new IllegalArgumentException(data.dataset() + " data has no x-valid set");
    }
    return new SearchData(data.dataset(), data.train(), valid, data.checksum());
  }

  private static void requireSearchable(Dataset dataset) {
    if (dataset == Dataset.CIFAR10) {
      throw new IllegalArgumentException("cifar10 trains on all 50k images and has no validation half to search on;"
          + " use cifar10-valid (the official CIFAR-10 search: weights on the train half, architecture on the valid"
          + " half)");
    }
  }

  /** A copy with at most {@code trainLimit} training and {@code validLimit} validation images (0 = all). */
  public SearchData limit(int trainLimit, int validLimit) {
    return new SearchData(dataset, train.limit(trainLimit), valid.limit(validLimit), checksum);
  }
}

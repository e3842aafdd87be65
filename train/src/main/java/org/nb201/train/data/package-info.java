/**
 * Real training data for the benchmark (AutoDL-Projects {@code exps/NAS-Bench-201/main.py::evaluate_all_datasets},
 * paper §2.2; see docs/datasets-and-splits.md): readers for CIFAR-10/100 (python pickles and
 * binary batches), ImageNet16 pickles and Fashion-MNIST IDX files, the official split files, the
 * training settings built from them, and the augmentation/normalisation that turns images into
 * batches. Every problem with a user's files is a {@link org.nb201.train.data.DataException} naming
 * the file.
 */
package org.nb201.train.data;

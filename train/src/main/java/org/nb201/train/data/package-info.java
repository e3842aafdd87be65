/**
 * Real training data for the benchmark (spec 3, 4): readers for CIFAR-10/100 (python pickles and
 * binary batches), ImageNet16 pickles and Fashion-MNIST IDX files, the official split files, the
 * training settings built from them, and the augmentation/normalisation that turns images into
 * batches. Every problem with a user's files is a {@link org.nb201.train.data.DataException} naming
 * the file.
 */
package org.nb201.train.data;

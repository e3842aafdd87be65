/**
 * A safe reader for Python pickles (protocols 0-5, the binary subset the official benchmark files
 * use) that only ever builds plain Java data and resolves globals only from an explicit
 * per-format allow-list; nothing in a pickle is ever executed, reflected on or class-loaded. It reads
 * byte arrays or, with bounded memory, streams (handing out a dict's entries as they complete),
 * numpy scalars and C-order numpy arrays, and the two {@code torch.save} containers with their small
 * tensors.
 *
 * <p>This package owns the mechanism, not the formats: {@link org.nb201.pickle.PickleProfile} and
 * its builder, the {@link org.nb201.pickle.GlobalKind}s (what an allowed global may produce), and
 * the building blocks several formats share, so that no format spells them twice:
 * {@link org.nb201.pickle.PickleProfile#plainData()}, {@link org.nb201.pickle.PickleProfile#torchSave()}
 * (the names {@code torch.save} writes for tensors, which {@link org.nb201.pickle.TorchFile} decodes)
 * and the builder's numpy helpers (scalars, arrays: each a group of names that only makes sense
 * together, under both the numpy 1 and numpy 2 module names). Each format's own allow-list lives
 * with its reader and names only the globals that format's files contain: the NATS-Bench files in
 * {@code bench}'s {@code nats} package, the NAS-Bench-201 {@code .pth} files in {@code bench}'s
 * importer, the CIFAR and ImageNet16 batches in {@code train}'s data package.
 */
package org.nb201.pickle;

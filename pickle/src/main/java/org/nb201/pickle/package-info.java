/**
 * A safe reader for Python pickles (protocols 0-5, the binary subset the official benchmark files
 * use) that only ever builds plain Java data and resolves globals only from an explicit
 * per-format allow-list; nothing in a pickle is ever executed, reflected on or class-loaded. It reads
 * byte arrays or, with bounded memory, streams (handing out a dict's entries as they complete), and
 * the two {@code torch.save} containers with their small tensors.
 */
package org.nb201.pickle;

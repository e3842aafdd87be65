/**
 * Importers of the official benchmark files into a store: the NATS-Bench topology directory
 * (parallel, resumable through per-architecture checkpoints), the NATS single-file archive and the
 * NAS-Bench-201 {@code .pth} files (both streamed). Every architecture is checked against the
 * official index order, and a store is written atomically or not at all.
 */
package org.nb201.bench.importer;

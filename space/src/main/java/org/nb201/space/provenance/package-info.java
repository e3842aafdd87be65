/**
 * Provenance: one model of where a result came from, shared by every module. A
 * {@link org.nb201.space.provenance.Provenance} names the tool version, when the result was made,
 * its configuration and seeds, the {@link org.nb201.space.provenance.Input inputs} with their
 * checksums (data files, source files, the store a search read), the
 * {@link org.nb201.space.provenance.Machine machine} and, where a deep-learning engine computed it,
 * the {@link org.nb201.space.provenance.Backend engine}. The library attaches one to every trial,
 * store import and search summary it returns; {@code toMap()} is its stable JSON form.
 */
package org.nb201.space.provenance;

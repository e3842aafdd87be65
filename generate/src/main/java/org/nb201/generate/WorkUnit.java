package org.nb201.generate;

/**
 * One unit of work of an output directory: a trial to train ({@link TrialSpec}) or a chunk of
 * training-free scores. Its id is a 16-hex-digit content hash: it names the result file
 * ({@code results/<id>.json}), the ledger lines and the unit's lock ({@link TrialLocks}).
 */
public interface WorkUnit {
  /** The content hash, 16 lowercase hex digits. */
  String id();
}

/**
 * The benchmark data model and store: per architecture, dataset, hp and seed, the per-epoch
 * metrics of every split, plus costs and provenance (spec 5), and the query API with the official
 * semantics (spec 6). Never depends on DJL.
 */
package org.nb201.bench;

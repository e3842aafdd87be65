/**
 * Search-run folders: what {@code nb201 search --out DIR} writes (the configuration and
 * provenance with the store's checksum, one result line per run, every run's anytime curve) and
 * how analyses read it back. The format is documented in {@code docs/search-runs.md}.
 */
package org.nb201.search.runs;

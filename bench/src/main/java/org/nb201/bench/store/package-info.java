/**
 * The benchmark store: one DuckDB file with a documented, versioned schema that any language can
 * read ({@code docs/store-format.md}), the atomic {@link org.nb201.bench.store.StoreWriter}, the
 * read-only {@link org.nb201.bench.store.Store}, and tidy CSV / Parquet import and export.
 */
package org.nb201.bench.store;

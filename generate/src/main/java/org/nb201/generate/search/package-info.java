/**
 * Weight-sharing searches as trials of a plan ({@code nb201 plan --search}): a content-addressed
 * {@link org.nb201.generate.search.SearchTrial} per (method, dataset, seed, settings), run by the
 * resumable machinery of {@code generate} with a resumable run folder per search, one checked result
 * file per search, and collection into a store's {@code searches} table.
 */
package org.nb201.generate.search;

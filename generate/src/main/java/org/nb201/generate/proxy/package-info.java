/**
 * Resumable runs of training-free scores ({@code nb201 proxies}): a job ({@link
 * org.nb201.generate.proxy.ProxyJob}), its plan of chunks, one checked result file per chunk, the
 * shared worker pool and ledger of {@code generate}, and collection into a store's {@code proxies} table.
 */
package org.nb201.generate.proxy;

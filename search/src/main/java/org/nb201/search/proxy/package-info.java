/**
 * Search and analysis with training-free scores read from a store's {@code proxies} table:
 * training-free search ({@link org.nb201.search.proxy.ProxySearch}, NASWOT's protocol) and REA with
 * a zero-cost warm-up ({@link org.nb201.search.proxy.ProxyWarmup}). How well the scores rank cells
 * is an analysis ({@code nb201 analyze proxies}, module {@code analysis}). Never depends on DJL.
 */
package org.nb201.search.proxy;

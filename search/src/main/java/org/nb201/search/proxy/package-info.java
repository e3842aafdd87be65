/**
 * Search and analysis with training-free scores read from a store's {@code proxies} table:
 * training-free search ({@link org.nb201.search.proxy.ProxySearch}, NASWOT's protocol), REA with a
 * zero-cost warm-up ({@link org.nb201.search.proxy.ProxyWarmup}), and rank correlations of proxies
 * with benchmark metrics ({@link org.nb201.search.proxy.ProxyAnalysis}). Never depends on DJL.
 */
package org.nb201.search.proxy;

/**
 * Training-free scores of cells ("zero-cost proxies", NASWOT): {@link org.nb201.train.proxy.Proxy}
 * names them after the authors' code, {@link org.nb201.train.proxy.ProxyConfig} fixes what they
 * depend on (network, seed, batch), {@link org.nb201.train.proxy.ZeroCost} computes them on the
 * exact benchmark network at initialisation. Tested against an independent plain-PyTorch script.
 */
package org.nb201.train.proxy;

/**
 * The NAS-Bench-201 weight-sharing supernet (AutoDL-Projects {@code xautodl/models/cell_searchs/}):
 * the benchmark's macro skeleton with a {@link org.nb201.train.supernet.SearchCell} holding all five
 * ops on every edge in all 3N positions, one architecture tensor alpha (6 edges x 5 ops) shared by
 * every cell, and the edge weighting of a forward pass as a small swappable type
 * ({@link org.nb201.train.supernet.EdgeWeighting}: softmax mixture, hard Gumbel sample, one given
 * path, a new random path per pass).
 */
package org.nb201.train.supernet;

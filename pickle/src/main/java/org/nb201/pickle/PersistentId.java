package org.nb201.pickle;

/**
 * A persistent id (PERSID/BINPERSID) left unresolved: {@code torch.save} uses one per tensor
 * storage, e.g. {@code ('storage', torch.FloatStorage, '0', 'cpu', 16)}. Only produced when the
 * profile allows persistent ids.
 */
public record PersistentId(Object id) {
}

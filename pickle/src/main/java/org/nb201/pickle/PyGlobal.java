package org.nb201.pickle;

/**
 * A reference to an allow-listed Python global, as pushed by GLOBAL/STACK_GLOBAL. It is only a
 * name: it cannot be called, and appears in results only where a pickle stores a class itself
 * (e.g. {@code torch.FloatStorage} inside a persistent id).
 */
public record PyGlobal(String module, String name) {
  /** {@code module.name}. */
  public String qualifiedName() {
    return module + "." + name;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}

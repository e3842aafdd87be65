package org.nb201.pickle;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a pickle of one file format may contain: the allow-listed globals (by qualified name, e.g.
 * {@code collections.OrderedDict}) with the kind of data each produces, whether persistent ids
 * (torch storages) are accepted, and the resource limits. Immutable; build variants with
 * {@link #toBuilder()}.
 */
public final class PickleProfile {
  /** Default cap on container nesting depth. */
  public static final int DEFAULT_MAX_DEPTH = 256;
  /** Default cap on the number of values on the unpickling stack. */
  public static final int DEFAULT_MAX_STACK = 1 << 20;
  /** Default cap on one declared string, bytes or integer length (256 MiB). */
  public static final long DEFAULT_MAX_LENGTH = 256L << 20;

  private static final PickleProfile PLAIN = builder().build();
  private static final PickleProfile TORCH_SAVE = builder()
      .allow("collections.OrderedDict", GlobalKind.ORDERED_DICT)
      .allow("_codecs.encode", GlobalKind.CODECS_ENCODE)
      .allow("torch._utils._rebuild_tensor_v2", GlobalKind.DATA_OBJECT)
      .allow("torch.FloatStorage", GlobalKind.DATA_OBJECT)
      .allow("torch.DoubleStorage", GlobalKind.DATA_OBJECT)
      .allow("torch.LongStorage", GlobalKind.DATA_OBJECT)
      .allow("torch.IntStorage", GlobalKind.DATA_OBJECT)
      .optPersistentIds(true)
      .build();

  private final Map<String, GlobalKind> globals;
  private final boolean persistentIds;
  private final int maxDepth;
  private final int maxStack;
  private final long maxLength;

  private PickleProfile(Builder b) {
    this.globals = Collections.unmodifiableMap(new TreeMap<>(b.globals));
    this.persistentIds = b.persistentIds;
    this.maxDepth = b.maxDepth;
    this.maxStack = b.maxStack;
    this.maxLength = b.maxLength;
  }

  /** Plain data only: no globals, no persistent ids (e.g. NATS {@code meta.pickle.pbz2}). */
  public static PickleProfile plainData() {
    return PLAIN;
  }

  /**
   * What {@code torch.save} writes for tensors in plain containers, read through {@link TorchFile}:
   * {@code collections.OrderedDict} (state dicts, and the hooks argument of every tensor),
   * {@code _codecs.encode} (bytes under protocol 2, torch's default), the tensor rebuild helper and
   * the four storage types {@link TorchFile} decodes, with persistent ids accepted. A format that
   * stores more (its own classes, numpy scalars) extends it with {@link #toBuilder()}.
   */
  public static PickleProfile torchSave() {
    return TORCH_SAVE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this profile. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.globals.putAll(globals);
    b.persistentIds = persistentIds;
    b.maxDepth = maxDepth;
    b.maxStack = maxStack;
    b.maxLength = maxLength;
    return b;
  }

  /** The kind of the global {@code module.name}, or {@code null} when it is not allowed. */
  public GlobalKind kindOf(String module, String name) {
    return globals.get(module + "." + name);
  }

  /** The allowed qualified names, sorted. */
  public Set<String> allowedGlobals() {
    return globals.keySet();
  }

  /** Whether PERSID/BINPERSID are accepted (they yield {@link PersistentId} values). */
  public boolean allowsPersistentIds() {
    return persistentIds;
  }

  /** Deepest allowed container nesting. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Most values allowed on the unpickling stack at once. */
  public int maxStack() {
    return maxStack;
  }

  /** Longest allowed declared string, bytes or integer length, in bytes. */
  public long maxLength() {
    return maxLength;
  }

  @Override
  public String toString() {
    return "PickleProfile" + globals.keySet() + (persistentIds ? " + persistent ids" : "")
        + " maxDepth=" + maxDepth + " maxStack=" + maxStack + " maxLength=" + maxLength;
  }

  /** Builds a {@link PickleProfile}; limits default to the {@code DEFAULT_*} constants. */
  public static final class Builder {
    private final Map<String, GlobalKind> globals = new TreeMap<>();
    private boolean persistentIds;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxStack = DEFAULT_MAX_STACK;
    private long maxLength = DEFAULT_MAX_LENGTH;

    private Builder() {
    }

    /** Allows the global with this qualified name ({@code module.name}) as {@code kind}. */
    public Builder allow(String qualifiedName, GlobalKind kind) {
      if (qualifiedName == null || qualifiedName.indexOf('.') <= 0 || kind == null) {
        throw new IllegalArgumentException("expected 'module.name' and a kind, got " + qualifiedName);
      }
      globals.put(qualifiedName, kind);
      return this;
    }

    /**
     * Allows numpy scalars as pickled by numpy 1 and 2: {@code numpy.core.multiarray.scalar},
     * {@code numpy._core.multiarray.scalar} and the {@code numpy.dtype} they carry.
     */
    public Builder allowNumpyScalars() {
      return allow("numpy.core.multiarray.scalar", GlobalKind.NUMPY_SCALAR)
          .allow("numpy._core.multiarray.scalar", GlobalKind.NUMPY_SCALAR)
          .allow("numpy.dtype", GlobalKind.NUMPY_DTYPE);
    }

    /**
     * Allows numpy arrays as pickled for protocols 0-4 by numpy 1 and 2:
     * {@code numpy.core.multiarray._reconstruct}, {@code numpy._core.multiarray._reconstruct},
     * {@code numpy.ndarray}, {@code numpy.dtype}, and {@code _codecs.encode}, in which Python 3
     * stores the raw data under protocol 2.
     */
    public Builder allowNumpyArrays() {
      return allow("numpy.core.multiarray._reconstruct", GlobalKind.NUMPY_ARRAY)
          .allow("numpy._core.multiarray._reconstruct", GlobalKind.NUMPY_ARRAY)
          .allow("numpy.ndarray", GlobalKind.NUMPY_NDARRAY)
          .allow("numpy.dtype", GlobalKind.NUMPY_DTYPE)
          .allow("_codecs.encode", GlobalKind.CODECS_ENCODE);
    }

    public Builder optPersistentIds(boolean allowed) {
      this.persistentIds = allowed;
      return this;
    }

    public Builder optMaxDepth(int depth) {
      this.maxDepth = depth;
      return this;
    }

    public Builder optMaxStack(int entries) {
      this.maxStack = entries;
      return this;
    }

    public Builder optMaxLength(long bytes) {
      this.maxLength = bytes;
      return this;
    }

    public PickleProfile build() {
      if (maxDepth < 1 || maxDepth > 1_000) {
        throw new IllegalArgumentException("maxDepth must be 1..1000, got " + maxDepth);
      }
      if (maxStack < 1) {
        throw new IllegalArgumentException("maxStack must be positive, got " + maxStack);
      }
      if (maxLength < 0) {
        throw new IllegalArgumentException("maxLength must be >= 0, got " + maxLength);
      }
      return new PickleProfile(this);
    }
  }
}

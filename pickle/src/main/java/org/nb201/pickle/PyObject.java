package org.nb201.pickle;

import java.util.Map;

/**
 * The inert record of an allow-listed {@link GlobalKind#DATA_OBJECT} being instantiated or called
 * (REDUCE, NEWOBJ, NEWOBJ_EX): which global, with which arguments, and the state a later BUILD gave
 * it. Nothing is executed; interpreting the record is up to the format reader.
 */
public final class PyObject {
  private final PyGlobal type;
  private final PyTuple args;
  private final Map<Object, Object> kwargs;
  private Object state;

  PyObject(PyGlobal type, PyTuple args, Map<Object, Object> kwargs) {
    this.type = type;
    this.args = args;
    this.kwargs = kwargs;
  }

  /** The global that was called or instantiated. */
  public PyGlobal type() {
    return type;
  }

  /** The positional arguments. */
  public PyTuple args() {
    return args;
  }

  /** The keyword arguments (NEWOBJ_EX only; otherwise empty). */
  public Map<Object, Object> kwargs() {
    return kwargs;
  }

  /** The BUILD state (usually the instance dict), or {@code null} when none was given. */
  public Object state() {
    return state;
  }

  void setState(Object state) {
    this.state = state;
  }

  @Override
  public String toString() {
    return type + args.toString() + (state == null ? "" : " state=" + state);
  }
}

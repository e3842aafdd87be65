package org.nb201.pickle;

import static org.nb201.pickle.Opcodes.*;

import java.math.BigInteger;

/**
 * The cheap protocol-0 opcodes (INT, LONG, FLOAT, PUT, GET, whose argument is a decimal line) and
 * the explicit rejection of everything else the reader does not support.
 */
final class TextOpcodes {
  private TextOpcodes() {
  }

  static void run(int op, PickleInput in, PickleStack stack) throws PickleException {
    switch (op) {
      case INT -> stack.push(parseInt(in, in.line("INT argument")));
      case LONG -> {
        String s = in.line("LONG argument");
        stack.push(parseInteger(in, s.endsWith("L") ? s.substring(0, s.length() - 1) : s));
      }
      case FLOAT -> stack.push(parseFloat(in, in.line("FLOAT argument")));
      case PUT -> stack.memoPut(parseIndex(in, in.line("PUT argument")), stack.peek());
      case GET -> stack.push(stack.memoGet(parseIndex(in, in.line("GET argument"))));
      case STRING, UNICODE -> throw in.error("text-protocol string opcodes are not supported");
      case INST, OBJ -> throw in.error("protocol-0/1 instance creation is not supported");
      case EXT1, EXT2, EXT4 -> throw in.error("extension registry codes are not supported");
      case NEXT_BUFFER, READONLY_BUFFER -> throw in.error("out-of-band buffers are not supported");
      default -> throw in.error("unknown opcode");
    }
  }

  private static Object parseInt(PickleInput in, String s) throws PickleException {
    // Protocol 0 spells booleans as INT 01 / 00.
    if (s.equals("01")) {
      return Boolean.TRUE;
    } else if (s.equals("00")) {
      return Boolean.FALSE;
    }
    return parseInteger(in, s);
  }

  private static Object parseInteger(PickleInput in, String s) throws PickleException {
    if (!s.matches("[+-]?[0-9]{1,4000}")) {
      throw in.error("not a decimal integer: '" + Texts.clip(s) + "'");
    }
    return Unpickler.normalize(new BigInteger(s));
  }

  private static long parseIndex(PickleInput in, String s) throws PickleException {
    if (!s.matches("[0-9]{1,10}")) {
      throw in.error("not a memo index: '" + Texts.clip(s) + "'");
    }
    return Long.parseLong(s);
  }

  private static Double parseFloat(PickleInput in, String s) throws PickleException {
    switch (s) {
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        if (!s.matches("[+-]?(?:[0-9]++(?:\\.[0-9]*+)?|\\.[0-9]++)(?:[eE][+-]?[0-9]++)?")) {
          throw in.error("not a float: '" + Texts.clip(s) + "'");
        }
        return Double.parseDouble(s);
    }
  }
}

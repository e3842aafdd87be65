package org.nb201.bench.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nb201.space.Messages;

/**
 * Reads a CSV file line by line into fields: comma separated, optional double quotes with
 * {@code ""} as an escaped quote (RFC 4180), one record per line (quoted line breaks are not
 * supported; no field of the tidy formats needs them). Tracks the 1-based line number.
 */
final class CsvLines implements AutoCloseable {
  private final Path file;
  private final BufferedReader in;
  private long line;

  CsvLines(Path file) throws IOException {
    this.file = file;
    try {
      this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The next record's fields, or {@code null} at the end; blank lines yield an empty list. */
  List<String> next() throws IOException {
    String s;
    try {
      s = in.readLine();
    } catch (IOException e) {
      throw failure(e);
    }
    if (s == null) {
      return null;
    }
    line++;
    if (line == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    return s.isBlank() ? List.of() : split(s);
  }

  /** Line number of the record last returned. */
  long line() {
    return line;
  }

  /** Splits one record; an unterminated quote is reported as a field starting with a NUL marker. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>(12);
    int i = 0;
    int n = s.length();
    while (true) {
      if (i < n && s.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char c = s.charAt(i++);
          if (c == '"') {
            if (i < n && s.charAt(i) == '"') {
              sb.append('"');
              i++;
            } else {
              closed = true;
              break;
            }
          } else {
            sb.append(c);
          }
        }
        if (!closed) {
          out.add("\0unterminated quote");
          return out;
        }
        out.add(sb.toString());
        while (i < n && s.charAt(i) != ',') {
          i++;
        }
      } else {
        int comma = s.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        out.add(s.substring(i, end).strip());
        i = end;
      }
      if (i >= n) {
        return out;
      }
      i++; // skip the comma
      if (i == n) {
        out.add("");
        return out;
      }
    }
  }

  /** A read failure naming the file and the problem (bytes are decoded ahead: a bad byte is at or after the line). */
  private IOException failure(IOException e) {
    String where = e instanceof CharacterCodingException && line > 0 ? " at or after line " + (line + 1) : "";
    return new IOException("cannot read " + file + ": " + Messages.reason(file, e) + where + "; expected a UTF-8 CSV"
        + " file", e);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

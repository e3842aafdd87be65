package org.nb201.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.nb201.space.Decimals;
import org.nb201.space.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nb201} entry point: NAS-Bench-201 in one fast, safe tool. */
@Command(
    name = "nb201",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "NAS-Bench-201 in Java: search space, benchmark store and queries, training, generation, search.",
    subcommands = {
      DemoCommand.class,
      SpaceCommand.class,
      InfoCommand.class, QueryCommand.class, BestCommand.class, ExportCommand.class, ImportCommand.class,
      TrainCommand.class,
      PlanCommand.class,
      GenerateCommand.class,
      VerifyCommand.class,
      CollectCommand.class,
      ClusterCommand.class,
      SearchCommand.class,
      ParetoCommand.class,
      ParetoSearchCommand.class,
      ProxiesCommand.class,
      AnalyzeCommand.class,
      ReportCommand.class,
      WorkerCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Nb201 implements Runnable {
  static {
    // DJL's CUDA probe and engine banner are noise on the command line; NB201_DEBUG keeps them
    if (System.getenv("NB201_DEBUG") == null && System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line with nb201's error handling: one line on stderr, exit code 2 for user mistakes. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Nb201());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(Errors::onParameterException);
    cl.setExecutionExceptionHandler(Errors::onExecutionException);
    cl.registerConverter(Path.class, Nb201::path);
    // every number option takes plain decimals only: Double.valueOf would also take NaN, Infinity and 0x1p5
    cl.registerConverter(Double.class, Nb201::decimal);
    cl.registerConverter(Double.TYPE, Nb201::decimal);
    return cl;
  }

  /** A path argument; an empty one would silently mean the current folder. */
  static Path path(String s) {
    if (s.isBlank()) {
      throw new CommandLine.TypeConversionException("empty path; expected a file or folder name");
    }
    return Path.of(s);
  }

  private static Double decimal(String text) {
    try {
      return Decimals.parse(text);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException(e.getMessage() + "; expected a number such as 12000 or 0.5");
    }
  }

  /** Runs {@code args} and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, () -> null, args);
  }

  /**
   * Runs {@code args}; a command whose output could not be written to {@code out} (a full disk, a closed pipe)
   * fails with one line naming {@code why} and exit code 1, as {@link PrintWriter} itself never throws.
   */
  static int run(PrintWriter out, PrintWriter err, Supplier<String> why, String... args) {
    int code;
    try {
      code = commandLine(out, err).execute(args);
    } finally {
      out.flush();
    }
    if (out.checkError()) {
      String reason = why.get();
      err.println("nb201: error: cannot write to standard output" + (reason == null ? "" : ": " + reason)
          + "; the output is incomplete");
      code = code == 0 ? Errors.INTERNAL_ERROR : code;
    }
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    // standard output without System.out's PrintStream, which would swallow the write errors
    Stdout stdout = new Stdout(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8),
        1 << 16));
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, stdout::failure, args));
  }

  /** Standard output that remembers why its first write failed. */
  private static final class Stdout extends FilterOutputStream {
    private volatile String failure;

    Stdout(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    private void remember(IOException e) {
      if (failure == null) {
        failure = Messages.reason(null, e);
      }
    }

    String failure() {
      return failure;
    }
  }
}

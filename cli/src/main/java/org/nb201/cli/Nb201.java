package org.nb201.cli;

import java.io.PrintWriter;
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
      ProxiesCommand.class,
      AnalyzeCommand.class,
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
    return cl;
  }

  /** Runs {@code args} and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      return commandLine(out, err).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.BufferedWriter(
        new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, args));
  }
}

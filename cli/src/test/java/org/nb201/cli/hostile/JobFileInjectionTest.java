package org.nb201.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.cli.Nb201;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Hostile values for {@code nb201 cluster slurm} and {@code cluster k8s}: names that would inject a
 * line are refused with one line naming the option; paths that carry shell and YAML syntax produce
 * a job file that parses (bash, sbatch's {@code #SBATCH} quoting read by Python's shlex, SnakeYAML)
 * and runs with exactly the intended arguments, and no injected command ever runs.
 */
class JobFileInjectionTest {
  @TempDir Path tmp;
  private Path plan;
  private Path marker;
  private Path recorder;

  /** One CLI run, captured. */
  private record Run(int code, String out, String err) {}

  private static Run nb201(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Nb201.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void planAndRecorder() throws Exception {
    plan = tmp.resolve("plan.jsonl");
    Run p = nb201("plan", "--archs", "1,2,3", "--datasets", "fashion-mnist", "--hp", "1", "--seeds", "777", "--out",
        plan.toString());
    assertThat(p.code()).as(p.err()).isZero();
    marker = tmp.resolve("INJECTED");
    // stands in for nb201 on the compute node: writes its arguments, NUL-separated, to $RECORD
    recorder = tmp.resolve("bin").resolve("nb201");
    Files.createDirectories(recorder.getParent());
    Files.writeString(recorder, "#!/bin/sh\nprintf '%s\\0' \"$@\" > \"$RECORD\"\n");
    Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Values that are code in a shell or structure in YAML. */
  private List<String> injections() {
    String m = marker.toString();
    return List.of("x\ntouch " + m, "$(touch " + m + ")", "`touch " + m + "`", "x; touch " + m, "x' ; touch " + m
        + " '", "x\" ; touch " + m + " \"", "img:1\n  securityContext: {privileged: true}", "{a: b}", "a: b",
        "# c", "- x", "x\r\ny");
  }

  @Test
  void slurmRefusesNamesPartitionsAndTimesThatAreNotSlurmValues() {
    Path script = tmp.resolve("job.sbatch");
    for (String bad : injections()) {
      for (String option : List.of("--job-name", "--partition", "--time")) {
        Run r = nb201("cluster", "slurm", "--plan", plan.toString(), "--out", tmp.resolve("out").toString(),
            "--array", "2", option, bad, "--script", script.toString());
        assertThat(r.code()).as(option + " " + bad).isEqualTo(2);
        assertThat(r.err()).as(option + " " + bad).startsWith("nb201: error: " + option + " '").contains("expected")
            .hasLineCount(1);
        assertThat(script).doesNotExist();
      }
    }
    for (String option : List.of("--out", "--nb201", "--data-dir")) {
      Map<String, String> o = new LinkedHashMap<>(Map.of("--out", tmp.resolve("out").toString()));
      o.put(option, "x\ntouch " + marker);
      List<String> a = new ArrayList<>(List.of("cluster", "slurm", "--plan", plan.toString(), "--array", "2",
          "--script", script.toString()));
      o.forEach((k, v) -> a.addAll(List.of(k, v)));
      Run r = nb201(a.toArray(String[]::new));
      assertThat(r.code()).as(option).isEqualTo(2);
      assertThat(r.err()).as(option).startsWith("nb201: error: " + option + " '").contains("x\\ntouch ")
          .contains("control characters").hasLineCount(1);
      assertThat(script).doesNotExist();
    }
    Run ok = nb201("cluster", "slurm", "--plan", plan.toString(), "--out", tmp.resolve("out").toString(), "--array",
        "2", "--job-name", "nb201.run_2+x-y", "--partition", "debug,gpu_a100", "--time", "1-12:30:00", "--script",
        script.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
  }

  @Test
  void slurmScriptWithHostilePathsParsesAndRunsExactlyTheIntendedCommand() throws Exception {
    String m = marker.toString();
    Path out = tmp.resolve("o u t $(touch " + m + ") `touch " + m + "`; touch " + m + " ' \" # %x {a: b}");
    Path data = tmp.resolve("d$(touch " + m + ")'\"#");
    Path splits = tmp.resolve("s; touch " + m);
    Path script = tmp.resolve("job.sbatch");
    Run r = nb201("cluster", "slurm", "--plan", plan.toString(), "--out", out.toString(), "--array", "3",
        "--cpus-per-task", "2", "--partition", "debug", "--time", "10:00", "--nb201", recorder.toString(),
        "--data-dir", data.toString(), "--split-dir", splits.toString(), "--script", script.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(sh(List.of("bash", "-n", script.toString()), Map.of()).exit).as("bash -n").isZero();

    // the #SBATCH lines, read with sbatch's quoting rules (quotes, backslash, '#' comment) by Python's shlex
    Map<String, String> directives = sbatchDirectives(script);
    assertThat(directives).containsExactly(Map.entry("--job-name", "nb201"), Map.entry("--array", "0-2"),
        Map.entry("--ntasks", "1"), Map.entry("--cpus-per-task", "2"), Map.entry("--partition", "debug"),
        Map.entry("--time", "10:00"),
        Map.entry("--output", out.resolve("logs").toString().replace("%", "%%") + "/slurm-%A_%a.out"));

    // a dry run of the script as task 1 of the array: nb201 is the recorder
    Path record = tmp.resolve("args.bin");
    Sh dry = sh(List.of("bash", script.toString()), Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_CPUS_PER_TASK", "2",
        "RECORD", record.toString()));
    assertThat(dry.exit).as(dry.output).isZero();
    List<String> expected = List.of("generate", "--plan", plan.toString(), "--out", out.toString(), "--shard", "1/3",
        "--workers", "1", "--threads-per-worker", "2", "--quiet", "--data-dir", data.toString(), "--split-dir",
        splits.toString());
    assertThat(recorded(record)).containsExactlyElementsOf(expected);
    assertThat(out.resolve("logs")).isDirectory();
    assertThat(marker).as("an injected command ran").doesNotExist();

    if (!slurmUp()) {
      System.out.println("Slurm is not running (start it with .ci/slurm-up): sbatch --test-only and the real job"
          + " with hostile paths skipped");
      return;
    }
    Sh test = sh(List.of("sbatch", "--test-only", script.toString()), Map.of());
    assertThat(test.exit).as(test.output).isZero();
    assertThat(test.output).contains("to start at");
    Files.delete(record);
    Sh submit = sh(List.of("sbatch", "--parsable", script.toString()), Map.of("RECORD", record.toString()));
    assertThat(submit.exit).as(submit.output).isZero();
    String job = submit.output.strip().split(";")[0];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!sh(List.of("squeue", "-h", "-j", job), Map.of()).output.isBlank() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    for (int task = 0; task < 3; task++) {
      assertThat(out.resolve("logs").resolve("slurm-" + job + "_" + task + ".out")).as("Slurm log of task " + task)
          .exists();
    }
    List<String> args = recorded(record);
    assertThat(args).hasSize(expected.size());
    assertThat(args.get(6)).matches("[0-2]/3");
    assertThat(args.subList(0, 6)).containsExactlyElementsOf(expected.subList(0, 6));
    assertThat(args.subList(7, args.size())).containsExactlyElementsOf(expected.subList(7, expected.size()));
    assertThat(marker).as("an injected command ran under Slurm").doesNotExist();
  }

  @Test
  void kubernetesRefusesNamesAndImagesThatKubernetesWouldNot() {
    Path manifest = tmp.resolve("job.yaml");
    List<String> names = new ArrayList<>(injections());
    names.addAll(List.of("Upper", "a_b", "-lead", "trail-", "a".repeat(64), "a b", ""));
    for (String bad : names) {
      for (String option : List.of("--job-name", "--claim", "--image")) {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--image", "img:1", "--claim", "work", "--job-name", "j"));
        o.put(option, bad);
        boolean validThere = bad.equals("a".repeat(64)) && !option.equals("--job-name")
            || bad.equals("a_b") && option.equals("--image");
        if (validThere) {
          continue; // valid there: only a job name is a 63-character label, and an image path may hold '_'
        }
        Run r = k8s(manifest, o, List.of());
        assertThat(r.code()).as(option + " " + bad).isEqualTo(2);
        assertThat(r.err()).as(option + " " + bad).startsWith("nb201: error: " + option + " '").contains("expected")
            .hasLineCount(1);
        assertThat(manifest).doesNotExist();
      }
    }
    for (String option : List.of("--out-in-volume", "--plan-in-volume", "--data-dir")) {
      Run r = k8s(manifest, Map.of("--image", "img:1", "--claim", "work"), List.of(option, "x\n- touch " + marker));
      assertThat(r.code()).as(option).isEqualTo(2);
      assertThat(r.err()).as(option).contains("control characters").hasLineCount(1);
    }
    Run abs = k8s(manifest, Map.of("--image", "img:1", "--claim", "work"), List.of("--out-in-volume", "/etc"));
    assertThat(abs.err()).contains("--out-in-volume '/etc' must be relative to the volume");
    for (String image : List.of("nb201", "nb201:0.1.0", "registry.example.org/team/nb201:0.1.0",
        "localhost:5000/nb201_x", "[::1]:5000/a/b:c", "ghcr.io/a/b@sha256:" + "0123456789abcdef".repeat(4))) {
      Run r = k8s(manifest, Map.of("--image", image, "--claim", "nb201-work.x"), List.of("--force"));
      assertThat(r.code()).as(image + ": " + r.err()).isZero();
    }
  }

  @Test
  void kubernetesManifestWithHostileValuesParsesToExactlyTheIntendedFields() throws Exception {
    String m = marker.toString();
    String planIn = "p $(touch " + m + ").jsonl";
    String outIn = "x; touch " + m + " # {a: b} - c: 'q' \"d\"";
    String dataDir = "$(id) $$x $(JOB_COMPLETION_INDEX) `touch " + m + "` \\ #c: - {a}";
    Path manifest = tmp.resolve("job.yaml");
    Run r = k8s(manifest, Map.of("--image", "registry.example.org/nb201:0.1.0", "--claim", "nb201-work",
        "--job-name", "nb201-gen"), List.of("--plan-in-volume", planIn, "--out-in-volume", outIn, "--data-dir",
        dataDir, "--completions", "4", "--cpus-per-task", "2"));
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(manifest));
    assertThat(doc).containsOnlyKeys("apiVersion", "kind", "metadata", "spec");
    assertThat(get(doc, "metadata")).isEqualTo(Map.of("name", "nb201-gen"));
    Map<String, Object> pod = get(get(get(doc, "spec"), "template"), "spec");
    assertThat(pod).containsOnlyKeys("restartPolicy", "containers", "volumes");
    List<Map<String, Object>> containers = list(pod.get("containers"));
    assertThat(containers).hasSize(1);
    Map<String, Object> c = containers.get(0);
    assertThat(c).containsOnlyKeys("name", "image", "command", "args", "resources", "volumeMounts");
    assertThat(c.get("image")).isEqualTo("registry.example.org/nb201:0.1.0");
    assertThat(c.get("command")).isEqualTo(List.of("sh", "-c"));
    List<Map<String, Object>> volumes = list(pod.get("volumes"));
    assertThat(volumes).isEqualTo(List.of(Map.of("name", "work", "persistentVolumeClaim",
        Map.of("claimName", "nb201-work"))));
    List<Object> args = list(c.get("args"));
    assertThat(args).hasSize(1);

    // what the container runs: Kubernetes' $(VAR) expansion, then sh -c with the recorder as nb201
    String line = kubernetesExpand((String) args.get(0), Map.of("JOB_COMPLETION_INDEX", "2"));
    Path record = tmp.resolve("args.bin");
    Sh run = sh(List.of("sh", "-c", line), Map.of("PATH", recorder.getParent() + ":" + System.getenv("PATH"),
        "JOB_COMPLETION_INDEX", "2", "RECORD", record.toString()));
    assertThat(run.exit).as(run.output).isZero();
    assertThat(recorded(record)).containsExactly("generate", "--plan", "/work/" + planIn, "--out", "/work/" + outIn,
        "--shard", "2/4", "--workers", "1", "--threads-per-worker", "2", "--quiet", "--data-dir", dataDir);
    assertThat(marker).as("an injected command ran").doesNotExist();
  }

  private Run k8s(Path manifest, Map<String, String> options, List<String> extra) {
    List<String> a = new ArrayList<>(List.of("cluster", "k8s", "--plan", plan.toString(), "--manifest",
        manifest.toString()));
    if (!extra.contains("--completions")) {
      a.addAll(List.of("--completions", "2"));
    }
    options.forEach((k, v) -> a.addAll(List.of(k, v)));
    a.addAll(extra);
    return nb201(a.toArray(String[]::new));
  }

  /**
   * Kubernetes' expansion of a container's command and args, as its API reference states it:
   * {@code $$} becomes {@code $}, {@code $(NAME)} becomes the variable's value when it is defined and
   * stays as it is otherwise.
   */
  private static String kubernetesExpand(String s, Map<String, String> env) {
    Matcher mt = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (mt.find()) {
      String rep = mt.group().equals("$$") ? "$" : env.getOrDefault(mt.group(1), mt.group());
      mt.appendReplacement(sb, Matcher.quoteReplacement(rep));
    }
    return mt.appendTail(sb).toString();
  }

  /** The {@code #SBATCH} options of a script, parsed by {@code /usr/bin/python3}'s shlex (POSIX mode, comments). */
  private Map<String, String> sbatchDirectives(Path script) throws Exception {
    String py = String.join("\n",
        "import shlex, sys",
        "for line in open(sys.argv[1], encoding='utf-8'):",
        "    if line.startswith('#SBATCH'):",
        "        for word in shlex.split(line[len('#SBATCH'):], comments=True):",
        "            sys.stdout.buffer.write(word.encode('utf-8') + b'\\0')");
    Sh p = sh(List.of("/usr/bin/python3", "-c", py, script.toString()), Map.of());
    assertThat(p.exit).as(p.output).isZero();
    Map<String, String> d = new LinkedHashMap<>();
    for (String word : p.output.split("\0")) {
      int eq = word.indexOf('=');
      d.put(word.substring(0, eq), word.substring(eq + 1));
    }
    return d;
  }

  private static List<String> recorded(Path record) throws Exception {
    String s = Files.readString(record, StandardCharsets.UTF_8);
    assertThat(s).endsWith("\0");
    return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
  }

  private record Sh(int exit, String output) {}

  private Sh sh(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(cmd + " timed out");
    }
    return new Sh(p.exitValue(), output);
  }

  private boolean slurmUp() {
    try {
      Sh s = sh(List.of("timeout", "5", "sinfo", "-h", "-o", "%T"), Map.of());
      return s.exit == 0 && s.output.lines().anyMatch(l -> l.equals("idle") || l.equals("mixed"));
    } catch (Exception e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> get(Map<String, Object> m, String key) {
    assertThat(m).containsKey(key);
    return (Map<String, Object>) m.get(key);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<T>) o;
  }
}

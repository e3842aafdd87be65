package org.nb201.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Job definitions that run a plan on an existing cluster engine, one array task per shard: a Slurm
 * {@code sbatch} array script (shard = {@code SLURM_ARRAY_TASK_ID}) and a Kubernetes Indexed Job
 * manifest (shard = {@code JOB_COMPLETION_INDEX}). Each task runs {@code nb201 generate --shard k/N};
 * results land in one shared output directory and {@code nb201 verify}/{@code collect} work as locally.
 */
public final class ClusterScripts {
  /** Where the pods mount the claim. */
  private static final String MOUNT = "/work";

  private ClusterScripts() {}

  /**
   * An sbatch script for {@code tasks} array tasks. Every value is checked ({@link JobValues}) and
   * quoted ({@link JobText}); the extra arguments are passed to {@code nb201 generate} word for word.
   *
   * @param nb201 the shell command that starts nb201 on the compute nodes (e.g. the launcher's quoted path)
   * @param generateArgs extra arguments for {@code nb201 generate} (e.g. {@code --data-dir}, {@code /data}), may be
   *     empty
   */
  public static String slurm(String nb201, Path plan, Path out, int tasks, int cpusPerTask, String partition,
      String time, String jobName, List<String> generateArgs) {
    check(tasks, cpusPerTask);
    JobValues.text("--nb201", nb201);
    JobValues.text("--plan", plan.toString());
    JobValues.text("--out", out.toString());
    if (out.toString().contains("\\")) {
      // a backslash in --output turns off Slurm's %A/%a file name patterns (sbatch(1), "filename pattern")
      throw new IllegalArgumentException("--out " + JobValues.shown(out.toString()) + " holds a backslash, which"
          + " Slurm's --output file name pattern cannot take; expected a path without '\\'");
    }
    JobValues.arguments(generateArgs);
    StringBuilder sb = new StringBuilder();
    sb.append("#!/bin/bash\n");
    sb.append("# nb201 generation as a Slurm job array: task k runs shard k/").append(tasks).append(" of the plan.\n");
    sb.append("# Submit with: sbatch <this file>; check with: nb201 verify --plan ")
        .append(JobText.shell(List.of(plan.toString(), out.toString()))).append('\n');
    directive(sb, "job-name", JobValues.slurmName("--job-name", jobName));
    directive(sb, "array", "0-" + (tasks - 1));
    directive(sb, "ntasks", "1");
    directive(sb, "cpus-per-task", Integer.toString(cpusPerTask));
    if (partition != null && !partition.isBlank()) {
      directive(sb, "partition", JobValues.slurmPartition("--partition", partition));
    }
    if (time != null && !time.isBlank()) {
      directive(sb, "time", JobValues.slurmTime("--time", time));
    }
    // '%' is a pattern character in --output: a literal one in the path is written '%%'
    directive(sb, "output", out.resolve("logs").toString().replace("%", "%%") + "/slurm-%A_%a.out");
    sb.append("set -euo pipefail\n");
    sb.append("mkdir -p ").append(JobText.shell(out.resolve("logs").toString())).append('\n');
    sb.append("exec ").append(nb201).append(' ')
        .append(JobText.shell(List.of("generate", "--plan", plan.toString(), "--out", out.toString())))
        .append(" --shard \"${SLURM_ARRAY_TASK_ID}/").append(tasks)
        .append("\" --workers 1 --threads-per-worker \"${SLURM_CPUS_PER_TASK:-").append(cpusPerTask)
        .append("}\" --quiet").append(generateArgs.isEmpty() ? "" : " " + JobText.shell(generateArgs)).append('\n');
    return sb.toString();
  }

  private static void directive(StringBuilder sb, String option, String value) {
    sb.append("#SBATCH --").append(option).append('=').append(JobText.sbatch(value)).append('\n');
  }

  /**
   * A Kubernetes Indexed Job manifest with {@code tasks} completions. Names and the image are checked
   * against what Kubernetes accepts ({@link JobValues}); every value is a quoted YAML scalar, and the
   * container's {@code sh -c} line is built from shell-quoted words with {@code $} escaped against
   * Kubernetes' {@code $(VAR)} expansion ({@link JobText}).
   *
   * @param image a container image that has nb201 on its PATH (as {@code nb201})
   * @param claim a PersistentVolumeClaim mounted at {@code /work} that holds the plan and the output
   * @param generateArgs extra arguments for {@code nb201 generate} (e.g. {@code --data-dir}, {@code /work/data}),
   *     may be empty
   */
  public static String kubernetes(String image, String claim, String planInVolume, String outInVolume, int tasks,
      int parallelism, int cpusPerTask, String jobName, List<String> generateArgs) {
    check(tasks, cpusPerTask);
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
    }
    JobValues.image("--image", image);
    JobValues.dnsSubdomain("--claim", claim);
    JobValues.dnsLabel("--job-name", jobName);
    JobValues.relative("--plan-in-volume", planInVolume);
    JobValues.relative("--out-in-volume", outInVolume);
    JobValues.arguments(generateArgs);
    List<String> head = List.of("nb201", "generate", "--plan", MOUNT + "/" + planInVolume, "--out",
        MOUNT + "/" + outInVolume);
    List<String> tail = new ArrayList<>(List.of("--workers", "1", "--threads-per-worker",
        Integer.toString(cpusPerTask), "--quiet"));
    tail.addAll(generateArgs);
    // $JOB_COMPLETION_INDEX is for the shell (no parentheses: Kubernetes leaves it alone); user text is escaped
    String line = JobText.kubernetesLiteral(JobText.shell(head)) + " --shard \"$JOB_COMPLETION_INDEX/" + tasks
        + "\" " + JobText.kubernetesLiteral(JobText.shell(tail));
    return String.join("\n",
        "# nb201 generation as a Kubernetes Indexed Job: pod k runs shard k/" + tasks + " of the plan.",
        "# Apply with: kubectl apply -f <this file>",
        "apiVersion: batch/v1",
        "kind: Job",
        "metadata:",
        "  name: " + JobText.yaml(jobName),
        "spec:",
        "  completionMode: Indexed",
        "  completions: " + tasks,
        "  parallelism: " + parallelism,
        "  backoffLimitPerIndex: 3",
        "  template:",
        "    spec:",
        "      restartPolicy: Never",
        "      containers:",
        "        - name: nb201",
        "          image: " + JobText.yaml(image),
        "          command: [\"sh\", \"-c\"]",
        "          args:",
        "            - " + JobText.yaml(line),
        "          resources:",
        "            requests:",
        "              cpu: \"" + cpusPerTask + "\"",
        "          volumeMounts:",
        "            - name: work",
        "              mountPath: " + MOUNT,
        "      volumes:",
        "        - name: work",
        "          persistentVolumeClaim:",
        "            claimName: " + JobText.yaml(claim),
        "");
  }

  private static void check(int tasks, int cpus) {
    if (tasks < 1) {
      throw new IllegalArgumentException("--array must be >= 1, got " + tasks);
    }
    if (cpus < 1) {
      throw new IllegalArgumentException("--cpus-per-task must be >= 1, got " + cpus);
    }
  }
}

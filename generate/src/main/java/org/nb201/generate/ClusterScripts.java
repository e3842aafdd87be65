package org.nb201.generate;

import java.nio.file.Path;

/**
 * Job definitions that run a plan on an existing cluster engine, one array task per shard: a Slurm
 * {@code sbatch} array script (shard = {@code SLURM_ARRAY_TASK_ID}) and a Kubernetes Indexed Job
 * manifest (shard = {@code JOB_COMPLETION_INDEX}). Each task runs {@code nb201 generate --shard k/N};
 * results land in one shared output directory and {@code nb201 verify}/{@code collect} work as locally.
 */
public final class ClusterScripts {
  private ClusterScripts() {}

  /**
   * An sbatch script for {@code tasks} array tasks.
   *
   * @param nb201 the command that starts nb201 on the compute nodes (e.g. the launcher's absolute path)
   * @param generateArgs extra options for {@code nb201 generate} (e.g. {@code --data-dir /data}), may be empty
   */
  public static String slurm(String nb201, Path plan, Path out, int tasks, int cpusPerTask, String partition,
      String time, String jobName, String generateArgs) {
    check(tasks, cpusPerTask);
    StringBuilder sb = new StringBuilder();
    sb.append("#!/bin/bash\n");
    sb.append("# nb201 generation as a Slurm job array: task k runs shard k/").append(tasks).append(" of the plan.\n");
    sb.append("# Submit with: sbatch ").append("<this file>").append("; check with: nb201 verify --plan ")
        .append(plan).append(' ').append(out).append('\n');
    sb.append("#SBATCH --job-name=").append(jobName).append('\n');
    sb.append("#SBATCH --array=0-").append(tasks - 1).append('\n');
    sb.append("#SBATCH --ntasks=1\n");
    sb.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
    if (partition != null && !partition.isBlank()) {
      sb.append("#SBATCH --partition=").append(partition).append('\n');
    }
    if (time != null && !time.isBlank()) {
      sb.append("#SBATCH --time=").append(time).append('\n');
    }
    sb.append("#SBATCH --output=").append(out.resolve("logs")).append("/slurm-%A_%a.out\n");
    sb.append("set -euo pipefail\n");
    sb.append("mkdir -p ").append(q(out.resolve("logs").toString())).append('\n');
    sb.append("exec ").append(nb201).append(" generate --plan ").append(q(plan.toString())).append(" --out ")
        .append(q(out.toString())).append(" --shard \"${SLURM_ARRAY_TASK_ID}/").append(tasks)
        .append("\" --workers 1 --threads-per-worker \"${SLURM_CPUS_PER_TASK:-").append(cpusPerTask)
        .append("}\" --quiet").append(generateArgs == null || generateArgs.isBlank() ? "" : " " + generateArgs.strip())
        .append('\n');
    return sb.toString();
  }

  /**
   * A Kubernetes Indexed Job manifest with {@code tasks} completions.
   *
   * @param image a container image that has nb201 on its PATH (as {@code nb201})
   * @param claim a PersistentVolumeClaim mounted at {@code /work} that holds the plan and the output
   * @param generateArgs extra options for {@code nb201 generate} (e.g. {@code --data-dir /work/data}), may be empty
   */
  public static String kubernetes(String image, String claim, String planInVolume, String outInVolume, int tasks,
      int parallelism, int cpusPerTask, String jobName, String generateArgs) {
    check(tasks, cpusPerTask);
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
    }
    return String.join("\n",
        "# nb201 generation as a Kubernetes Indexed Job: pod k runs shard k/" + tasks + " of the plan.",
        "# Apply with: kubectl apply -f <this file>",
        "apiVersion: batch/v1",
        "kind: Job",
        "metadata:",
        "  name: " + jobName,
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
        "          image: " + image,
        "          command: [\"sh\", \"-c\"]",
        "          args:",
        "            - >-",
        "              nb201 generate --plan /work/" + planInVolume + " --out /work/" + outInVolume
            + " --shard \"$JOB_COMPLETION_INDEX/" + tasks + "\" --workers 1 --threads-per-worker " + cpusPerTask
            + " --quiet" + (generateArgs == null || generateArgs.isBlank() ? "" : " " + generateArgs.strip()),
        "          resources:",
        "            requests:",
        "              cpu: \"" + cpusPerTask + "\"",
        "          volumeMounts:",
        "            - name: work",
        "              mountPath: /work",
        "      volumes:",
        "        - name: work",
        "          persistentVolumeClaim:",
        "            claimName: " + claim,
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

  private static String q(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}

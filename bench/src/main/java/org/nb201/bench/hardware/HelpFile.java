package org.nb201.bench.hardware;

import java.nio.file.Path;
import java.util.List;
import org.nb201.bench.HardwareTable;

/**
 * A HELP per-device file ({@code HayeonLee/HELP data/nasbench201/latency/<device>.pt}): a
 * {@code torch.save} zip whose pickle is a list of 15,625 latencies in ms in the official index
 * order, measured on the CIFAR-10 network. The file does not name its device, so the import does:
 * {@code --device} is required; the dataset defaults to {@code cifar10} and the metric to latency.
 */
final class HelpFile {
  /** The dataset of HELP's NAS-Bench-201 measurements: the CIFAR-10 network. */
  static final String DATASET = "cifar10";

  private HelpFile() {}

  static HardwareTable table(Path file, List<?> values, HardwareSelection s) throws HardwareFormatException {
    if (s.device() == null) {
      throw new HardwareFormatException(file, "holds the values of one device, which the file does not name;"
          + " give it with --device (e.g. --device fpga for HELP's fpga.pt)");
    }
    String metric = s.metric() == null ? "latency" : s.metric();
    String dataset = s.dataset() == null ? DATASET : s.dataset();
    return new HardwareTable(s.device(), dataset, metric, CellValues.of(file, "list", values, metric));
  }
}

package org.nb201.bench.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nb201.bench.nats.NatsArchReader;

/** The allow-lists of the two benchmark formats: exactly the globals their files use, nothing more. */
class PickleProfilesTest {
  @Test
  void natsFilesMayHoldOrderedDictsAndNumpyScalarsOnly() {
    assertThat(NatsArchReader.PICKLE_PROFILE.allowedGlobals()).containsExactly("collections.OrderedDict",
        "numpy._core.multiarray.scalar", "numpy.core.multiarray.scalar", "numpy.dtype");
    assertThat(NatsArchReader.PICKLE_PROFILE.allowsPersistentIds()).isFalse();
  }

  @Test
  void nb201PthFilesAddTorchTensorsAndTheNas201ApiResultClasses() {
    assertThat(Nb201PthImporter.PICKLE_PROFILE.allowedGlobals()).containsExactly("_codecs.encode",
        "collections.OrderedDict", "nas_201_api.api_utils.ArchResults", "nas_201_api.api_utils.ResultsCount",
        "numpy._core.multiarray.scalar", "numpy.core.multiarray.scalar", "numpy.dtype",
        "torch.DoubleStorage", "torch.FloatStorage", "torch.IntStorage", "torch.LongStorage",
        "torch._utils._rebuild_tensor_v2");
    assertThat(Nb201PthImporter.PICKLE_PROFILE.allowsPersistentIds()).isTrue();
  }
}

package org.nb201.pickle;

/**
 * The allow-lists of the two benchmark formats, rebuilt here from the same building blocks so that
 * the reader's tests run against realistic profiles without seeing {@code bench}, which owns the
 * real ones ({@code NatsArchReader.PICKLE_PROFILE}, {@code Nb201PthImporter.PICKLE_PROFILE}).
 */
final class TestProfiles {
  /** The NATS-Bench files: OrderedDict and numpy scalars. */
  static final PickleProfile NATS = PickleProfile.builder()
      .allow("collections.OrderedDict", GlobalKind.ORDERED_DICT)
      .allowNumpyScalars()
      .build();

  /** NAS-Bench-201 {@code .pth} files: torch tensors, numpy scalars and the nas_201_api classes. */
  static final PickleProfile NB201_PTH = PickleProfile.torchSave().toBuilder()
      .allowNumpyScalars()
      .allow("nas_201_api.api_utils.ArchResults", GlobalKind.DATA_OBJECT)
      .allow("nas_201_api.api_utils.ResultsCount", GlobalKind.DATA_OBJECT)
      .build();

  private TestProfiles() {
  }
}

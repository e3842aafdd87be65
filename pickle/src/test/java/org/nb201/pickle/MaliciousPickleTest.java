package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-built hostile pickles: code-execution gadgets and misuse of the calling opcodes. */
class MaliciousPickleTest {
  static AbstractThrowableAssert<?, ? extends Throwable> rejects(byte[] data, PickleProfile profile) {
    return assertThatThrownBy(() -> PickleReader.read(data, profile))
        .isInstanceOf(PickleException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("pickle rejected at offset ").doesNotContain("\n"));
  }

  @Test
  void rejectsOsSystemWithAOneLineMessageNamingOffsetOpcodeAndAllowList() {
    byte[] data = PickleBytes.proto(4).global("os", "system").str("touch /tmp/pwned").op(0x85, 'R').stop();

    rejects(data, TestProfiles.NATS).hasMessage("pickle rejected at offset 14 (STACK_GLOBAL 0x93): "
        + "global 'os.system' is not allowed (allowed: collections.OrderedDict, "
        + "numpy._core.multiarray.scalar, numpy.core.multiarray.scalar, numpy.dtype)");
  }

  @Test
  void rejectsTheClassicProtocol0Gadget() {
    byte[] data = PickleBytes.raw().text("cos\nsystem\n(S'echo hi'\ntR.").build();

    rejects(data, TestProfiles.NB201_PTH).hasMessageContaining("offset 0 (GLOBAL 0x63)")
        .hasMessageContaining("global 'os.system' is not allowed");
  }

  @ParameterizedTest
  @CsvSource({"builtins,eval", "builtins,exec", "builtins,getattr", "posix,system", "nt,system",
      "subprocess,Popen", "subprocess,check_output", "__builtin__,eval", "torch,load",
      "collections,namedtuple", "numpy,load", "numpy.core.multiarray,_reconstruct", "copyreg,_reconstructor"})
  void rejectsEveryGlobalOffTheAllowList(String module, String name) {
    byte[] viaStack = PickleBytes.proto(4).global(module, name).str("x").op(0x85, 'R').stop();
    byte[] viaText = PickleBytes.proto(2).op('c').text(module + "\n" + name + "\n").op(')', 'R').stop();

    for (PickleProfile p : List.of(PickleProfile.plainData(), TestProfiles.NATS, TestProfiles.NB201_PTH)) {
      rejects(viaStack, p).hasMessageContaining("global '" + module + "." + name + "' is not allowed");
      rejects(viaText, p).hasMessageContaining("global '" + module + "." + name + "' is not allowed");
    }
  }

  @Test
  void namesInMessagesAreEscapedAndClipped() {
    byte[] data = PickleBytes.proto(4).global("os\nx", "sys\u0000tem" + "a".repeat(200)).stop();

    rejects(data, TestProfiles.NATS).hasMessageContaining("os\\x0ax.sys\\x00tem").hasMessageContaining("...");
  }

  @Test
  void rejectsGlobalsInPlainDataFiles() {
    byte[] data = PickleBytes.proto(4).global("collections", "OrderedDict").op(')', 'R').stop();

    rejects(data, PickleProfile.plainData()).hasMessageContaining("(allowed: none)");
  }

  @Test
  void reduceNeedsAnAllowedGlobalAsCallable() {
    byte[] onString = PickleBytes.proto(4).str("os.system").str("ls").op(0x85, 'R').stop();
    byte[] onList = PickleBytes.proto(4).op(']', ')', 'R').stop();
    byte[] nonTupleArgs = PickleBytes.proto(4).global("collections", "OrderedDict").op(']', 'R').stop();

    rejects(onString, TestProfiles.NATS).hasMessageContaining("REDUCE needs an allowed global to call, got str");
    rejects(onList, TestProfiles.NATS).hasMessageContaining("got list");
    rejects(nonTupleArgs, TestProfiles.NATS).hasMessageContaining("arguments must be a tuple");
  }

  @Test
  void newObjAndBuildOnlyProduceDataForDataObjects() throws PickleException {
    byte[] newobjOnDict = PickleBytes.proto(4).global("collections", "OrderedDict").op(')', 0x81).stop();
    byte[] buildOnList = PickleBytes.proto(4).op(']').str("k").str("v").op(0x86, 'b').stop();
    byte[] buildOnDict = PickleBytes.proto(4).op('}', '}', 'K', 1, 'K', 2, 's', 'b').stop();

    rejects(newobjOnDict, TestProfiles.NATS).hasMessageContaining("NEWOBJ is not allowed on collections.OrderedDict");
    rejects(buildOnList, TestProfiles.NATS).hasMessageContaining("BUILD is not allowed on list");
    rejects(buildOnDict, TestProfiles.NATS).hasMessageContaining("BUILD is not allowed on dict");

    byte[] results = PickleBytes.proto(2).op('c').text("nas_201_api.api_utils\nResultsCount\n").op(')', 0x81)
        .op('}').str("name").str("cifar10").op('s', 'b').stop();
    PyObject o = (PyObject) PickleReader.read(results, TestProfiles.NB201_PTH);
    assertThat(o.type().qualifiedName()).isEqualTo("nas_201_api.api_utils.ResultsCount");
    assertThat(o.state()).isEqualTo(Map.of("name", "cifar10"));
  }

  @Test
  void persistentIdsOnlyWhereTheFormatUsesThem() throws PickleException {
    byte[] data = PickleBytes.proto(2).op('(').str("storage").op('c').text("torch\nFloatStorage\n")
        .str("0").str("cpu").op('K', 4, 't', 'Q').stop();

    byte[] plainId = PickleBytes.proto(2).op('(').str("storage").str("0").op('t', 'Q').stop();
    rejects(plainId, TestProfiles.NATS).hasMessageContaining("(BINPERSID 0x51): persistent ids are not allowed");
    rejects(data, TestProfiles.NATS).hasMessageContaining("global 'torch.FloatStorage' is not allowed");
    PersistentId id = (PersistentId) PickleReader.read(data, TestProfiles.NB201_PTH);
    assertThat(id.id()).isEqualTo(PyTuple.of("storage", new PyGlobal("torch", "FloatStorage"), "0", "cpu", 4L));
  }

  @Test
  void unsupportedProtocolsAndOpcodesAreRejected() {
    rejects(PickleBytes.proto(6).op('N').stop(), TestProfiles.NATS)
        .hasMessageContaining("unsupported pickle protocol 6");
    rejects(PickleBytes.proto(4).op(0xff).stop(), TestProfiles.NATS)
        .hasMessageContaining("(unknown 0xff): unknown opcode");
    rejects(PickleBytes.proto(2).op(0x82, 1).stop(), TestProfiles.NATS).hasMessageContaining("extension registry");
    rejects(PickleBytes.raw().text("S'x'\n.").build(), TestProfiles.NATS).hasMessageContaining("not supported");
    rejects(PickleBytes.raw().text("(i__main__\nX\n.").build(), TestProfiles.NATS)
        .hasMessageContaining("not supported");
    rejects(PickleBytes.proto(5).op(0x97).stop(), TestProfiles.NATS).hasMessageContaining("out-of-band");
  }
}

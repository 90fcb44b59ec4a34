package io.arca.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyKMIP's client (Debian's python3-pykmip) re-keys symmetric keys and key pairs (KMIP 1.4
 * §4.4-4.5, 2.0 §6.1.42-43) at every version it speaks, 1.0-2.0: the replacement takes over the
 * Names, an Offset sets its Activation Date, and the refusals carry the spec's Result Reasons.
 * Every scenario must pass.
 */
class PyKmipReKeyIT {
  private static final List<String> VERSIONS = List.of("1.0", "1.1", "1.2", "1.3", "1.4");

  @TempDir static Path dataDir;
  static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    server = InProcessServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicNode> reKey() {
    return PyKmip.scenarioTests("pykmip_rekey.py", server, VERSIONS);
  }
}

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
 * PyKMIP's client (Debian's python3-pykmip) derives keys and Secret Data with every Derivation
 * Method it can express and checks each value against Python's own KDFs, at KMIP 1.0, 1.2, 1.4 and
 * 2.0 (HKDF at 2.0). Every scenario must pass.
 */
class PyKmipDeriveKeyIT {
  private static final List<String> VERSIONS = List.of("1.0", "1.2", "1.4", "2.0");

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
  Stream<DynamicNode> everyDerivationMethod() {
    return PyKmip.scenarioTests("pykmip_derive_key.py", server, VERSIONS);
  }
}

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
 * PyKMIP's client (Debian's python3-pykmip) registers, reads and locates X.509 certificates and
 * gives two objects one name, and reads the Attribute Index of a Name, against a server run with
 * {@code --allow-duplicate-names}, at KMIP 1.0, 1.2, 1.4 and 2.0. Every scenario must pass.
 */
class PyKmipCertificatesNamesIT {
  private static final List<String> VERSIONS = List.of("1.0", "1.2", "1.4", "2.0");

  @TempDir static Path dataDir;
  static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    server = InProcessServer.startAllowingDuplicateNames(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicNode> certificatesAndRepeatedNames() {
    return PyKmip.scenarioTests("pykmip_certificates_names.py", server, VERSIONS);
  }
}

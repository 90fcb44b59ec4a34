package io.arca.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user of PyKMIP's two clients (Debian's python3-pykmip: the high-level ProxyKmipClient and
 * the lower-level KMIPProxy) does, at every version it speaks, 1.0-2.0: every object type it
 * builds, key pairs with names and masks on both halves, attribute lists, Locate by each filter it
 * can pass, MAC, Encrypt/Decrypt and Sign/Verify with the parameters it sends, the attribute
 * operations and the life-cycle refusals with the spec's Result Reasons. Held by the ratchet in
 * {@code passing-pykmip-scenarios.txt}.
 */
class PyKmipClientApiIT {
  private static final List<String> VERSIONS = List.of("1.0", "1.1", "1.2", "1.3", "1.4", "2.0");

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
  Stream<DynamicNode> clientApi() throws IOException {
    return PyKmip.ratchetedTests(
        "pykmip_client_api.py", server, VERSIONS, Ratchet.load("/passing-pykmip-scenarios.txt"));
  }
}

package io.arca.server.hsm;

import static io.arca.server.hsm.HsmCryptoRequests.algorithm;
import static io.arca.server.hsm.HsmCryptoRequests.grant;
import static io.arca.server.hsm.HsmCryptoRequests.locate;
import static io.arca.server.hsm.HsmCryptoRequests.name;
import static io.arca.server.hsm.HsmCryptoRequests.objectType;
import static io.arca.server.hsm.HsmRequests.createRsa;
import static io.arca.server.hsm.HsmRequests.destroy;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.payload.Create;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.testing.TokenImplementation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Locate of HSM keys by their attributes, end to end over mutual TLS on both token implementations:
 * the token searches by object type, algorithm and length, the answers are merged with the
 * database's, and a user other than the HSM admin finds only what was granted to it.
 */
@ParameterizedClass
@EnumSource(TokenImplementation.class)
class HsmLocateIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  @TempDir static Path dir;

  // Started for each token implementation, before its tests, by start().
  @SuppressWarnings("NullAway.Init")
  static HsmTestServer hsm;

  private final TokenImplementation implementation;

  HsmLocateIT(TokenImplementation implementation) {
    this.implementation = implementation;
  }

  @BeforeEach
  void serverRunsOnThisImplementation() {
    assertThat(hsm.tokens().implementation()).isEqualTo(implementation);
  }

  @BeforeParameterizedClassInvocation
  static void start(TokenImplementation implementation) throws Exception {
    hsm = HsmTestServer.start(dir, implementation);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    if (hsm != null) {
      hsm.close();
    }
  }

  /** An {@code hsm::} identifier on the first slot, unique to this run. */
  static String hsmId(String name) {
    return "hsm::" + hsm.tokens().slot1() + "::" + name + hsm.run();
  }

  // ---- Locate ---------------------------------------------------------------------------------

  @Test
  void locateFindsHsmKeysByTheirAttributesBesideTheDatabasesOnlyForWhoMaySeeThem()
      throws Exception {
    String aes256 = hsmId("find-256");
    String aes128 = hsmId("find-128");
    String rsa = hsmId("find-rsa");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient other = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, HsmRequests.createAes(aes256, 256, true, null));
      client.ok(Operation.CREATE, HsmRequests.createAes(aes128, 128, true, null));
      createRsa(client, rsa, 2048, true);
      String stored =
          Create.Response.decode(
                  client.ok(Operation.CREATE, HsmRequests.createAes(null, 256, true, null)), V2_1)
              .uniqueIdentifier();
      TtlvEnumeration aes = algorithm(CryptographicAlgorithm.AES);

      // By type and algorithm: the HSM's AES keys and the database's, not the RSA pair.
      assertThat(locate(client, aes, objectType(ObjectType.SYMMETRIC_KEY)))
          .contains(aes256, aes128, stored)
          .doesNotContain(rsa, rsa + "_pk");
      // By algorithm and length.
      assertThat(locate(client, aes, new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)))
          .contains(aes128)
          .doesNotContain(aes256, stored);
      // By object type, algorithm and length: the pair's public half only.
      assertThat(
              ofThisRun(
                  locate(
                      client,
                      objectType(ObjectType.PUBLIC_KEY),
                      algorithm(CryptographicAlgorithm.RSA),
                      new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 2048))))
          .containsExactly(rsa + "_pk");
      // By Name, which is the identifier.
      assertThat(locate(client, name(aes128))).containsExactly(aes128);
      assertThat(locate(client, name(hsmId("find-none")))).isEmpty();

      // user1 sees none of the admin's keys, until granted Locate on one.
      assertThat(locate(other, aes)).isEmpty();
      grant(client, aes256, Operation.LOCATE);
      assertThat(locate(other, aes)).containsExactly(aes256);
      assertThat(locate(other, algorithm(CryptographicAlgorithm.RSA))).isEmpty();

      destroy(client, aes256);
      destroy(client, aes128);
      destroy(client, rsa);
      destroy(client, rsa + "_pk");
    }
  }

  private static List<String> ofThisRun(List<String> uids) {
    return uids.stream()
        .filter(uid -> uid.endsWith(hsm.run()) || uid.endsWith(hsm.run() + "_pk"))
        .toList();
  }
}

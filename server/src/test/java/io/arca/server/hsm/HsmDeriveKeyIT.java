package io.arca.server.hsm;

import static io.arca.server.hsm.HsmRequests.aesAttributes;
import static io.arca.server.hsm.HsmRequests.assertRefused;
import static io.arca.server.hsm.HsmRequests.createAes;
import static io.arca.server.hsm.HsmRequests.destroy;
import static io.arca.server.hsm.HsmRequests.locateByType;
import static io.arca.server.hsm.HsmRequests.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.DerivationMethod;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.testing.TokenImplementation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Derive Key from a key in the HSM, over mutual TLS against each token implementation: refused
 * (Feature Not Supported), even for a key the token would let out, since deriving in software would
 * take its value out of the token; nothing is stored.
 */
@ParameterizedClass
@EnumSource(TokenImplementation.class)
class HsmDeriveKeyIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  @TempDir static Path dir;

  // Started for each token implementation, before its tests, by start().
  @SuppressWarnings("NullAway.Init")
  static HsmTestServer hsm;

  private final TokenImplementation implementation;

  HsmDeriveKeyIT(TokenImplementation implementation) {
    this.implementation = implementation;
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

  @Test
  void deriveKeyRefusesAnHsmKeyEvenAnExtractableOneAndStoresNothing() throws Exception {
    assertThat(hsm.tokens().implementation()).isEqualTo(implementation);
    String base = "hsm::" + hsm.tokens().slot1() + "::derivebase" + hsm.run();
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(base, 256, false, null));
      int before = locateByType(client, ObjectType.SYMMETRIC_KEY).size();
      TtlvStructure derive =
          new DeriveKey.Request(
                  ObjectType.SYMMETRIC_KEY.value(),
                  List.of(base),
                  DerivationMethod.HMAC.value(),
                  new DeriveKey.Parameters(
                      params(null, null, HashingAlgorithm.SHA_256),
                      null,
                      List.of(ByteString.copyOf(new byte[16])),
                      null,
                      null),
                  aesAttributes(null, 128, false))
              .encode(V2_1);
      assertRefused(
          client,
          Operation.DERIVE_KEY,
          derive,
          ResultReason.FEATURE_NOT_SUPPORTED,
          "from a key in the HSM, whose value would leave the token");
      assertThat(locateByType(client, ObjectType.SYMMETRIC_KEY)).hasSize(before);
      destroy(client, base);
    }
  }
}

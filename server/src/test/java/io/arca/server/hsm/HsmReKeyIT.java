package io.arca.server.hsm;

import static io.arca.server.hsm.HsmRequests.assertRefused;
import static io.arca.server.hsm.HsmRequests.createAes;
import static io.arca.server.hsm.HsmRequests.createRsa;
import static io.arca.server.hsm.HsmRequests.gcm;
import static io.arca.server.hsm.HsmRequests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmSlot;
import io.arca.kmip.LinkType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.payload.ReKeyKeyPair;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Re-key and Re-key Key Pair of HSM keys over mutual TLS on real SoftHSM2 tokens: the replacement
 * is the next version of the label in the same slot ({@code label.v2}, a pair's public key {@code
 * label.v2_pk}), the Replaced and Replacement Object Links join the versions both ways, what the
 * old version wraps still reads, and only the HSM admin re-keys, with nothing made otherwise.
 */
class HsmReKeyIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;
  private static final byte[] SECRET = "replaced, not lost".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static HsmTestServer hsm;

  @BeforeAll
  static void start() throws Exception {
    hsm = HsmTestServer.start(dir);
  }

  @AfterAll
  static void stop() {
    if (hsm != null) {
      hsm.close();
    }
  }

  private static ProtocolVersion version(String text) {
    int dot = text.indexOf('.');
    return new ProtocolVersion(
        Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0", "2.1"})
  void reKeyMakesTheNextLabelVersionLinkedBothWaysAndTheOldOneStillUnwraps(String text)
      throws Exception {
    ProtocolVersion version = version(text);
    String label = "rotated-" + text.replace('.', '-');
    String old = "hsm::" + hsm.tokens().slot1() + "::" + label;
    try (KmipTestClient setup = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), version)) {
      setup.ok(Operation.CREATE, createAes(old, 256, true, null));
      String wrapped =
          Create.Response.decode(setup.ok(Operation.CREATE, createAes(null, 256, true, old)), V2_1)
              .uniqueIdentifier();

      String fresh =
          ReKey.Response.decode(
                  client.ok(
                      Operation.RE_KEY,
                      new ReKey.Request(old, null, null, List.of()).encode(version)),
                  version)
              .uniqueIdentifier();

      assertThat(fresh).isEqualTo(old + ".v2");
      assertThat(links(client, fresh, LinkType.REPLACED_OBJECT_LINK)).containsExactly(old);
      assertThat(links(client, old, LinkType.REPLACEMENT_OBJECT_LINK)).containsExactly(fresh);
      // The replacement works, and what the old version wraps still reads.
      Encrypt.Response encrypted =
          Encrypt.Response.decode(
              setup.ok(
                  Operation.ENCRYPT,
                  new Encrypt.Request(
                          fresh, gcm(), ByteString.copyOf(SECRET), null, null, null, null, null)
                      .encode(V2_1)),
              V2_1);
      assertThat(encrypted.data()).isNotNull();
      assertThat(HsmRequests.keyBytes(setup.ok(Operation.GET, get(wrapped, null)))).hasSize(32);
      assertThat(slot(old).find(label)).isPresent();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "1.4", "2.0", "2.1"})
  void reKeyKeyPairMakesTheNextVersionOfBothHalvesLinkedEveryWay(String text) throws Exception {
    ProtocolVersion version = version(text);
    String old = "hsm::" + hsm.tokens().slot2() + "::pair-" + text.replace('.', '-');
    String oldPublic = old + HsmSlot.PUBLIC_KEY_SUFFIX;
    try (KmipTestClient setup = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), version)) {
      createRsa(setup, old, 2048, true);

      ReKeyKeyPair.Response fresh =
          ReKeyKeyPair.Response.decode(
              client.ok(
                  Operation.RE_KEY_KEY_PAIR,
                  new ReKeyKeyPair.Request(
                          old, null, null, null, null, CreateKeyPair.KeyPairMasks.NONE)
                      .encode(version)),
              version);

      String newPrivate = fresh.privateKeyUniqueIdentifier();
      String newPublic = fresh.publicKeyUniqueIdentifier();
      assertThat(newPrivate).isEqualTo(old + ".v2");
      assertThat(newPublic).isEqualTo(old + ".v2" + HsmSlot.PUBLIC_KEY_SUFFIX);
      assertThat(links(client, newPrivate, LinkType.PUBLIC_KEY_LINK)).containsExactly(newPublic);
      assertThat(links(client, newPublic, LinkType.PRIVATE_KEY_LINK)).containsExactly(newPrivate);
      assertThat(links(client, newPrivate, LinkType.REPLACED_OBJECT_LINK)).containsExactly(old);
      assertThat(links(client, newPublic, LinkType.REPLACED_OBJECT_LINK))
          .containsExactly(oldPublic);
      assertThat(links(client, old, LinkType.REPLACEMENT_OBJECT_LINK)).containsExactly(newPrivate);
      assertThat(links(client, oldPublic, LinkType.REPLACEMENT_OBJECT_LINK))
          .containsExactly(newPublic);
      assertThat(links(client, old, LinkType.PUBLIC_KEY_LINK)).containsExactly(oldPublic);
    }
  }

  @Test
  void onlyTheHsmAdminReKeysAnHsmKeyAndARefusalMakesNothing() throws Exception {
    String label = "guarded";
    String old = "hsm::" + hsm.tokens().slot1() + "::" + label;
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient other = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(old, 128, true, null));
      TtlvStructure reKey = new ReKey.Request(old, null, null, List.of()).encode(V2_1);

      assertRefused(other, Operation.RE_KEY, reKey, ResultReason.OBJECT_NOT_FOUND, "no grant");
      client.ok(
          Operation.GRANT_ACCESS,
          new GrantAccess.Request(new AccessGrant("user1", old, Set.of(Operation.RE_KEY)))
              .encode(V2_1));
      assertRefused(other, Operation.RE_KEY, reKey, ResultReason.PERMISSION_DENIED, "a grant");
      // The token keeps no dates: an Offset cannot be honoured.
      assertRefused(
          client,
          Operation.RE_KEY,
          new ReKey.Request(old, 3600L, null, List.of()).encode(V2_1),
          ResultReason.FEATURE_NOT_SUPPORTED,
          "an Offset");
      assertThat(slot(old).find(label + ".v2")).isEmpty();
      assertThat(links(client, old, LinkType.REPLACEMENT_OBJECT_LINK)).isEmpty();
    }
  }

  private static HsmSlot slot(String uid) {
    return hsm.slot(uid);
  }

  private static List<String> links(KmipTestClient client, String uid, LinkType type)
      throws Exception {
    ProtocolVersion version = client.version();
    Attributes attributes =
        GetAttributes.Response.decode(
                client.ok(
                    Operation.GET_ATTRIBUTES,
                    new GetAttributes.Request(uid, List.of()).encode(version)),
                version)
            .attributes();
    List<String> linked = new ArrayList<>();
    for (Attribute link : attributes.all(Tag.LINK.code())) {
      TtlvStructure value = (TtlvStructure) link.value();
      if (value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration e
          && e.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString t) {
        linked.add(t.value());
      }
    }
    return linked;
  }
}

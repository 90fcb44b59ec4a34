package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.client.ClientConfig;
import io.arca.client.KmipClient;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.tls.DevelopmentPki;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control seen by a standard client (issue 8): PyKMIP with a second certificate (CN=user1)
 * cannot Get, Encrypt with, Locate or Destroy the key the admin made through Arca's Java client
 * until the admin grants Get, Encrypt and Locate (PyKMIP cannot send Arca's Grant Access), and then
 * can do those three; Destroy, not granted, stays refused. The PyKMIP side is {@code
 * pykmip_grants.py}; the 40 scenarios of {@link PyKmipScenariosIT} are not involved.
 */
class PyKmipGrantsIT {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final byte[] IV = new byte[16];
  private static final String PLAINTEXT = "PyKMIP as user1";

  @TempDir static Path dataDir;
  static InProcessServer server;
  static KmipClient admin;
  static Path user1Cert;
  static Path user1Key;

  @BeforeAll
  static void start() throws Exception {
    server = InProcessServer.start(dataDir);
    DevelopmentPki pki = server.pki();
    admin =
        KmipClient.create(
            new ClientConfig(
                "127.0.0.1",
                server.port(),
                pki.caCertificate(),
                pki.adminCertificate(),
                pki.adminKey(),
                null,
                null),
            1);
    user1Cert = dataDir.resolve("user1.crt");
    user1Key = dataDir.resolve("user1.key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), "user1", user1Cert, user1Key);
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void atKmip14() throws Exception {
    user1UsesTheAdminsKeyOnlyAsGranted("1.4", ResultReason.ITEM_NOT_FOUND);
  }

  @Test
  void atKmip20() throws Exception {
    user1UsesTheAdminsKeyOnlyAsGranted("2.0", ResultReason.OBJECT_NOT_FOUND);
  }

  private static void user1UsesTheAdminsKeyOnlyAsGranted(String version, ResultReason notFound)
      throws Exception {
    String name = "pykmip-grants-" + UUID.randomUUID();
    String uid = createActiveKey(name);

    Map<String, String> before = pykmipAsUser1(version, uid, name);
    assertThat(before)
        .as("user1 before the grant")
        .containsExactly(
            Map.entry("get", "REFUSED " + notFound.name()),
            Map.entry("encrypt", "REFUSED " + notFound.name()),
            Map.entry("locate", "FOUND "),
            Map.entry("destroy", "REFUSED " + notFound.name()));

    admin.call(
        V,
        Operation.GRANT_ACCESS,
        new GrantAccess.Request(
                new AccessGrant(
                    "user1", uid, Set.of(Operation.GET, Operation.ENCRYPT, Operation.LOCATE)))
            .encode(V));

    Map<String, String> after = pykmipAsUser1(version, uid, name);
    byte[] key = adminsKeyBytes(uid);
    try {
      assertThat(after.get("get"))
          .as("user1 gets the admin's key")
          .isEqualTo(
              "OK " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)));
      assertThat(after.get("encrypt")).as("user1 encrypts").startsWith("OK ");
      byte[] ciphertext =
          HexFormat.of().parseHex(Objects.requireNonNull(after.get("encrypt")).substring(3));
      Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cbc.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(IV));
      assertThat(new String(cbc.doFinal(ciphertext), StandardCharsets.UTF_8))
          .as("the admin's key reads what user1 encrypted")
          .isEqualTo(PLAINTEXT);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    assertThat(after.get("locate")).as("user1 locates by name").isEqualTo("FOUND " + uid);
    assertThat(after.get("destroy"))
        .as("Destroy was not granted")
        .isEqualTo("REFUSED " + ResultReason.PERMISSION_DENIED.name());
    assertThat(admin.get(uid, null).object()).as("the key survived").isNotNull();
  }

  /** Runs pykmip_grants.py as user1 and returns each step's outcome, in order. */
  private static Map<String, String> pykmipAsUser1(String version, String uid, String name)
      throws IOException, InterruptedException {
    PyKmip.Result result =
        PyKmip.run(
            "pykmip_grants.py",
            server,
            user1Cert,
            user1Key,
            version,
            Duration.ofMinutes(1),
            List.of(uid, name));
    assertThat(result.exitValue()).as(result.output()).isZero();
    Map<String, String> steps = new LinkedHashMap<>();
    for (String line : result.output().split("\n", -1)) {
      String[] parts = line.split(" ", 3);
      if (parts.length == 3 && parts[0].equals("STEP")) {
        steps.put(parts[1], parts[2]);
      }
    }
    return steps;
  }

  /** An active AES-256 key named {@code name}, made and owned by the admin. */
  private static String createActiveKey(String name) throws IOException {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                    CryptographicUsageMask.ENCRYPT.value()
                        | CryptographicUsageMask.DECRYPT.value())),
            Attribute.of(
                TtlvStructure.of(
                    Tag.NAME.code(),
                    new TtlvTextString(Tag.NAME_VALUE.code(), name),
                    new TtlvEnumeration(
                        Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value()))));
    String uid = admin.create(ObjectType.SYMMETRIC_KEY, attributes);
    admin.activate(uid);
    return uid;
  }

  /** The key's value as the admin gets it; the caller wipes it. */
  private static byte[] adminsKeyBytes(String uid) throws IOException {
    ManagedObject object = admin.get(uid, null).object();
    KeyValue.Plain plain =
        (KeyValue.Plain)
            Objects.requireNonNull(Objects.requireNonNull(object.keyBlock()).keyValue());
    return ((KeyMaterial.Bytes) plain.keyMaterial()).value().toByteArray();
  }
}

package io.arca.server.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.hsm.HsmModule;
import io.arca.hsm.HsmProfile;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.StoredAuditKey;
import io.arca.server.Arca;
import io.arca.server.ServerStores;
import io.arca.server.TestServers;
import io.arca.server.audit.AuditVerifier;
import io.arca.server.config.HsmSettings;
import io.arca.server.config.Password;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.TokenImplementation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting with an HSM: all or nothing, with a message that names what is wrong, and the server KEK
 * in the HSM. Each test opens the library on its own (SoftHSM2 keeps one login per process, so a
 * wrong PIN shows only when no other module is logged in).
 */
class HsmStartupIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  @TempDir static Path dir;
  static HsmTestTokens tokens;
  static DevelopmentPki pki;

  @BeforeAll
  static void prepare() throws Exception {
    tokens = HsmTestTokens.prepare();
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
  }

  private static ServerConfig config(String name, HsmSettings hsm, String kekId) {
    ServerConfig base = TestServers.config(dir.resolve(name), TestServers.tls(pki), 8, 1 << 20);
    ServerConfig.Storage embedded = ServerConfig.Storage.EMBEDDED;
    return HsmTestServer.withHsm(
        new ServerConfig(
            base.bind(),
            base.port(),
            base.dataDir(),
            base.tls(),
            base.identityFrom(),
            base.limits(),
            base.workerThreads(),
            base.logLevel(),
            base.interop(),
            new ServerConfig.Storage(
                null,
                null,
                null,
                embedded.databasePoolSize(),
                kekId,
                embedded.keyCacheEntries(),
                embedded.keyCacheIdle(),
                Duration.ofSeconds(1))),
        hsm);
  }

  private static ServerConfig config(String name, HsmSettings hsm) {
    return HsmTestServer.withHsm(
        TestServers.config(dir.resolve(name), TestServers.tls(pki), 8, 1 << 20), hsm);
  }

  @Test
  void aWrongSlotPasswordStopsTheStartWithAClearMessage() {
    ServerConfig config = config("wrong-pin", tokens.settings("admin", "not-the-pin"));
    assertThatThrownBy(() -> ServerStores.open(config).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("login to slot " + tokens.slot1())
        .hasMessageContaining("PIN")
        .hasMessageNotContaining("not-the-pin");
  }

  @Test
  void aSlotTheLibraryDoesNotHaveStopsTheStart() {
    Map<Long, Password> slots = new LinkedHashMap<>();
    slots.put(tokens.slot1(), new Password(tokens.pin1().toCharArray()));
    slots.put(424242L, new Password("x".toCharArray()));
    ServerConfig config =
        config(
            "no-slot",
            new HsmSettings(
                HsmProfile.SOFTHSM2, TokenImplementation.SOFTHSM2.library(), "admin", slots));
    assertThatThrownBy(() -> ServerStores.open(config).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no slot 424242");
  }

  @Test
  void aMissingLibraryStopsTheStart() {
    HsmSettings settings = tokens.settings("admin");
    ServerConfig config =
        config(
            "no-library",
            new HsmSettings(
                HsmProfile.PROTECCIO,
                dir.resolve("libnethsm.so"),
                "admin",
                settings.slotPasswords()));
    assertThatThrownBy(() -> ServerStores.open(config).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PKCS#11 library not found");
  }

  @Test
  void anHsmKekWrapsEveryStoredObjectAcrossRestarts() throws Exception {
    Map<Long, char[]> pins = new LinkedHashMap<>();
    pins.put(tokens.slot1(), tokens.pin1().toCharArray());
    try (HsmModule hsm =
        HsmModule.open(TokenImplementation.SOFTHSM2.library(), HsmProfile.SOFTHSM2, pins)) {
      hsm.slot(tokens.slot1()).generateAes("server-kek", 256, true);
    }
    String kekId = "hsm::" + tokens.slot1() + "::server-kek";
    assertThatThrownBy(
            () ->
                ServerStores.open(
                        config("missing-kek", tokens.settings("admin"), kekId + "-missing"))
                    .close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not exist");

    ServerConfig config = config("hsm-kek", tokens.settings("admin"), kekId);
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    byte[] secret = "under the HSM KEK".getBytes(StandardCharsets.UTF_8);
    String key;
    Encrypt.Response encrypted;
    try (Arca server =
            Arca.start(config, TlsContexts.server(Objects.requireNonNull(config.tls())));
        KmipTestClient client = new KmipTestClient(admin, server.port(), V2_1)) {
      key = Create.Response.decode(client.ok(Operation.CREATE, aes256()), V2_1).uniqueIdentifier();
      encrypted =
          Encrypt.Response.decode(
              client.ok(
                  Operation.ENCRYPT,
                  new Encrypt.Request(
                          key, gcm(), ByteString.copyOf(secret), null, null, null, null, null)
                      .encode(V2_1)),
              V2_1);
    }
    // A fresh server has an empty cache: reading the key unwraps it in the HSM.
    ServerConfig again = config("hsm-kek", tokens.settings("admin"), kekId);
    try (Arca server = Arca.start(again, TlsContexts.server(Objects.requireNonNull(again.tls())));
        KmipTestClient client = new KmipTestClient(admin, server.port(), V2_1)) {
      Decrypt.Response decrypted =
          Decrypt.Response.decode(
              client.ok(
                  Operation.DECRYPT,
                  new Decrypt.Request(
                          key,
                          gcm(),
                          encrypted.data(),
                          encrypted.ivCounterNonce(),
                          null,
                          null,
                          null,
                          null,
                          encrypted.tag())
                      .encode(V2_1)),
              V2_1);
      assertThat(Objects.requireNonNull(decrypted.data()).toByteArray()).isEqualTo(secret);
    }
    // The audit chain's keys are wrapped by the HSM KEK too, and verify unwraps them in the HSM.
    ServerConfig check = config("hsm-kek", tokens.settings("admin"), kekId);
    DatabaseConfig database = DatabaseConfig.sqlite(check.dataDir());
    try (Database db = Database.open(database)) {
      assertThat(new JdbcAuditRepository(db).key(StoredAuditKey.CHAIN).orElseThrow().kekId())
          .isEqualTo(kekId);
    }
    StringWriter out = new StringWriter();
    boolean intact =
        ServerStores.withKek(
            check, kek -> AuditVerifier.verify(database, kek, null, new PrintWriter(out)));
    assertThat(intact).as(out.toString()).isTrue();
    assertThat(check.dataDir().resolve("kek")).doesNotExist();
  }

  private static io.arca.kmip.ttlv.TtlvStructure aes256() {
    return Create.Request.of(
            ObjectType.SYMMETRIC_KEY.value(),
            new Attributes(
                List.of(
                    Attribute.of(
                        new TtlvEnumeration(
                            Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
                            CryptographicAlgorithm.AES.value())),
                    Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
                    Attribute.of(
                        TtlvDateTime.of(
                            Tag.ACTIVATION_DATE.code(), Instant.now().minusSeconds(60)))),
                List.of()))
        .encode(V2_1);
  }

  private static CryptographicParameters gcm() {
    return new CryptographicParameters(
        io.arca.kmip.BlockCipherMode.GCM.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}

package io.arca.server.hsm;

import static io.arca.server.hsm.HsmRequests.createAes;
import static io.arca.server.hsm.HsmRequests.decryptRequest;
import static io.arca.server.hsm.HsmRequests.encrypt;
import static io.arca.server.hsm.HsmRequests.gcm;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.Observability;
import io.arca.server.config.ServerConfig;
import io.arca.server.metrics.AdminClient;
import io.arca.server.metrics.Scrape;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HSM's metrics from a real SoftHSM2 slot: a known sequence of PKCS#11 calls made through KMIP
 * requests over mutual TLS, then {@code /metrics}: calls by slot, kind and outcome (a failed
 * decryption counted apart from the successes), both slots available, and {@code /readyz} ready
 * with both slots logged in.
 */
class HsmMetricsIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  @TempDir Path dir;

  @Test
  void countsEveryCallOfTheSlotByKindAndOutcome() throws Exception {
    HsmTestTokens tokens = HsmTestTokens.prepare();
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config =
        TestServers.watched(
            HsmTestServer.withHsm(
                TestServers.config(dir, tls, 64, 1 << 20),
                tokens.settings(DevelopmentPki.ADMIN_USER)),
            new Observability(
                InetSocketAddress.createUnresolved("127.0.0.1", 0),
                pki.caCertificate(),
                Observability.LogFormat.TEXT,
                false));
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    String slot = Long.toString(tokens.slot1());
    String uid = "hsm::" + slot + "::metrics-" + Long.toHexString(new SecureRandom().nextLong());
    try (Arca server = Arca.start(config, TlsContexts.server(tls));
        KmipTestClient client = new KmipTestClient(admin, server.port(), V2_1)) {
      AdminClient metrics = new AdminClient(server.adminPort(), admin);
      Scrape before = metrics.metrics();

      client.ok(Operation.CREATE, createAes(uid, 256, true, null));
      byte[] message = "counted by the slot's metrics".getBytes(StandardCharsets.UTF_8);
      HsmRequests.Encrypted last = null;
      for (int i = 0; i < 3; i++) {
        last = encrypt(client, uid, message, gcm(), null);
      }
      HsmRequests.Encrypted sealed = Objects.requireNonNull(last);
      byte[] wrongTag = Objects.requireNonNull(sealed.tag).clone();
      wrongTag[0] ^= 1;
      assertThat(
              client
                  .call(
                      Operation.DECRYPT,
                      decryptRequest(
                          uid,
                          new HsmRequests.Encrypted(sealed.data, sealed.iv, wrongTag),
                          new byte[0]))
                  .resultStatus())
          .isEqualTo(ResultStatus.OPERATION_FAILED);

      Scrape after = metrics.metrics();
      assertThat(calls(after, slot, "encrypt", "ok") - calls(before, slot, "encrypt", "ok"))
          .isEqualTo(3);
      assertThat(calls(after, slot, "generate", "ok") - calls(before, slot, "generate", "ok"))
          .isEqualTo(1);
      double decryptOk = calls(after, slot, "decrypt", "ok") - calls(before, slot, "decrypt", "ok");
      double decryptAll =
          calls(after, slot, "decrypt", null) - calls(before, slot, "decrypt", null);
      assertThat(decryptOk).as("a decryption whose tag does not match").isZero();
      assertThat(decryptAll).as("the failed decryption, under its failure's outcome").isEqualTo(1);
      // The second slot took no call of these.
      String other = Long.toString(tokens.slot2());
      assertThat(calls(after, other, "encrypt", null)).isZero();
      assertThat(after.value("arca_hsm_slot_available", "slot", slot)).isEqualTo(1);
      assertThat(after.value("arca_hsm_slot_available", "slot", other)).isEqualTo(1);
      assertThat(metrics.get("/readyz")).isEqualTo(new AdminClient.Answer(200, "ready\n"));
    }
  }

  private static double calls(Scrape scrape, String slot, String call, @Nullable String outcome) {
    return outcome == null
        ? scrape.value("arca_hsm_calls_seconds_count", "slot", slot, "call", call)
        : scrape.value(
            "arca_hsm_calls_seconds_count", "slot", slot, "call", call, "outcome", outcome);
  }
}

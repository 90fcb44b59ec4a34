package io.arca.server;

import static io.arca.server.StreamingEndToEndTest.MESSAGE;
import static io.arca.server.StreamingEndToEndTest.assertRefused;
import static io.arca.server.StreamingEndToEndTest.bytes;
import static io.arca.server.StreamingEndToEndTest.encrypt;
import static io.arca.server.StreamingEndToEndTest.hex;
import static io.arca.server.StreamingEndToEndTest.mode;
import static io.arca.server.StreamingEndToEndTest.registerActive;
import static io.arca.server.StreamingEndToEndTest.symmetric;
import static io.arca.server.TestAttributes.usage;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What streaming refuses, over mutual TLS: the streaming fields in a 1.2 request; a Correlation
 * Value that is unknown, finished, or of another user, connection or operation; parts out of order;
 * and the streams a closed connection leaves, which close with it. Each with the Result Reason of
 * the request's version, and without touching the stream a refused part names.
 */
class StreamingRefusalsEndToEndTest {
  @TempDir static Path dir;
  static Arca server;
  static SSLContext admin;
  static SSLContext mallory;
  static SSLContext carol;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    mallory = clientFor("mallory", pki);
    carol = clientFor("carol", pki);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void streamingFieldsAreNotKmip12Fields() throws Exception {
    try (VersionedClient kmip = client(admin, "1.2")) {
      String aes =
          registerActive(
              kmip,
              symmetric("000102030405060708090a0b0c0d0e0f", CryptographicAlgorithm.AES),
              usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.MAC_GENERATE));
      ResponseBatchItem encrypt =
          kmip.call(
              Operation.ENCRYPT,
              new Encrypt.Request(
                      aes,
                      mode(BlockCipherMode.CBC, PaddingMethod.PKCS5),
                      bytes(MESSAGE),
                      null,
                      null,
                      true,
                      null,
                      null)
                  .encode(kmip.version()));
      assertRefused(encrypt, ResultReason.INVALID_FIELD, "InitIndicator");
      ResponseBatchItem mac =
          kmip.call(
              Operation.MAC,
              new Mac.Request(aes, null, bytes(MESSAGE), null, null, false).encode(kmip.version()));
      assertRefused(mac, ResultReason.INVALID_FIELD, "FinalIndicator");
      ResponseBatchItem sign =
          kmip.call(
              Operation.SIGN,
              new Sign.Request(aes, null, bytes(MESSAGE), null, hex("00112233"), null, null)
                  .encode(kmip.version()));
      assertRefused(sign, ResultReason.INVALID_FIELD, "CorrelationValue");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.3", "1.4", "2.0", "2.1"})
  void aCorrelationValueWorksOnlyOnItsOwnConnectionUserOperationAndOrder(String v)
      throws Exception {
    ProtocolVersion version = VersionedClient.version(v);
    ResultReason unknown =
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_CORRELATION_VALUE
            : ResultReason.ITEM_NOT_FOUND;
    ResultReason outOfOrder =
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_CORRELATION_VALUE
            : ResultReason.INVALID_FIELD;
    try (VersionedClient kmip = client(admin, v);
        VersionedClient again = client(admin, v);
        VersionedClient other = client(mallory, v)) {
      String uid =
          registerActive(
              kmip,
              symmetric("000102030405060708090a0b0c0d0e0f", CryptographicAlgorithm.AES),
              usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.DECRYPT));
      CryptographicParameters cbc = mode(BlockCipherMode.CBC, PaddingMethod.PKCS5);
      ByteString correlation =
          Objects.requireNonNull(
              encrypt(
                      kmip,
                      new Encrypt.Request(uid, cbc, bytes(MESSAGE), null, null, true, null, null))
                  .correlationValue());
      Encrypt.Request next =
          new Encrypt.Request(null, null, bytes(MESSAGE), null, correlation, null, null, null);

      assertRefused(
          other.call(Operation.ENCRYPT, next.encode(version)), unknown, "CorrelationValue");
      assertRefused(
          again.call(Operation.ENCRYPT, next.encode(version)), unknown, "CorrelationValue");
      assertRefused(
          kmip.call(
              Operation.DECRYPT,
              new Decrypt.Request(
                      null, null, bytes(MESSAGE), null, correlation, null, null, null, null)
                  .encode(version)),
          unknown,
          "CorrelationValue");
      assertRefused(
          kmip.call(
              Operation.ENCRYPT,
              new Encrypt.Request(
                      null, null, bytes(MESSAGE), null, hex("0badc0de"), null, true, null)
                  .encode(version)),
          unknown,
          "CorrelationValue");
      // Out of order: an Init Indicator naming a stream; a later part that names none.
      assertRefused(
          kmip.call(
              Operation.ENCRYPT,
              new Encrypt.Request(uid, cbc, bytes(MESSAGE), null, correlation, true, null, null)
                  .encode(version)),
          outOfOrder,
          "InitIndicator");
      assertRefused(
          kmip.call(
              Operation.ENCRYPT,
              new Encrypt.Request(uid, cbc, bytes(MESSAGE), null, null, null, false, null)
                  .encode(version)),
          outOfOrder,
          "CorrelationValue");
      // None of that touched the stream, which still ends on its own connection; then it is gone.
      kmip.ok(Operation.ENCRYPT, next.encode(version));
      kmip.ok(
          Operation.ENCRYPT,
          new Encrypt.Request(null, null, null, null, correlation, null, true, null)
              .encode(version));
      assertRefused(
          kmip.call(Operation.ENCRYPT, next.encode(version)), unknown, "CorrelationValue");
    }
  }

  @Test
  void aClosedConnectionsStreamsAreClosedWithIt() throws Exception {
    String uid;
    try (VersionedClient kmip = client(carol, "2.1")) {
      uid =
          registerActive(
              kmip,
              symmetric("0b".repeat(32), CryptographicAlgorithm.HMAC_SHA256),
              usage(CryptographicUsageMask.MAC_GENERATE));
    }
    // Carol fills what one connection may open (16), then what she may open in all (64).
    List<VersionedClient> connections = new ArrayList<>();
    try {
      for (int c = 0; c < 4; c++) {
        VersionedClient kmip = client(carol, "2.1");
        connections.add(kmip);
        for (int i = 0; i < 16; i++) {
          kmip.ok(
              Operation.MAC,
              new Mac.Request(uid, null, bytes(MESSAGE), null, true, null).encode(kmip.version()));
        }
      }
      assertRefused(
          connections
              .get(0)
              .call(
                  Operation.MAC,
                  new Mac.Request(uid, null, bytes(MESSAGE), null, true, null)
                      .encode(ProtocolVersion.V2_1)),
          ResultReason.SERVER_LIMIT_EXCEEDED,
          "per connection");
    } finally {
      for (VersionedClient kmip : connections) {
        kmip.close();
      }
    }
    // Closing them closed their 64 streams (on a worker, a moment after the close).
    try (VersionedClient kmip = client(carol, "2.1")) {
      ResponseBatchItem opened = null;
      for (int attempt = 0; attempt < 50; attempt++) {
        opened =
            kmip.call(
                Operation.MAC,
                new Mac.Request(uid, null, bytes(MESSAGE), null, true, null)
                    .encode(kmip.version()));
        if (opened.resultStatus() == ResultStatus.SUCCESS) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(Objects.requireNonNull(opened).resultStatus())
          .as("%s: %s", opened.resultReason(), opened.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
    }
  }

  private static SSLContext clientFor(String user, DevelopmentPki pki) throws Exception {
    Path cert = dir.resolve(user + ".crt");
    Path key = dir.resolve(user + ".key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), user, cert, key);
    return TestClients.context(pki.caCertificate(), cert, key);
  }

  private static VersionedClient client(SSLContext who, String version) throws IOException {
    return new VersionedClient(who, server.port(), VersionedClient.version(version));
  }
}

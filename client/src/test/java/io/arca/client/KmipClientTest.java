package io.arca.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java client's typed helpers against a real server over mutual TLS. */
class KmipClientTest {
  @TempDir static Path dir;
  static Arca server;
  static ClientConfig config;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls =
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null);
    server =
        Arca.start(
            new ServerConfig(
                "127.0.0.1",
                0,
                dir,
                tls,
                IdentitySource.CN,
                new ServerConfig.Limits(16, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                4,
                "info",
                false,
                ServerConfig.Storage.EMBEDDED),
            TlsContexts.server(tls));
    config =
        new ClientConfig(
            "127.0.0.1",
            server.port(),
            pki.caCertificate(),
            pki.adminCertificate(),
            pki.adminKey(),
            null,
            null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String activeAesKey(KmipClient client) throws Exception {
    String id =
        client.create(
            ObjectType.SYMMETRIC_KEY,
            Attributes.of(
                Attribute.of(
                    new TtlvEnumeration(
                        Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
                Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
                Attribute.of(
                    new TtlvInteger(
                        Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                        CryptographicUsageMask.ENCRYPT.value()
                            | CryptographicUsageMask.DECRYPT.value()))));
    client.activate(id);
    return id;
  }

  @Test
  void aKmipErrorCarriesTheServersReasonAndMessage() throws Exception {
    try (KmipClient client = KmipClient.create(config, 1)) {
      assertThatThrownBy(() -> client.destroy("no-such-object"))
          .isInstanceOfSatisfying(
              KmipOperationException.class,
              e -> {
                assertThat(e.operation()).isEqualTo("Destroy");
                assertThat(e.resultReason()).isEqualTo(ResultReason.OBJECT_NOT_FOUND);
                assertThat(e.resultMessage()).contains("no-such-object");
              });
    }
  }

  @Test
  void manyThreadsShareTheConnectionPool() throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    try (KmipClient client = KmipClient.create(config, 3)) {
      String key = activeAesKey(client);
      List<byte[]> messages = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        byte[] message = new byte[1 + random.nextInt(200)];
        random.nextBytes(message);
        messages.add(message);
      }
      ExecutorService threads = Executors.newFixedThreadPool(6);
      try {
        List<Future<byte[]>> results = new ArrayList<>();
        for (byte[] message : messages) {
          results.add(
              threads.submit(
                  () -> {
                    Encrypt.Response sealed =
                        client.encrypt(
                            new Encrypt.Request(
                                key,
                                null,
                                ByteString.copyOf(message),
                                null,
                                null,
                                null,
                                null,
                                null));
                    return Objects.requireNonNull(
                            client
                                .decrypt(
                                    new Decrypt.Request(
                                        key,
                                        null,
                                        sealed.data(),
                                        sealed.ivCounterNonce(),
                                        null,
                                        null,
                                        null,
                                        null,
                                        sealed.tag()))
                                .data())
                        .toByteArray();
                  }));
        }
        for (int i = 0; i < messages.size(); i++) {
          assertThat(results.get(i).get())
              .as("seed %d, message %d", seed, i)
              .isEqualTo(messages.get(i));
        }
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Test
  void locateFindsWhatCreateMade() throws Exception {
    try (KmipClient client = KmipClient.create(config, 1)) {
      String key = activeAesKey(client);
      assertThat(
              client.locate(
                  Attributes.of(
                      Attribute.of(
                          new TtlvEnumeration(
                              Tag.OBJECT_TYPE.code(), ObjectType.SYMMETRIC_KEY.value())))))
          .contains(key);
    }
  }
}

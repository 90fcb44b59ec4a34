package io.arca.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client given several servers: it skips one that cannot be reached, stays on the first that
 * answers, and moves to the next when that one goes away; a request that only reads is sent again
 * there, one that may have changed something is reported instead.
 */
class KmipClientFailoverTest {
  private static final Logger log = LoggerFactory.getLogger(KmipClientFailoverTest.class);
  @TempDir Path dir;
  private DevelopmentPki pki;
  private Arca a;
  private Arca b;
  private int closedPort;

  @BeforeEach
  void start() throws Exception {
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    a = start(dir.resolve("a"));
    b = start(dir.resolve("b"));
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort(); // nothing listens there once the probe is closed
    }
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  private Arca start(Path data) throws Exception {
    ServerConfig.Tls tls =
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null);
    return Arca.start(
        new ServerConfig(
            "127.0.0.1",
            0,
            data,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(16, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED),
        TlsContexts.server(tls));
  }

  private ClientConfig config(String hosts) {
    return new ClientConfig(
        hosts, 5696, pki.caCertificate(), pki.adminCertificate(), pki.adminKey(), null, null);
  }

  private static String aesKey(KmipClient client) throws IOException {
    return client.create(
        ObjectType.SYMMETRIC_KEY,
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256))));
  }

  @Test
  void aServerThatCannotBeReachedIsSkippedAndTheClientStaysOnTheNext() throws Exception {
    String hosts = "127.0.0.1:" + closedPort + ",127.0.0.1:" + a.port() + ",127.0.0.1:" + b.port();
    try (KmipClient client = KmipClient.create(config(hosts), 2)) {
      String key = aesKey(client);
      assertThat(client.serverInUse()).isEqualTo("127.0.0.1:" + a.port());
      for (int i = 0; i < 5; i++) {
        assertThat(client.get(key, null).uniqueIdentifier()).isEqualTo(key);
      }
      assertThat(client.serverInUse()).isEqualTo("127.0.0.1:" + a.port());
    }
  }

  @Test
  void whenItsServerGoesAReadIsSentAgainToTheNextAndAWriteIsReported() throws Exception {
    String hosts = "127.0.0.1:" + a.port() + ",127.0.0.1:" + b.port();
    try (KmipClient client = KmipClient.create(config(hosts), 1)) {
      aesKey(client); // a connection to a, kept in the pool
      a.close();
      long started = System.nanoTime();
      // Locate only reads: the broken connection is replaced by one to b, and the answer is b's.
      assertThat(client.locate(Attributes.EMPTY)).isEmpty();
      long failoverMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(client.serverInUse()).isEqualTo("127.0.0.1:" + b.port());
      log.info("failover of a read to the next server: {} ms", failoverMillis);

      String onB = aesKey(client);
      int oldB = b.port();
      b.close();
      b = start(dir.resolve("b")); // b comes back on another port: nothing listens at the old one
      assertThatThrownBy(() -> aesKey(client))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(ConnectException.class); // the Create was sent, and may have been done
      assertThatThrownBy(() -> client.get(onB, null))
          .isInstanceOf(ConnectException.class)
          .hasMessageContaining("no server can be reached")
          .hasMessageContaining("127.0.0.1:" + a.port())
          .hasMessageContaining("127.0.0.1:" + oldB);
    }
  }
}

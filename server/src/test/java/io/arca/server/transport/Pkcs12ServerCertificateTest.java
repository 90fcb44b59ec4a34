package io.arca.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.Password;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's key and chain can come from one PKCS#12 file instead of two PEM files. */
class Pkcs12ServerCertificateTest {
  @TempDir Path dir;

  @Test
  void serverWithAPkcs12KeyStoreCompletesTheHandshake() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    Path p12 = dir.resolve("server.p12");
    char[] password = "changeit".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server",
        TestClients.privateKey(pki.serverKey()),
        password,
        new Certificate[] {
          TestClients.certificate(pki.serverCertificate()),
          TestClients.certificate(pki.caCertificate())
        });
    try (OutputStream out = Files.newOutputStream(p12)) {
      store.store(out, password);
    }
    ServerConfig.Tls tls =
        new ServerConfig.Tls(p12, null, pki.caCertificate(), new Password(password));
    ServerConfig config = TestServers.config(dir, tls, 8, 4096);

    try (Arca server = Arca.start(config, TlsContexts.server(tls));
        SSLSocket socket =
            TestClients.connect(
                TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey()),
                server.port())) {
      assertThat(socket.getSession().getPeerCertificates()[0])
          .isEqualTo(TestClients.certificate(pki.serverCertificate()));
    }
  }
}

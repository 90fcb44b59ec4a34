package io.arca.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedChainsTest {
  @TempDir Path dir;
  DevelopmentPki ours;
  DevelopmentPki theirs;
  final AtomicLong now = new AtomicLong(System.currentTimeMillis());
  Counting pkix;
  VerifiedChains chains;

  @BeforeEach
  void setUp() throws Exception {
    ours = DevelopmentPki.openOrCreate(dir.resolve("ours"));
    theirs = DevelopmentPki.openOrCreate(dir.resolve("theirs"));
    VerifiedChains real = VerifiedChains.trusting(ours.caCertificate());
    pkix = new Counting(real);
    chains = new VerifiedChains(pkix, now::get);
  }

  @Test
  void anAcceptedChainIsAcceptedAgainWithoutAnotherValidation() throws Exception {
    X509Certificate[] admin = chain(ours.adminCertificate());

    check(admin, "UNKNOWN");
    check(admin, "UNKNOWN");

    assertThat(pkix.calls).hasValue(1);
  }

  @Test
  void aRefusedChainIsValidatedAndRefusedEveryTime() throws Exception {
    X509Certificate[] stranger = chain(theirs.adminCertificate());

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> check(stranger, "UNKNOWN")).isInstanceOf(CertificateException.class);
    }
    assertThat(pkix.calls).hasValue(2);
  }

  @Test
  void anAcceptedChainIsValidatedAgainOnceOneOfItsCertificatesHasExpired() throws Exception {
    X509Certificate[] admin = chain(ours.adminCertificate());
    check(admin, "UNKNOWN");

    now.set(admin[0].getNotAfter().toInstant().toEpochMilli() + 1);
    check(admin, "UNKNOWN");

    assertThat(pkix.calls).hasValue(2);
  }

  @Test
  void anAcceptanceIsRememberedPerAuthenticationType() throws Exception {
    X509Certificate[] admin = chain(ours.adminCertificate());

    check(admin, "UNKNOWN");
    check(admin, "EC");

    assertThat(pkix.calls).hasValue(2);
  }

  @Test
  void anotherChainWithTheSameLeafIsValidatedOnItsOwn() throws Exception {
    X509Certificate[] admin = chain(ours.adminCertificate());
    X509Certificate[] withCa = {admin[0], chain(ours.caCertificate())[0]};

    check(admin, "UNKNOWN");
    check(withCa, "UNKNOWN");

    assertThat(pkix.calls).hasValue(2);
  }

  /** A check outside any handshake: given no engine, the JDK validator checks the chain alone. */
  @SuppressWarnings("NullAway")
  private void check(X509Certificate[] chain, String authType) throws CertificateException {
    chains.checkClientTrusted(chain, authType, (SSLEngine) null);
  }

  private static X509Certificate[] chain(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return new X509Certificate[] {
        (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)
      };
    }
  }

  /** The real validator, counting the engine-side client checks that reach it. */
  private static final class Counting extends X509ExtendedTrustManager {
    final AtomicInteger calls = new AtomicInteger();
    private final X509ExtendedTrustManager real;

    Counting(X509ExtendedTrustManager real) {
      this.real = real;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      calls.incrementAndGet();
      real.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new AssertionError("not used by the TLS engine");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new AssertionError("not used by the TLS engine");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      throw new AssertionError("a server checks clients");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      throw new AssertionError("a server checks clients");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      throw new AssertionError("a server checks clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return real.getAcceptedIssuers();
    }
  }
}

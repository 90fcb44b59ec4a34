package io.arca.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentPkiTest {
  @TempDir Path dir;

  @Test
  void firstStartCreatesACaAServerAndAnAdminCertificateThatChainToIt() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir);

    X509Certificate ca = read(pki.caCertificate());
    X509Certificate server = read(pki.serverCertificate());
    X509Certificate admin = read(pki.adminCertificate());
    server.verify(ca.getPublicKey());
    admin.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(admin.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(admin.getSubjectX500Principal().getName()).isEqualTo("CN=admin");
    assertThat(server.getSubjectAlternativeNames())
        .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void privateKeysAreReadableByTheOwnerOnly() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir);

    for (Path key :
        List.of(dir.resolve("ca.key"), pki.serverKey(), pki.adminKey(), pki.adminPkcs12())) {
      assertThat(Files.getPosixFilePermissions(key))
          .as(key.toString())
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  @Test
  void laterStartsReuseTheSamePki() throws Exception {
    DevelopmentPki first = DevelopmentPki.openOrCreate(dir);
    byte[] ca = Files.readAllBytes(first.caCertificate());

    DevelopmentPki second = DevelopmentPki.openOrCreate(dir);

    assertThat(Files.readAllBytes(second.caCertificate())).isEqualTo(ca);
  }

  @Test
  void adminPkcs12HoldsTheKeyAndTheChain() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir);

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pki.adminPkcs12())) {
      store.load(in, DevelopmentPki.ADMIN_P12_PASSWORD.toCharArray());
    }
    assertThat(store.isKeyEntry(DevelopmentPki.ADMIN_USER)).isTrue();
    assertThat(store.getCertificateChain(DevelopmentPki.ADMIN_USER)).hasSize(2);
  }

  private static X509Certificate read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}

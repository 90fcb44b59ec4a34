package io.arca.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.config.IdentitySource;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientIdentityTest {
  static X509Certificate full;
  static X509Certificate bare;

  @BeforeAll
  static void certificates() throws Exception {
    full =
        certificate(
            "CN=alice,OU=storage,O=Example",
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.rfc822Name, "alice@example.com"),
                  new GeneralName(GeneralName.dNSName, "array-7.example.com"),
                  new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example/array-7")
                }));
    bare = certificate("O=Example", null);
  }

  private static X509Certificate certificate(String subject, @Nullable GeneralNames names)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name(subject),
            BigInteger.ONE,
            Date.from(now),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            new X500Name(subject),
            keys.getPublic());
    if (names != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, names);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  @Test
  void commonNameIsTheDefaultUser() {
    assertThat(ClientIdentity.userOf(full, IdentitySource.CN)).contains("alice");
  }

  @Test
  void distinguishedNameIsTheWholeSubject() {
    // RFC 2253 prints the RDNs last to first; the certificate encodes CN first.
    assertThat(ClientIdentity.userOf(full, IdentitySource.DN))
        .contains("O=Example,OU=storage,CN=alice");
  }

  @Test
  void subjectAlternativeNamesCanNameTheUser() {
    assertThat(ClientIdentity.userOf(full, IdentitySource.SAN_EMAIL)).contains("alice@example.com");
    assertThat(ClientIdentity.userOf(full, IdentitySource.SAN_DNS)).contains("array-7.example.com");
    assertThat(ClientIdentity.userOf(full, IdentitySource.SAN_URI))
        .contains("spiffe://example/array-7");
  }

  @Test
  void certificateWithoutThePartAskedForNamesNoUser() {
    assertThat(ClientIdentity.userOf(bare, IdentitySource.CN)).isEmpty();
    assertThat(ClientIdentity.userOf(bare, IdentitySource.SAN_EMAIL)).isEmpty();
  }
}

package io.arca.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.server.config.IdentitySource;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUniversalString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
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
    return certificate(new X500Name(subject), names);
  }

  private static X509Certificate certificate(X500Name subject, @Nullable GeneralNames names)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            BigInteger.ONE,
            Date.from(now),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            subject,
            keys.getPublic());
    if (names != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, names);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  @Test
  void commonNameIsTheDefaultUser() throws Exception {
    assertThat(ClientIdentity.userOf(full, IdentitySource.CN)).isEqualTo("alice");
  }

  @Test
  void distinguishedNameIsTheWholeSubject() throws Exception {
    // RFC 2253 prints the RDNs last to first; the certificate encodes CN first.
    assertThat(ClientIdentity.userOf(full, IdentitySource.DN))
        .isEqualTo("O=Example,OU=storage,CN=alice");
  }

  @Test
  void subjectAlternativeNamesCanNameTheUser() throws Exception {
    assertThat(ClientIdentity.userOf(full, IdentitySource.SAN_EMAIL))
        .isEqualTo("alice@example.com");
    assertThat(ClientIdentity.userOf(full, IdentitySource.SAN_DNS))
        .isEqualTo("array-7.example.com");
    assertThat(ClientIdentity.userOf(full, IdentitySource.SAN_URI))
        .isEqualTo("spiffe://example/array-7");
  }

  @Test
  void certificateWithoutThePartAskedForIsRefused() {
    assertRefused(bare, IdentitySource.CN, "holds 0 CNs");
    assertRefused(bare, IdentitySource.SAN_EMAIL, "holds 0 e-mail addresses");
  }

  @Test
  void twoCommonNamesAreRefusedWhicheverWayTheyAreEncoded() throws Exception {
    X500Name twoRdns =
        new X500NameBuilder().addRDN(BCStyle.CN, "user2").addRDN(BCStyle.CN, "admin").build();
    assertRefused(certificate(twoRdns, null), IdentitySource.CN, "holds 2 CNs");
    X500Name multiValued =
        new X500NameBuilder()
            .addMultiValuedRDN(
                new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.CN},
                new String[] {"user2", "admin"})
            .build();
    assertRefused(certificate(multiValued, null), IdentitySource.CN, "holds 2 CNs");
  }

  @Test
  void commonNameMustBeACanonicalUserName() throws Exception {
    assertRefused(cn("user2 "), IdentitySource.CN, "white space");
    assertRefused(cn("\tuser2"), IdentitySource.CN, "white space");
    assertRefused(cn("*"), IdentitySource.CN, "'*'");
    assertRefused(cn("us*er"), IdentitySource.CN, "'*'");
    assertRefused(cn("user\u00072"), IdentitySource.CN, "U+0007 (a control character) at index 4");
    assertRefused(cn("user\u200d2"), IdentitySource.CN, "U+200D (a format character)");
    assertRefused(cn("user\u00a02"), IdentitySource.CN, "U+00A0 (a space other than U+0020)");
    assertRefused(cn("rene\u0301"), IdentitySource.CN, "normal form C");
    assertRefused(cn(""), IdentitySource.CN, "is empty");
    // RFC 5280 bounds a CN at 64 characters; a DN or a URI can reach the column's bound.
    assertThat(UserNames.problem("u".repeat(191))).isEmpty();
    assertThat(UserNames.problem("u".repeat(192))).hasValue("is longer than 191 characters");
    assertThat(ClientIdentity.userOf(cn("ren\u00e9 two"), IdentitySource.CN))
        .isEqualTo("ren\u00e9 two");
  }

  @Test
  void commonNameOfAStringTypeWithoutOneReadingIsRefused() throws Exception {
    X500Name universal =
        new X500Name(
            new RDN[] {new RDN(BCStyle.CN, new DERUniversalString(new byte[] {0, 0, 0, 0x61}))});
    assertRefused(certificate(universal, null), IdentitySource.CN, "not a UTF8");
  }

  @Test
  void distinguishedNameWhoseValuesAreNotCanonicalIsRefused() throws Exception {
    X500Name subject =
        new X500NameBuilder().addRDN(BCStyle.O, "Example ").addRDN(BCStyle.CN, "alice").build();
    assertRefused(
        certificate(subject, null), IdentitySource.DN, "2.5.4.10 of the DN begins or ends");
  }

  @Test
  void exactlyOneAlternativeNameOfTheKindIsAccepted() throws Exception {
    X509Certificate two =
        certificate(
            new X500Name("CN=alice"),
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.dNSName, "a.example.com"),
                  new GeneralName(GeneralName.dNSName, "b.example.com")
                }));
    assertRefused(two, IdentitySource.SAN_DNS, "holds 2 DNS names");
    X509Certificate upper =
        certificate(
            new X500Name("CN=alice"),
            new GeneralNames(new GeneralName(GeneralName.dNSName, "Array-7.Example.COM")));
    assertThat(ClientIdentity.userOf(upper, IdentitySource.SAN_DNS))
        .isEqualTo("array-7.example.com");
  }

  private static X509Certificate cn(String commonName) throws Exception {
    return certificate(new X500NameBuilder().addRDN(BCStyle.CN, commonName).build(), null);
  }

  private static void assertRefused(
      X509Certificate certificate, IdentitySource source, String why) {
    assertThatThrownBy(() -> ClientIdentity.userOf(certificate, source))
        .isInstanceOf(RefusedIdentity.class)
        .hasMessageContaining(why);
  }
}

package io.arca.server.tls;

import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A CA made in the test, with Bouncy Castle: it issues client and server certificates (PEM files
 * and JDK client contexts) and signs CRLs, so revocation and reload are tested against real TLS.
 */
final class TestPki {
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis() * 1000);

  final Path dir;
  final String name;
  final KeyPair caKeys;
  final X509Certificate ca;
  final Path caFile;

  /** One issued certificate and where its files are. */
  record Issued(X509Certificate certificate, Path certificateFile, Path keyFile, KeyPair keys) {
    BigInteger serial() {
      return certificate.getSerialNumber();
    }
  }

  private TestPki(Path dir, String name, KeyPair caKeys, X509Certificate ca, Path caFile) {
    this.dir = dir;
    this.name = name;
    this.caKeys = caKeys;
    this.ca = ca;
    this.caFile = caFile;
  }

  static TestPki create(Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    KeyPair keys = newKeys();
    X500Name subject = new X500Name("CN=" + name);
    Instant now = Instant.now();
    X509Certificate ca =
        sign(
            new JcaX509v3CertificateBuilder(
                    subject,
                    BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))),
                    subject,
                    keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
            keys);
    Path caFile = dir.resolve(name.replace(' ', '-') + ".crt");
    writePem(caFile, ca);
    return new TestPki(dir, name, keys, ca, caFile);
  }

  /** A client certificate for {@code user}, naming {@code ocsp} as its responder when given. */
  Issued client(String user, @Nullable URI ocsp) throws Exception {
    KeyPair keys = newKeys();
    X509v3CertificateBuilder builder =
        leaf("CN=" + user, keys)
            .addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    if (ocsp != null) {
      builder.addExtension(
          Extension.authorityInfoAccess,
          false,
          new AuthorityInformationAccess(
              AccessDescription.id_ad_ocsp,
              new GeneralName(GeneralName.uniformResourceIdentifier, ocsp.toString())));
    }
    return write("client-" + user, sign(builder, caKeys), keys);
  }

  Issued client(String user) throws Exception {
    return client(user, null);
  }

  /** A server certificate for localhost and 127.0.0.1. */
  Issued server(String fileName) throws Exception {
    KeyPair keys = newKeys();
    X509Certificate certificate =
        sign(
            leaf("CN=localhost", keys)
                .addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(
                        new GeneralName[] {
                          new GeneralName(GeneralName.dNSName, "localhost"),
                          new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                        })),
            caKeys);
    return write(fileName, certificate, keys);
  }

  /** An OCSP-signing responder certificate issued by this CA. */
  Issued responder() throws Exception {
    KeyPair keys = newKeys();
    X509Certificate certificate =
        sign(
            leaf("CN=" + name + " OCSP", keys)
                .addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)),
            caKeys);
    return write("responder", certificate, keys);
  }

  /** A JDK client context presenting {@code client} and trusting this CA. */
  SSLContext context(Issued client) throws Exception {
    return TestClients.context(caFile, client.certificateFile(), client.keyFile());
  }

  /**
   * Replaces {@code file} (atomically, as an operator's tooling would) with a CRL of this CA that
   * revokes {@code serials}, in PEM or DER.
   */
  void writeCrl(Path file, boolean pem, BigInteger... serials) throws Exception {
    Instant now = Instant.now();
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(new X500Name("CN=" + name), Date.from(now.minusSeconds(60)));
    builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
    for (BigInteger serial : serials) {
      builder.addCRLEntry(serial, Date.from(now.minusSeconds(30)), CRLReason.keyCompromise);
    }
    X509CRLHolder crl =
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
    Path temporary = Files.createTempFile(dir, "crl", ".tmp");
    if (pem) {
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII);
          JcaPEMWriter out = new JcaPEMWriter(writer)) {
        out.writeObject(crl);
      }
    } else {
      Files.write(temporary, crl.getEncoded());
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private X509v3CertificateBuilder leaf(String subject, KeyPair keys) throws Exception {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
            ca,
            BigInteger.valueOf(SERIALS.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            new javax.security.auth.x500.X500Principal(subject),
            keys.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
  }

  private Issued write(String fileName, X509Certificate certificate, KeyPair keys)
      throws IOException {
    Path cert = dir.resolve(fileName + "-" + certificate.getSerialNumber() + ".crt");
    Path key = dir.resolve(fileName + "-" + certificate.getSerialNumber() + ".key");
    writePem(cert, certificate);
    writePem(key, new JcaPKCS8Generator(keys.getPrivate(), null));
    return new Issued(certificate, cert, key, keys);
  }

  static KeyPair newKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  static void writePem(Path file, Object object) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      pem.writeObject(object);
    }
  }
}

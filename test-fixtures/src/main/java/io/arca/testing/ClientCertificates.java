package io.arca.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Client certificates issued by a test CA (the server's development CA, say), so that tests can
 * connect as any user: an EC P-256 key, the client-authentication extended key usage, valid from an
 * hour ago for a day, and a random serial so that certificates issued in the same millisecond
 * differ.
 */
public final class ClientCertificates {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientCertificates() {}

  /**
   * Issues a certificate for {@code CN=<user>} and writes it and its key (PKCS#8) as PEM files.
   *
   * @param caCertificate the CA's certificate (PEM)
   * @param caKey the CA's private key (PEM, PKCS#8 or traditional)
   */
  public static void issue(Path caCertificate, Path caKey, String user, Path certificate, Path key)
      throws IOException, GeneralSecurityException {
    issue(caCertificate, caKey, new X500Name("CN=" + user), certificate, key);
  }

  /** Issues a certificate for {@code subject} and writes it and its key as PEM files. */
  public static void issue(
      Path caCertificate, Path caKey, X500Name subject, Path certificate, Path key)
      throws IOException, GeneralSecurityException {
    X509Certificate ca = readCertificate(caCertificate);
    PrivateKey signer = readPrivateKey(caKey);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    X509Certificate issued;
    try {
      issued =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          new JcaX509CertificateHolder(ca).getSubject(),
                          new BigInteger(63, RANDOM),
                          Date.from(now.minus(Duration.ofHours(1))),
                          Date.from(now.plus(Duration.ofDays(1))),
                          subject,
                          keys.getPublic())
                      .addExtension(
                          Extension.extendedKeyUsage,
                          false,
                          new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                      .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("signing the certificate of " + subject, e);
    }
    writePem(certificate, issued);
    writePem(key, new JcaPKCS8Generator(keys.getPrivate(), null));
  }

  private static X509Certificate readCertificate(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static PrivateKey readPrivateKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object read = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (read instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (read instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IOException(file + ": not a private key");
    }
  }

  private static void writePem(Path file, Object object) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      pem.writeObject(object);
    }
  }
}

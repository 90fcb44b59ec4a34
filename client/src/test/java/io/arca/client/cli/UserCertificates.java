package io.arca.client.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A client certificate for another user, issued by the development CA the server trusts, so that
 * the CLI can be driven as a second user (the server takes the user from the CN).
 */
final class UserCertificates {
  private UserCertificates() {}

  /** Writes {@code <user>.crt} and {@code <user>.key} (PEM) into {@code pki}, signed by its CA. */
  static void issue(Path pki, String user) throws Exception {
    X509CertificateHolder ca = (X509CertificateHolder) read(pki.resolve("ca.crt"));
    Object caKeyPem = read(pki.resolve("ca.key"));
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    PrivateKey caKey =
        caKeyPem instanceof PEMKeyPair pair
            ? converter.getPrivateKey(pair.getPrivateKeyInfo())
            : converter.getPrivateKey((PrivateKeyInfo) caKeyPem);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    X509CertificateHolder certificate =
        new JcaX509v3CertificateBuilder(
                ca.getSubject(),
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))),
                new X500Name("CN=" + user),
                keys.getPublic())
            .addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey));
    write(pki.resolve(user + ".crt"), certificate);
    write(pki.resolve(user + ".key"), new JcaPKCS8Generator(keys.getPrivate(), null));
  }

  private static Object read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      if (object == null) {
        throw new IOException(file + ": no PEM object");
      }
      return object;
    }
  }

  private static void write(Path file, Object object) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      pem.writeObject(object);
    }
  }
}

package io.arca.server.tls;

import io.arca.server.config.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The development PKI: on a first start without TLS settings, a CA, a server certificate
 * (localhost, 127.0.0.1) and a client certificate for the user {@code admin}, all ECDSA P-256
 * because a P-256 handshake costs the server less than half of an RSA-2048 one. Later starts reuse
 * the files. Nothing here is meant for production.
 */
public final class DevelopmentPki {
  /** The user name in the development client certificate. */
  public static final String ADMIN_USER = "admin";

  /** The password of {@code admin.p12}; it guards nothing that the PEM key beside it does not. */
  public static final String ADMIN_P12_PASSWORD = "arca";

  private static final Duration VALIDITY = Duration.ofDays(3650);
  private static final String SIGNATURE = "SHA256withECDSA";

  private final Path directory;

  private DevelopmentPki(Path directory) {
    this.directory = directory;
  }

  /** The PKI in {@code directory}, created there first if {@code ca.crt} does not exist yet. */
  public static DevelopmentPki openOrCreate(Path directory) throws IOException {
    DevelopmentPki pki = new DevelopmentPki(directory);
    if (!Files.exists(pki.caCertificate())) {
      try {
        pki.create();
      } catch (GeneralSecurityException | OperatorCreationException e) {
        throw new IOException("cannot create the development PKI in " + directory, e);
      }
    }
    return pki;
  }

  /** True when the directory already holds a development PKI. */
  public static boolean existsIn(Path directory) {
    return Files.exists(directory.resolve("ca.crt"));
  }

  public Path directory() {
    return directory;
  }

  public Path caCertificate() {
    return directory.resolve("ca.crt");
  }

  public Path serverCertificate() {
    return directory.resolve("server.crt");
  }

  public Path serverKey() {
    return directory.resolve("server.key");
  }

  public Path adminCertificate() {
    return directory.resolve("admin.crt");
  }

  public Path adminKey() {
    return directory.resolve("admin.key");
  }

  public Path adminPkcs12() {
    return directory.resolve("admin.p12");
  }

  private void create() throws IOException, GeneralSecurityException, OperatorCreationException {
    PrivateFiles.directory(directory);
    SecureRandom random = new SecureRandom();
    Instant now = Instant.now();

    KeyPair caKeys = newKeyPair(random);
    X500Name caName = new X500Name("CN=Arca development CA");
    X509Certificate ca =
        sign(
            new JcaX509v3CertificateBuilder(
                    caName, serial(random), from(now), until(now), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKeys.getPublic())),
            caKeys.getPrivate());

    KeyPair serverKeys = newKeyPair(random);
    GeneralNames serverNames =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(
                  GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())
            });
    X509Certificate server =
        sign(
            leaf(ca, caName, "CN=localhost", serverKeys, random, now, KeyPurposeId.id_kp_serverAuth)
                .addExtension(Extension.subjectAlternativeName, false, serverNames),
            caKeys.getPrivate());

    KeyPair adminKeys = newKeyPair(random);
    X509Certificate admin =
        sign(
            leaf(
                ca,
                caName,
                "CN=" + ADMIN_USER,
                adminKeys,
                random,
                now,
                KeyPurposeId.id_kp_clientAuth),
            caKeys.getPrivate());

    writePem(directory.resolve("ca.key"), caKeys.getPrivate(), true);
    writePem(caCertificate(), ca, false);
    writePem(serverKey(), serverKeys.getPrivate(), true);
    writePem(serverCertificate(), server, false);
    writePem(adminKey(), adminKeys.getPrivate(), true);
    writePem(adminCertificate(), admin, false);
    writePkcs12(adminPkcs12(), adminKeys.getPrivate(), admin, ca);
  }

  private static X509v3CertificateBuilder leaf(
      X509Certificate ca,
      X500Name caName,
      String subject,
      KeyPair keys,
      SecureRandom random,
      Instant now,
      KeyPurposeId purpose)
      throws IOException, GeneralSecurityException {
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    return new JcaX509v3CertificateBuilder(
            caName, serial(random), from(now), until(now), new X500Name(subject), keys.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
        .addExtension(
            Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca))
        .addExtension(
            Extension.subjectKeyIdentifier,
            false,
            extensions.createSubjectKeyIdentifier(keys.getPublic()));
  }

  private static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws GeneralSecurityException, OperatorCreationException {
    ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuerKey);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(127, random).add(BigInteger.ONE);
  }

  private static Date from(Instant now) {
    return Date.from(now.minus(Duration.ofHours(1)));
  }

  private static Date until(Instant now) {
    return Date.from(now.plus(VALIDITY));
  }

  private static void writePem(Path file, Object object, boolean secret) throws IOException {
    try (OutputStream out = create(file, secret);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      // Private keys go out as PKCS#8 ("PRIVATE KEY"), the form TLS libraries and KMIP clients all
      // read.
      pem.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
    }
  }

  private static void writePkcs12(
      Path file, PrivateKey key, X509Certificate certificate, X509Certificate ca)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = ADMIN_P12_PASSWORD.toCharArray();
    store.setKeyEntry(ADMIN_USER, key, password, new Certificate[] {certificate, ca});
    try (OutputStream out = create(file, true)) {
      store.store(out, password);
    }
  }

  /** Creates a new file; private keys get mode 0600 from the start, not after the fact. */
  private static OutputStream create(Path file, boolean secret) throws IOException {
    if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING);
    }
    return Files.newOutputStream(file);
  }
}

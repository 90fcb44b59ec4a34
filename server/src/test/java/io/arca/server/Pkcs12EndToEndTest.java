package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CertificateType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.LinkType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Export;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Get and Export with Key Format Type PKCS#12 (KMIP 1.4 §4.11, 2.1 §6.1.22) over mutual TLS: the
 * private key with the certificate chain its links name, under the password of its PKCS#12 Password
 * Link, read back by the JDK and by {@code openssl pkcs12}; and the refusals the specification
 * gives.
 */
class Pkcs12EndToEndTest {
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path dir;
  static Arca server;
  static SSLContext admin;
  static Chain chain;

  /** A CA and an EC P-256 leaf it signed, with the leaf's key pair. */
  record Chain(X509Certificate ca, X509Certificate leaf, KeyPair leafKeys) {}

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    chain = chain();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Chain chain() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair caKeys = rsa.generateKeyPair();
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair leafKeys = ec.generateKeyPair();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X500Name caName = new X500Name("CN=PKCS12 Test CA,O=Arca");
    JcaContentSignerBuilder signer = new JcaContentSignerBuilder("SHA256withRSA");
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    X509Certificate ca =
        converter.getCertificate(
            new JcaX509v3CertificateBuilder(
                    caName,
                    BigInteger.ONE,
                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)),
                    caName,
                    caKeys.getPublic())
                .build(signer.build(caKeys.getPrivate())));
    X509Certificate leaf =
        converter.getCertificate(
            new JcaX509v3CertificateBuilder(
                    caName,
                    BigInteger.TWO,
                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)),
                    new X500Name("CN=pkcs12-leaf,O=Arca"),
                    leafKeys.getPublic())
                .build(signer.build(caKeys.getPrivate())));
    return new Chain(ca, leaf, leafKeys);
  }

  private static Attribute link(LinkType type, String uid) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.LINK.code(),
            new TtlvEnumeration(Tag.LINK_TYPE.code(), type.value()),
            new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), uid)));
  }

  private static String register(VersionedClient kmip, ManagedObject object, Attribute... given)
      throws Exception {
    return Register.Response.decode(
            kmip.ok(
                Operation.REGISTER,
                Register.Request.of(object, Attributes.of(given)).encode(kmip.version())),
            kmip.version())
        .uniqueIdentifier();
  }

  private static KeyBlock block(
      KeyFormatType format, byte[] bytes, @Nullable Integer algorithm, @Nullable Integer bits) {
    return new KeyBlock(
        format.value(),
        null,
        KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(bytes))),
        algorithm,
        bits,
        null);
  }

  private static String password(VersionedClient kmip, SecretDataType type, boolean active)
      throws Exception {
    String uid =
        register(
            kmip,
            new SecretData(
                type.value(),
                block(
                    KeyFormatType.OPAQUE, PASSWORD.getBytes(StandardCharsets.UTF_8), null, null)));
    if (active) {
      kmip.ok(Operation.ACTIVATE, new Activate.Request(uid).encode(kmip.version()));
    }
    return uid;
  }

  /** The chain registered, linked as the client's version links it; the private key's id. */
  private static String privateKey(VersionedClient kmip, boolean withCertificate, Attribute... more)
      throws Exception {
    boolean v2 = kmip.version().isAtLeast(ProtocolVersion.V2_0);
    String ca =
        register(
            kmip,
            new Certificate(
                CertificateType.X_509.value(), ByteString.copyOf(chain.ca().getEncoded())));
    String leaf =
        register(
            kmip,
            new Certificate(
                CertificateType.X_509.value(), ByteString.copyOf(chain.leaf().getEncoded())),
            link(LinkType.CERTIFICATE_LINK, ca));
    int ec = CryptographicAlgorithm.EC.value();
    List<Attribute> publicAttributes = new java.util.ArrayList<>();
    if (withCertificate) {
      // 2.x names the certificate with PKCS#12 Certificate Link, 1.4 with Certificate Link.
      publicAttributes.add(
          link(v2 ? LinkType.PKCS_12_CERTIFICATE_LINK : LinkType.CERTIFICATE_LINK, leaf));
    }
    String publicKey =
        register(
            kmip,
            new PublicKey(
                block(KeyFormatType.X_509, chain.leafKeys().getPublic().getEncoded(), ec, 256)),
            publicAttributes.toArray(Attribute[]::new));
    List<Attribute> attributes = new java.util.ArrayList<>(List.of(more));
    attributes.add(link(LinkType.PUBLIC_KEY_LINK, publicKey));
    attributes.add(
        Attribute.of(
            new TtlvInteger(
                Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), CryptographicUsageMask.SIGN.value())));
    return register(
        kmip,
        new PrivateKey(
            block(KeyFormatType.PKCS_8, chain.leafKeys().getPrivate().getEncoded(), ec, 256)),
        attributes.toArray(Attribute[]::new));
  }

  private static Get.Request asPkcs12(String uid) {
    return new Get.Request(uid, KeyFormatType.PKCS_12.value(), null, null, null);
  }

  private static byte[] pkcs12Of(ManagedObject object) {
    assertThat(object).isInstanceOf(PrivateKey.class);
    KeyBlock block = Objects.requireNonNull(object.keyBlock());
    assertThat(block.keyFormatType()).isEqualTo(KeyFormatType.PKCS_12.value());
    KeyValue.Plain value = (KeyValue.Plain) Objects.requireNonNull(block.keyValue());
    return ((KeyMaterial.Bytes) value.keyMaterial()).value().toByteArray();
  }

  /** Reads the container with the JDK and checks key, chain and alias; then with openssl. */
  private static void readBack(byte[] pkcs12, String alias) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(pkcs12), PASSWORD.toCharArray());
    assertThat(java.util.Collections.list(store.aliases())).containsExactly(alias);
    java.security.PrivateKey key =
        (java.security.PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
    Signature sign = Signature.getInstance("SHA256withECDSA");
    sign.initSign(key);
    sign.update(new byte[] {1, 2, 3});
    byte[] signature = sign.sign();
    Signature verify = Signature.getInstance("SHA256withECDSA");
    verify.initVerify(chain.leaf().getPublicKey());
    verify.update(new byte[] {1, 2, 3});
    assertThat(verify.verify(signature)).isTrue();
    assertThat(store.getCertificateChain(alias)).containsExactly(chain.leaf(), chain.ca());

    Path file = Files.createTempFile(dir, "key", ".p12");
    Files.write(file, pkcs12);
    ProcessBuilder command =
        new ProcessBuilder(
                "openssl",
                "pkcs12",
                "-in",
                file.toString(),
                "-info",
                "-noout",
                "-passin",
                "env:P12_PASSWORD")
            .redirectErrorStream(true);
    command.environment().put("P12_PASSWORD", PASSWORD);
    Process openssl = command.start();
    openssl.getOutputStream().close();
    String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(openssl.waitFor()).as(output).isZero();
    assertThat(output).contains("MAC: sha256").contains("PBKDF2").contains("AES-256-CBC");
  }

  @ParameterizedTest
  // From 1.4: the PKCS#12 Password Link, which names the password, came with it.
  @ValueSource(strings = {"1.4", "2.0", "2.1"})
  void getAsPkcs12HoldsTheKeyAndItsChainUnderTheLinkedPassword(String version) throws Exception {
    ProtocolVersion v = VersionedClient.version(version);
    try (VersionedClient kmip = new VersionedClient(admin, server.port(), v)) {
      String password = password(kmip, SecretDataType.PASSWORD, true);
      boolean friendlyNames = v.isAtLeast(ProtocolVersion.V1_4);
      List<Attribute> attributes = new java.util.ArrayList<>();
      attributes.add(link(LinkType.PKCS_12_PASSWORD_LINK, password));
      if (friendlyNames) {
        attributes.add(
            Attribute.of(new TtlvTextString(Tag.PKCS_12_FRIENDLY_NAME.code(), "arca-leaf")));
      }
      String key = privateKey(kmip, true, attributes.toArray(Attribute[]::new));
      readBack(
          pkcs12Of(
              Get.Response.decode(kmip.ok(Operation.GET, asPkcs12(key).encode(v)), v).object()),
          friendlyNames ? "arca-leaf" : "alias");
      if (friendlyNames) {
        Export.Response exported =
            Export.Response.decode(
                kmip.ok(
                    Operation.EXPORT,
                    new Export.Request(key, KeyFormatType.PKCS_12.value(), null, null, null)
                        .encode(v)),
                v);
        readBack(pkcs12Of(exported.object()), "arca-leaf");
      }
      // Without a friendly name the specification's "alias".
      String unnamed = privateKey(kmip, true, link(LinkType.PKCS_12_PASSWORD_LINK, password));
      readBack(
          pkcs12Of(
              Get.Response.decode(kmip.ok(Operation.GET, asPkcs12(unnamed).encode(v)), v).object()),
          "alias");
    }
  }

  @ParameterizedTest
  // From 1.4: the PKCS#12 Password Link, which names the password, came with it.
  @ValueSource(strings = {"1.4", "2.0", "2.1"})
  void pkcs12IsRefusedAsTheSpecificationSays(String version) throws Exception {
    ProtocolVersion v = VersionedClient.version(version);
    int badPassword =
        v.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.BAD_PASSWORD.value()
            : ResultReason.INVALID_FIELD.value();
    try (VersionedClient kmip = new VersionedClient(admin, server.port(), v)) {
      String password = password(kmip, SecretDataType.PASSWORD, true);
      String seed = password(kmip, SecretDataType.SEED, true);
      String inactive = password(kmip, SecretDataType.PASSWORD, false);
      String aes =
          register(
              kmip,
              new SymmetricKey(
                  block(KeyFormatType.RAW, new byte[16], CryptographicAlgorithm.AES.value(), 128)));

      assertRefused(kmip, privateKey(kmip, true), badPassword, "no password link");
      assertRefused(
          kmip,
          privateKey(
              kmip,
              true,
              link(LinkType.PKCS_12_PASSWORD_LINK, password),
              link(LinkType.PKCS_12_PASSWORD_LINK, seed)),
          badPassword,
          "two password links");
      assertRefused(
          kmip,
          privateKey(kmip, true, link(LinkType.PKCS_12_PASSWORD_LINK, seed)),
          badPassword,
          "a seed");
      assertRefused(
          kmip,
          privateKey(kmip, true, link(LinkType.PKCS_12_PASSWORD_LINK, aes)),
          badPassword,
          "a key");
      assertRefused(
          kmip,
          privateKey(kmip, true, link(LinkType.PKCS_12_PASSWORD_LINK, inactive)),
          badPassword,
          "a password not active");
      assertRefused(
          kmip,
          privateKey(kmip, false, link(LinkType.PKCS_12_PASSWORD_LINK, password)),
          ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED.value(),
          "no certificate");
      assertRefused(
          kmip, aes, ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED.value(), "a symmetric key");
      assertRefused(
          kmip, password, ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED.value(), "secret data");
    }
  }

  private static void assertRefused(VersionedClient kmip, String uid, int reason, String why)
      throws Exception {
    ResponseBatchItem item = kmip.call(Operation.GET, asPkcs12(uid).encode(kmip.version()));
    assertThat(item.resultReason()).as(why + ": " + item.resultMessage()).isEqualTo(reason);
  }
}

package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CertificateType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Import;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A registered or imported X.509 certificate gets the attributes KMIP says the server sets (1.4
 * §3.4-3.17, 2.1 §4.6-4.8, 4.13-4.14, 4.21-4.22, 4.61-4.63), each under the name the client's
 * version gives it, and Locate finds the certificate by every one of them; over mutual TLS.
 */
class CertificateAttributesEndToEndTest {
  @TempDir static java.nio.file.Path dir;
  static Arca server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A certificate of an EC P-256 key, signed by an RSA issuer with SHA-256, with a SAN. */
  private record Issued(ByteString der, BigInteger serial, X500Name subject, X500Name issuer) {}

  private static Issued issue(String label) throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair subjectKeys = ec.generateKeyPair();
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair issuerKeys = rsa.generateKeyPair();
    X500Name subject = new X500Name("CN=" + label + ",OU=Certificates,O=Arca,C=DE");
    X500Name issuer = new X500Name("CN=Arca Test Issuer " + label + ",O=Arca");
    BigInteger serial = new BigInteger(64, new java.security.SecureRandom()).add(BigInteger.ONE);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            serial,
            Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(now.plus(30, ChronoUnit.DAYS)),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, label + ".example")));
    byte[] der =
        builder
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate()))
            .getEncoded();
    return new Issued(ByteString.copyOf(der), serial, subject, issuer);
  }

  private record Client(SSLSocket socket, ProtocolVersion version) {
    TtlvStructure ok(Operation operation, TtlvStructure payload) throws IOException {
      RequestMessage request =
          new RequestMessage(
              RequestHeader.of(version),
              List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
      ResponseMessage response = TestClients.exchange(socket, request);
      ResponseBatchItem item = response.batchItems().get(0);
      assertThat(item.resultStatus())
          .as(operation.xmlName() + ": " + item.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
      return Objects.requireNonNull(item.responsePayload(), "payload");
    }

    Attributes attributes(String uid) throws IOException {
      return GetAttributes.Response.decode(
              ok(
                  Operation.GET_ATTRIBUTES,
                  new GetAttributes.Request(uid, List.of()).encode(version)),
              version)
          .attributes();
    }

    List<String> locate(Attribute criterion) throws IOException {
      return Locate.Response.decode(
              ok(Operation.LOCATE, Locate.Request.of(Attributes.of(criterion)).encode(version)),
              version)
          .uniqueIdentifiers();
    }
  }

  private static ProtocolVersion version(String text) {
    String[] parts = text.split("\\.", -1);
    return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  private static Certificate certificate(Issued issued) {
    return new Certificate(CertificateType.X_509.value(), issued.der());
  }

  private static byte[] der(X500Name name) throws IOException {
    return name.getEncoded("DER");
  }

  /** What the client's version says the server sets on an X.509 certificate, by tag. */
  private static List<Ttlv> expected(Issued issued, ProtocolVersion v) throws Exception {
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(issued.der().toByteArray());
    List<Ttlv> expected =
        new java.util.ArrayList<>(
            List.of(
                new TtlvEnumeration(Tag.CERTIFICATE_TYPE.code(), CertificateType.X_509.value()),
                new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256),
                TtlvStructure.of(
                    Tag.DIGEST.code(),
                    new TtlvEnumeration(
                        Tag.HASHING_ALGORITHM.code(), HashingAlgorithm.SHA_256.value()),
                    TtlvByteString.of(Tag.DIGEST_VALUE.code(), sha256))));
    if (CryptographicAlgorithm.EC.isDefinedIn(v)) {
      // EC came with 1.2: a 1.0 or 1.1 client is not told a value its version lacks.
      expected.add(
          new TtlvEnumeration(
              Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.EC.value()));
    }
    if (!v.isAtLeast(ProtocolVersion.V2_0)) {
      expected.add(
          TtlvStructure.of(
              Tag.CERTIFICATE_IDENTIFIER.code(),
              new TtlvTextString(Tag.ISSUER.code(), issued.issuer().toString()),
              new TtlvTextString(Tag.SERIAL_NUMBER.code(), issued.serial().toString())));
      expected.add(
          TtlvStructure.of(
              Tag.CERTIFICATE_SUBJECT.code(),
              new TtlvTextString(
                  Tag.CERTIFICATE_SUBJECT_DISTINGUISHED_NAME.code(), issued.subject().toString()),
              new TtlvTextString(
                  Tag.CERTIFICATE_SUBJECT_ALTERNATIVE_NAME.code(),
                  subjectCn(issued) + ".example")));
      expected.add(
          TtlvStructure.of(
              Tag.CERTIFICATE_ISSUER.code(),
              new TtlvTextString(
                  Tag.CERTIFICATE_ISSUER_DISTINGUISHED_NAME.code(), issued.issuer().toString())));
    }
    if (v.isAtLeast(ProtocolVersion.V1_1)) {
      expected.add(new TtlvInteger(Tag.CERTIFICATE_LENGTH.code(), issued.der().length()));
      expected.add(
          new TtlvEnumeration(
              Tag.DIGITAL_SIGNATURE_ALGORITHM.code(),
              DigitalSignatureAlgorithm.SHA_256_WITH_RSA_ENCRYPTION.value()));
      expected.add(
          TtlvStructure.of(
              Tag.X_509_CERTIFICATE_IDENTIFIER.code(),
              TtlvByteString.of(Tag.ISSUER_DISTINGUISHED_NAME.code(), der(issued.issuer())),
              TtlvByteString.of(
                  Tag.CERTIFICATE_SERIAL_NUMBER.code(), issued.serial().toByteArray())));
      expected.add(
          TtlvStructure.of(
              Tag.X_509_CERTIFICATE_SUBJECT.code(),
              TtlvByteString.of(Tag.SUBJECT_DISTINGUISHED_NAME.code(), der(issued.subject())),
              TtlvByteString.of(
                  Tag.SUBJECT_ALTERNATIVE_NAME.code(),
                  new GeneralName(GeneralName.dNSName, subjectCn(issued) + ".example")
                      .getEncoded("DER"))));
      expected.add(
          TtlvStructure.of(
              Tag.X_509_CERTIFICATE_ISSUER.code(),
              TtlvByteString.of(Tag.ISSUER_DISTINGUISHED_NAME.code(), der(issued.issuer()))));
    }
    if (v.isAtLeast(ProtocolVersion.V2_0)) {
      expected.add(new TtlvTextString(Tag.CERTIFICATE_SUBJECT_CN.code(), subjectCn(issued)));
      expected.add(new TtlvTextString(Tag.CERTIFICATE_SUBJECT_O.code(), "Arca"));
      expected.add(
          new TtlvTextString(
              Tag.CERTIFICATE_ISSUER_CN.code(), "Arca Test Issuer " + subjectCn(issued)));
    }
    return expected;
  }

  private static String subjectCn(Issued issued) {
    return issued
        .subject()
        .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN)[0]
        .getFirst()
        .getValue()
        .toString();
  }

  /** The attributes not defined in {@code v} that must not be shown to its client. */
  private static List<Tag> absent(ProtocolVersion v) {
    if (v.isAtLeast(ProtocolVersion.V2_0)) {
      return List.of(Tag.CERTIFICATE_IDENTIFIER, Tag.CERTIFICATE_SUBJECT, Tag.CERTIFICATE_ISSUER);
    }
    if (!v.isAtLeast(ProtocolVersion.V1_1)) {
      return List.of(
          Tag.CERTIFICATE_LENGTH,
          Tag.DIGITAL_SIGNATURE_ALGORITHM,
          Tag.X_509_CERTIFICATE_IDENTIFIER,
          Tag.X_509_CERTIFICATE_SUBJECT,
          Tag.X_509_CERTIFICATE_ISSUER);
    }
    return List.of();
  }

  private static void checkAttributesAndLocate(Client client, String uid, Issued issued)
      throws Exception {
    ProtocolVersion v = client.version();
    Attributes attributes = client.attributes(uid);
    for (Tag tag : absent(v)) {
      assertThat(attributes.first(tag.code())).as(tag.xmlName()).isNull();
    }
    for (Ttlv value : expected(issued, v)) {
      Attribute has = attributes.first(value.tag());
      assertThat(has).as(TagNames.of(value.tag())).isNotNull();
      assertThat(attributes.all(value.tag()).stream().map(Attribute::value))
          .as(TagNames.of(value.tag()))
          .contains(value);
      assertThat(client.locate(Attribute.of(value)))
          .as("Locate by " + TagNames.of(value.tag()))
          .contains(uid);
    }
    // The search can fail too: another serial number finds nothing of this certificate.
    Tag identifier =
        v.isAtLeast(ProtocolVersion.V1_1) ? Tag.X_509_CERTIFICATE_IDENTIFIER : Tag.CERTIFICATE_TYPE;
    Attribute other =
        identifier == Tag.CERTIFICATE_TYPE
            ? Attribute.of(new TtlvEnumeration(identifier.code(), CertificateType.PGP.value()))
            : Attribute.of(
                TtlvStructure.of(
                    identifier.code(),
                    TtlvByteString.of(Tag.ISSUER_DISTINGUISHED_NAME.code(), der(issued.issuer())),
                    TtlvByteString.of(
                        Tag.CERTIFICATE_SERIAL_NUMBER.code(),
                        issued.serial().add(BigInteger.ONE).toByteArray())));
    assertThat(client.locate(other)).doesNotContain(uid);
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void aRegisteredCertificateHasTheAttributesItsVersionNames(String text) throws Exception {
    ProtocolVersion v = version(text);
    Issued issued = issue("registered-" + text.replace('.', '-'));
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      Client client = new Client(socket, v);
      String uid =
          Register.Response.decode(
                  client.ok(
                      Operation.REGISTER,
                      Register.Request.of(certificate(issued), Attributes.EMPTY).encode(v)),
                  v)
              .uniqueIdentifier();

      checkAttributesAndLocate(client, uid, issued);
    }
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"2.0", "2.1"})
  void anImportedCertificateHasTheSameAttributes(String text) throws Exception {
    ProtocolVersion v = version(text);
    Issued issued = issue("imported-" + text.replace('.', '-'));
    String uid = "imported-certificate-" + text;
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      Client client = new Client(socket, v);
      client.ok(
          Operation.IMPORT,
          new Import.Request(
                  uid,
                  io.arca.kmip.ObjectType.CERTIFICATE.value(),
                  null,
                  null,
                  Attributes.EMPTY,
                  certificate(issued))
              .encode(v));

      checkAttributesAndLocate(client, uid, issued);
    }
  }
}

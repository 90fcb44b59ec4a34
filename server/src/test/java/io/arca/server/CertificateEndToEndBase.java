package io.arca.server;

import static io.arca.server.TestAttributes.keyOf;
import static io.arca.server.TestAttributes.name;
import static io.arca.server.TestAttributes.usage;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CertificateRequestType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.LinkType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Certify;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.Validate;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server, the two users and the requests that the certificate end-to-end tests share: a CA made
 * in Arca, key pairs, Certify, Validate, Get and Get Attributes over real mutual TLS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CertificateEndToEndBase {
  @TempDir static Path dir;

  Arca server;
  SSLContext admin;
  SSLContext user1;

  private static final List<ProtocolVersion> VERSIONS =
      List.of(
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_1,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_3,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_0,
          ProtocolVersion.V2_1);

  static Stream<ProtocolVersion> versions() {
    return VERSIONS.stream()
        .filter(Operation.CERTIFY::isDefinedIn)
        .filter(Operation.RE_CERTIFY::isDefinedIn)
        .filter(Operation.VALIDATE::isDefinedIn);
  }

  @BeforeAll
  void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 1 << 20), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    Path cert = dir.resolve("user1.crt");
    Path key = dir.resolve("user1.key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), "user1", cert, key);
    user1 = TestClients.context(pki.caCertificate(), cert, key);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A CA Arca holds: its key pair and its self-signed certificate. */
  record Ca(String privateKey, String publicKey, String certificate) {}

  Ca ca(ProtocolVersion version, SSLContext who, String name) throws IOException {
    CreateKeyPair.Response pair = pair(version, who, name, false);
    String certificate =
        Certify.Response.decode(
                ok(
                    who,
                    version,
                    Operation.CERTIFY,
                    new Certify.Request(
                            pair.publicKeyUniqueIdentifier(), null, null, null, null, List.of())
                        .encode(version)),
                version)
            .uniqueIdentifier();
    return new Ca(pair.privateKeyUniqueIdentifier(), pair.publicKeyUniqueIdentifier(), certificate);
  }

  CreateKeyPair.Response pair(
      ProtocolVersion version, SSLContext who, String name, boolean withoutSign)
      throws IOException {
    CreateKeyPair.Response pair =
        CreateKeyPair.Response.decode(
            ok(
                who,
                version,
                Operation.CREATE_KEY_PAIR,
                new CreateKeyPair.Request(
                        new Attributes(keyOf(CryptographicAlgorithm.RSA, 2048), List.of()),
                        Attributes.of(
                            name(name + "-private"),
                            withoutSign
                                ? usage(CryptographicUsageMask.DECRYPT)
                                : usage(CryptographicUsageMask.SIGN)),
                        Attributes.of(name(name), usage(CryptographicUsageMask.VERIFY)),
                        CreateKeyPair.KeyPairMasks.NONE)
                    .encode(version)),
            version);
    ok(
        who,
        version,
        Operation.ACTIVATE,
        new Activate.Request(pair.privateKeyUniqueIdentifier()).encode(version));
    ok(
        who,
        version,
        Operation.ACTIVATE,
        new Activate.Request(pair.publicKeyUniqueIdentifier()).encode(version));
    return pair;
  }

  static Attribute issuer(String caCertificate) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.LINK.code(),
            new TtlvEnumeration(Tag.LINK_TYPE.code(), LinkType.CERTIFICATE_LINK.value()),
            new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), caCertificate)));
  }

  String certify(
      ProtocolVersion version,
      SSLContext who,
      CertificateRequestType type,
      byte[] request,
      String ca)
      throws IOException {
    ResponseBatchItem answer = certifyCall(version, who, type.value(), request, ca);
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Certify.Response.decode(Objects.requireNonNull(answer.responsePayload()), version)
        .uniqueIdentifier();
  }

  ResponseBatchItem certifyCall(
      ProtocolVersion version, SSLContext who, @Nullable Integer type, byte[] request, String ca)
      throws IOException {
    return call(
        who,
        version,
        Operation.CERTIFY,
        new Certify.Request(
                null, null, type, ByteString.copyOf(request), Attributes.of(issuer(ca)), List.of())
            .encode(version));
  }

  ValidityIndicator validate(
      ProtocolVersion version, List<Certificate> certificates, List<String> uids, @Nullable Long at)
      throws IOException {
    return Objects.requireNonNull(
        ValidityIndicator.byValue(
            Validate.Response.decode(
                    ok(
                        admin,
                        version,
                        Operation.VALIDATE,
                        new Validate.Request(certificates, uids, at).encode(version)),
                    version)
                .validityIndicator()));
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static byte[] csr(String subject, KeyPair keys) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))
        .getEncoded();
  }

  static X509Certificate x509(Certificate certificate) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(certificate.certificateValue().toByteArray()));
  }

  Certificate get(ProtocolVersion version, SSLContext who, String uid) throws IOException {
    return (Certificate)
        Get.Response.decode(
                ok(who, version, Operation.GET, Get.Request.of(uid).encode(version)), version)
            .object();
  }

  Attributes attributes(ProtocolVersion version, SSLContext who, String uid) throws IOException {
    return GetAttributes.Response.decode(
            ok(
                who,
                version,
                Operation.GET_ATTRIBUTES,
                new GetAttributes.Request(uid, List.of()).encode(version)),
            version)
        .attributes();
  }

  void grant(String uid, Operation operation) throws IOException {
    ok(
        admin,
        ProtocolVersion.V2_1,
        Operation.GRANT_ACCESS,
        new GrantAccess.Request(new AccessGrant("user1", uid, Set.of(operation)))
            .encode(ProtocolVersion.V2_1));
  }

  static void assertRefused(ResponseBatchItem answer, ResultReason reason, String says) {
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isNotEqualTo(ResultStatus.SUCCESS);
    assertThat(ResultReason.byValue(Objects.requireNonNull(answer.resultReason())))
        .as(answer.resultMessage())
        .isEqualTo(reason);
    assertThat(answer.resultMessage()).contains(says);
    assertThat(answer.responsePayload()).isNull();
  }

  TtlvStructure ok(
      SSLContext who, ProtocolVersion version, Operation operation, TtlvStructure payload)
      throws IOException {
    ResponseBatchItem answer = call(who, version, operation, payload);
    assertThat(answer.resultStatus())
        .as("%s: %s", operation, answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    return Objects.requireNonNull(answer.responsePayload());
  }

  ResponseBatchItem call(
      SSLContext who, ProtocolVersion version, Operation operation, TtlvStructure payload)
      throws IOException {
    try (SSLSocket socket = TestClients.connect(who, server.port())) {
      return TestClients.exchange(
              socket,
              new RequestMessage(
                  RequestHeader.of(version),
                  List.of(RequestBatchItem.of(operation.value(), payload))))
          .batchItems()
          .get(0);
    }
  }
}

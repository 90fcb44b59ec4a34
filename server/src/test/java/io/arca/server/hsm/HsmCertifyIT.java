package io.arca.server.hsm;

import static io.arca.server.hsm.HsmCryptoRequests.createEc;
import static io.arca.server.hsm.HsmCryptoRequests.grant;
import static io.arca.server.hsm.HsmCryptoRequests.name;
import static io.arca.server.hsm.HsmRequests.assertRefused;
import static io.arca.server.hsm.HsmRequests.createRsa;
import static io.arca.server.hsm.HsmRequests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CertificateRequestType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.payload.Certify;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.ReCertify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.testing.TokenImplementation;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Certify with a CA key held in the HSM, end to end over mutual TLS on both token implementations:
 * the HSM admin makes a CA key pair in the token and a self-signed CA certificate for it, which
 * Arca stores and links to the HSM private key; a stored device key pair and a PKCS#10 request are
 * certified by it, the token signing each certificate and the JDK checking it; a user without a
 * grant on the CA key is refused with nothing stored; and the CA's private key stays in the token.
 * The CA keys are whatever each token makes: RSA on both, EC P-256 on SoftHSM2 (opencryptoki's
 * software token has no EC).
 */
@ParameterizedClass
@EnumSource(TokenImplementation.class)
class HsmCertifyIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  @TempDir static Path dir;

  // Started for each token implementation, before its tests, by start().
  @SuppressWarnings("NullAway.Init")
  static HsmTestServer hsm;

  private final TokenImplementation implementation;

  HsmCertifyIT(TokenImplementation implementation) {
    this.implementation = implementation;
  }

  @BeforeEach
  void serverRunsOnThisImplementation() {
    assertThat(hsm.tokens().implementation()).isEqualTo(implementation);
  }

  @BeforeParameterizedClassInvocation
  static void start(TokenImplementation implementation) throws Exception {
    hsm = HsmTestServer.start(dir, implementation);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    if (hsm != null) {
      hsm.close();
    }
  }

  /** The kinds of CA key pair a token may hold. */
  enum CaKey {
    RSA_2048,
    EC_P256
  }

  static Stream<CaKey> caKeys() {
    return Stream.of(CaKey.values());
  }

  /** The CA key pair in the HSM and its self-signed certificate in the database. */
  record HsmCa(String privateKey, String publicKey, String certificate, X509Certificate x509) {}

  /**
   * Makes the CA key pair in the first slot, or on a token that cannot make it asserts the refusal;
   * null then.
   */
  private CreateKeyPair.@Nullable Response caPair(KmipTestClient client, CaKey kind, String uid)
      throws Exception {
    if (kind == CaKey.RSA_2048) {
      return createRsa(client, uid, 2048, true);
    }
    ResponseBatchItem answer =
        client.call(Operation.CREATE_KEY_PAIR, createEc(uid, RecommendedCurve.P_256, true));
    if (implementation.ecdsa()) {
      assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
      return CreateKeyPair.Response.decode(Objects.requireNonNull(answer.responsePayload()), V2_1);
    }
    assertThat(answer.resultReason())
        .as(answer.resultMessage())
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED.value());
    assertThat(answer.resultMessage()).contains("does not offer");
    return null;
  }

  private @Nullable HsmCa hsmCa(KmipTestClient client, CaKey kind, String label) throws Exception {
    String uid = "hsm::" + hsm.tokens().slot1() + "::" + label + hsm.run();
    CreateKeyPair.Response pair = caPair(client, kind, uid);
    if (pair == null) {
      return null;
    }
    assertThat(pair.publicKeyUniqueIdentifier()).isEqualTo(uid + "_pk");
    String certificate =
        Certify.Response.decode(
                client.ok(
                    Operation.CERTIFY,
                    new Certify.Request(
                            pair.publicKeyUniqueIdentifier(), null, null, null, null, List.of())
                        .encode(V2_1)),
                V2_1)
            .uniqueIdentifier();
    return new HsmCa(uid, pair.publicKeyUniqueIdentifier(), certificate, x509(client, certificate));
  }

  @ParameterizedTest
  @MethodSource("caKeys")
  void anHsmCaKeySelfSignsAndCertifiesAStoredDeviceKey(CaKey kind) throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      HsmCa ca = hsmCa(client, kind, "ca-" + kind);
      if (ca == null) {
        return;
      }
      // The self-signed CA certificate: stored in the database, signed in the token.
      assertThat(ca.certificate()).doesNotStartWith("hsm::");
      X509Certificate root = ca.x509();
      assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
      assertThat(root.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
      root.verify(root.getPublicKey());
      PublicKey hsmPublic = HsmCryptoRequests.publicKey(client, ca.publicKey(), jca(kind));
      assertThat(root.getPublicKey()).isEqualTo(hsmPublic);
      Attributes caAttributes = attributes(client, ca.certificate());
      assertThat(links(caAttributes, LinkType.PUBLIC_KEY_LINK)).containsExactly(ca.publicKey());
      assertThat(links(caAttributes, LinkType.PRIVATE_KEY_LINK)).containsExactly(ca.privateKey());
      // The token's objects carry no Certificate Link: they take no attribute changes.
      assertThat(links(attributes(client, ca.publicKey()), LinkType.CERTIFICATE_LINK)).isEmpty();

      // A stored device key pair, certified by the HSM CA key.
      String device = "device-" + kind + hsm.run();
      CreateKeyPair.Response pair = storedPair(client, device);
      String uid =
          Certify.Response.decode(
                  client.ok(
                      Operation.CERTIFY,
                      new Certify.Request(
                              pair.publicKeyUniqueIdentifier(),
                              null,
                              null,
                              null,
                              Attributes.of(issuer(ca.certificate())),
                              List.of())
                          .encode(V2_1)),
                  V2_1)
              .uniqueIdentifier();
      X509Certificate issued = x509(client, uid);
      issued.verify(root.getPublicKey());
      issued.verify(hsmPublic);
      assertThat(issued.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
      assertThat(issued.getSubjectX500Principal().getName()).isEqualTo("CN=" + device);
      assertThat(issued.getBasicConstraints()).as("no CA").isEqualTo(-1);
      assertThat(issued.getSigAlgName()).isEqualTo(signatureAlgorithm(kind));
      Attributes certificate = attributes(client, uid);
      assertThat(links(certificate, LinkType.CERTIFICATE_LINK)).containsExactly(ca.certificate());
      assertThat(links(certificate, LinkType.PUBLIC_KEY_LINK))
          .containsExactly(pair.publicKeyUniqueIdentifier());
      assertThat(
              links(
                  attributes(client, pair.publicKeyUniqueIdentifier()), LinkType.CERTIFICATE_LINK))
          .containsExactly(uid);

      // Re-certify: the replacement is signed in the token again.
      String renewed =
          Certify.Response.decode(
                  client.ok(
                      Operation.RE_CERTIFY,
                      new ReCertify.Request(uid, null, null, null, null, null, List.of())
                          .encode(V2_1)),
                  V2_1)
              .uniqueIdentifier();
      X509Certificate replacement = x509(client, renewed);
      replacement.verify(hsmPublic);
      assertThat(replacement.getSerialNumber()).isNotEqualTo(issued.getSerialNumber());
      assertThat(links(attributes(client, renewed), LinkType.CERTIFICATE_LINK))
          .containsExactly(ca.certificate());

      // A PKCS#10 request of a key Arca does not hold, signed by the same CA key.
      KeyPair sensor = KeyPairGenerator.getInstance("RSA").generateKeyPair();
      String fromCsr =
          Certify.Response.decode(client.ok(Operation.CERTIFY, csrRequest(sensor, ca)), V2_1)
              .uniqueIdentifier();
      X509Certificate sensorCertificate = x509(client, fromCsr);
      sensorCertificate.verify(hsmPublic);
      assertThat(sensorCertificate.getPublicKey()).isEqualTo(sensor.getPublic());
      assertThat(sensorCertificate.getIssuerX500Principal())
          .isEqualTo(root.getSubjectX500Principal());
    }
  }

  @ParameterizedTest
  @MethodSource("caKeys")
  void aUserWithoutAGrantOnTheHsmCaKeyIsRefusedAndNothingIsStored(CaKey kind) throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient user = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1);
        KmipTestClient user14 =
            new KmipTestClient(hsm.user("user1"), hsm.port(), ProtocolVersion.V1_4)) {
      HsmCa ca = hsmCa(client, kind, "guarded-" + kind);
      if (ca == null) {
        return;
      }
      KeyPair device = KeyPairGenerator.getInstance("RSA").generateKeyPair();
      // A refused Certify would have stored the certificate as the user's, seen by the user.
      List<String> before = certificates(user);
      // Without any grant the CA's certificate is hidden.
      assertRefused(
          user,
          Operation.CERTIFY,
          csrRequest(device, ca),
          ResultReason.OBJECT_NOT_FOUND,
          "CA certificate hidden");
      assertRefused(
          user14,
          Operation.CERTIFY,
          csrRequest(device, ca, ProtocolVersion.V1_4),
          ResultReason.ITEM_NOT_FOUND,
          "CA certificate hidden, 1.4");
      // Certify on the certificate alone: the HSM private key is still hidden.
      grant(client, ca.certificate(), Operation.CERTIFY);
      ResponseBatchItem hidden = user.call(Operation.CERTIFY, csrRequest(device, ca));
      assertThat(hidden.resultReason())
          .as(hidden.resultMessage())
          .isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
      assertThat(hidden.resultMessage()).contains(ca.privateKey());
      // Another operation on the HSM key does not let its grantee certify.
      grant(client, ca.privateKey(), Operation.GET_ATTRIBUTES);
      ResponseBatchItem denied = user.call(Operation.CERTIFY, csrRequest(device, ca));
      assertThat(denied.resultReason())
          .as(denied.resultMessage())
          .isEqualTo(ResultReason.PERMISSION_DENIED.value());
      assertThat(denied.resultMessage()).contains(ca.privateKey());
      assertThat(certificates(user)).as("nothing stored").isEqualTo(before);

      // With Certify on the HSM key, the same request is signed by the token.
      grant(client, ca.privateKey(), Operation.CERTIFY);
      String uid =
          Certify.Response.decode(user.ok(Operation.CERTIFY, csrRequest(device, ca)), V2_1)
              .uniqueIdentifier();
      x509(user, uid).verify(ca.x509().getPublicKey());
      List<String> after = new ArrayList<>(before);
      after.add(uid);
      assertThat(certificates(user)).containsExactlyInAnyOrderElementsOf(after);
    }
  }

  @ParameterizedTest
  @MethodSource("caKeys")
  void theCaPrivateKeyNeverLeavesTheToken(CaKey kind) throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      HsmCa ca = hsmCa(client, kind, "kept-" + kind);
      if (ca == null) {
        return;
      }
      Attributes key =
          GetAttributes.Response.decode(
                  client.ok(
                      Operation.GET_ATTRIBUTES,
                      new GetAttributes.Request(ca.privateKey(), List.of()).encode(V2_1)),
                  V2_1)
              .attributes();
      assertThat(flag(key, Tag.SENSITIVE)).as("Sensitive").isTrue();
      assertThat(flag(key, Tag.EXTRACTABLE)).as("Extractable").isFalse();
      int usage = ((TtlvInteger) value(key, Tag.CRYPTOGRAPHIC_USAGE_MASK)).value();
      assertThat(usage & CryptographicUsageMask.SIGN.value()).as("may sign").isNotZero();
      // Neither its value nor a wrapped copy is given, even to the HSM admin who signs with it.
      assertRefused(
          client, Operation.GET, get(ca.privateKey(), null), ResultReason.SENSITIVE, "Get");
      // Signing with it still works after the refusal: the key was not touched.
      CreateKeyPair.Response pair = storedPair(client, "after-" + kind + hsm.run());
      String uid =
          Certify.Response.decode(
                  client.ok(
                      Operation.CERTIFY,
                      new Certify.Request(
                              pair.publicKeyUniqueIdentifier(),
                              null,
                              null,
                              null,
                              Attributes.of(issuer(ca.certificate())),
                              List.of())
                          .encode(V2_1)),
                  V2_1)
              .uniqueIdentifier();
      x509(client, uid).verify(ca.x509().getPublicKey());
    }
  }

  // ---- requests and checks --------------------------------------------------------------------

  private static String jca(CaKey kind) {
    return kind == CaKey.RSA_2048 ? "RSA" : "EC";
  }

  private static String signatureAlgorithm(CaKey kind) {
    return kind == CaKey.RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA";
  }

  static Attribute issuer(String caCertificate) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.LINK.code(),
            new TtlvEnumeration(Tag.LINK_TYPE.code(), LinkType.CERTIFICATE_LINK.value()),
            new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), caCertificate)));
  }

  static TtlvStructure csrRequest(KeyPair keys, HsmCa ca) throws Exception {
    return csrRequest(keys, ca, V2_1);
  }

  static TtlvStructure csrRequest(KeyPair keys, HsmCa ca, ProtocolVersion version)
      throws Exception {
    byte[] csr =
        new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=sensor" + hsm.run()), keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))
            .getEncoded();
    return new Certify.Request(
            null,
            null,
            CertificateRequestType.PKCS_10.value(),
            ByteString.copyOf(csr),
            Attributes.of(issuer(ca.certificate())),
            List.of())
        .encode(version);
  }

  /** A stored (not HSM) RSA key pair named {@code name}, Active. */
  static CreateKeyPair.Response storedPair(KmipTestClient client, String name) throws Exception {
    Attributes common =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.RSA.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 2048)),
            Attribute.of(
                TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), Instant.now().minusSeconds(60))));
    Attributes priv =
        Attributes.of(
            Attribute.of(name(name + "-private")),
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), CryptographicUsageMask.SIGN.value())));
    Attributes pub =
        Attributes.of(
            Attribute.of(name(name)),
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), CryptographicUsageMask.VERIFY.value())));
    CreateKeyPair.Response pair =
        CreateKeyPair.Response.decode(
            client.ok(
                Operation.CREATE_KEY_PAIR,
                new CreateKeyPair.Request(common, priv, pub, CreateKeyPair.KeyPairMasks.NONE)
                    .encode(V2_1)),
            V2_1);
    assertThat(pair.publicKeyUniqueIdentifier()).doesNotStartWith("hsm::");
    return pair;
  }

  static X509Certificate x509(KmipTestClient client, String uid) throws Exception {
    Certificate certificate =
        (Certificate) Get.Response.decode(client.ok(Operation.GET, get(uid, null)), V2_1).object();
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(certificate.certificateValue().toByteArray()));
  }

  static Attributes attributes(KmipTestClient client, String uid) throws Exception {
    return GetAttributes.Response.decode(
            client.ok(
                Operation.GET_ATTRIBUTES, new GetAttributes.Request(uid, List.of()).encode(V2_1)),
            V2_1)
        .attributes();
  }

  /** The Certificates the client may see. */
  static List<String> certificates(KmipTestClient client) throws Exception {
    return HsmRequests.locateByType(client, ObjectType.CERTIFICATE);
  }

  static List<String> links(Attributes attributes, LinkType type) {
    List<String> linked = new ArrayList<>();
    for (Attribute attribute : attributes.items()) {
      if (attribute.value() instanceof TtlvStructure link
          && link.tag() == Tag.LINK.code()
          && link.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration linkType
          && linkType.value() == type.value()
          && link.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString id) {
        linked.add(id.value());
      }
    }
    return linked;
  }

  static Ttlv value(Attributes attributes, Tag tag) {
    return Objects.requireNonNull(attributes.first(tag.code()), tag.name()).value();
  }

  static boolean flag(Attributes attributes, Tag tag) {
    return ((TtlvBoolean) value(attributes, tag)).value();
  }
}

package io.arca.server;

import static io.arca.server.TestAttributes.date;
import static io.arca.server.TestAttributes.links;
import static io.arca.server.TestAttributes.name;
import static io.arca.server.TestAttributes.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CertificateRequestType;
import io.arca.kmip.CertificateType;
import io.arca.kmip.LinkType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.payload.Certify;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Query;
import io.arca.kmip.payload.ReCertify;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.payload.Validate;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Certify, Re-certify and Validate over real mutual TLS at every version that defines them (all of
 * 1.0-2.1): a self-signed CA certificate for a key pair Arca holds, certificates it signs for a
 * held public key and for a PKCS#10 request, the Links both ways, who may use the CA key, renewal
 * with its links and dates, chains judged Valid, Invalid or Unknown, and each refusal with the
 * Result Reason the version's error table names and nothing stored.
 */
class CertifyEndToEndTest extends CertificateEndToEndBase {
  @ParameterizedTest
  @MethodSource("versions")
  void aHeldPublicKeyIsCertifiedByTheCaKeyAndLinkedBothWays(ProtocolVersion version)
      throws Exception {
    Ca ca = ca(version, admin, "ca-" + UUID.randomUUID());
    X509Certificate caCertificate = x509(get(version, admin, ca.certificate()));
    assertThat(caCertificate.getSubjectX500Principal())
        .isEqualTo(caCertificate.getIssuerX500Principal());
    assertThat(caCertificate.getBasicConstraints())
        .as("a CA certificate")
        .isGreaterThanOrEqualTo(0);
    caCertificate.verify(caCertificate.getPublicKey());
    assertThat(links(attributes(version, admin, ca.publicKey()), LinkType.CERTIFICATE_LINK))
        .containsExactly(ca.certificate());

    String device = "device-" + UUID.randomUUID();
    CreateKeyPair.Response pair = pair(version, admin, device, false);
    String uid =
        Certify.Response.decode(
                ok(
                    admin,
                    version,
                    Operation.CERTIFY,
                    new Certify.Request(
                            pair.publicKeyUniqueIdentifier(),
                            null,
                            null,
                            null,
                            Attributes.of(issuer(ca.certificate())),
                            List.of())
                        .encode(version)),
                version)
            .uniqueIdentifier();

    X509Certificate issued = x509(get(version, admin, uid));
    issued.verify(caCertificate.getPublicKey());
    assertThat(issued.getIssuerX500Principal()).isEqualTo(caCertificate.getSubjectX500Principal());
    assertThat(issued.getSubjectX500Principal().getName()).isEqualTo("CN=" + device);
    assertThat(issued.getBasicConstraints()).as("no CA").isEqualTo(-1);
    assertThat(issued.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2");
    Attributes certificate = attributes(version, admin, uid);
    assertThat(links(certificate, LinkType.PUBLIC_KEY_LINK))
        .containsExactly(pair.publicKeyUniqueIdentifier());
    assertThat(links(certificate, LinkType.PRIVATE_KEY_LINK))
        .containsExactly(pair.privateKeyUniqueIdentifier());
    assertThat(links(certificate, LinkType.CERTIFICATE_LINK)).containsExactly(ca.certificate());
    assertThat(
            links(
                attributes(version, admin, pair.publicKeyUniqueIdentifier()),
                LinkType.CERTIFICATE_LINK))
        .containsExactly(uid);
    assertThat(
            ((TtlvEnumeration)
                    Objects.requireNonNull(TestAttributes.value(certificate, Tag.CERTIFICATE_TYPE)))
                .value())
        .isEqualTo(CertificateType.X_509.value());
    assertThat(date(certificate, Tag.ACTIVATION_DATE)).isEqualTo(issued.getNotBefore().toInstant());
    assertThat(date(certificate, Tag.DEACTIVATION_DATE))
        .isEqualTo(issued.getNotAfter().toInstant());
    if (version.isAtLeast(ProtocolVersion.V1_1)) {
      assertThat(TestAttributes.value(certificate, Tag.X_509_CERTIFICATE_SUBJECT)).isNotNull();
      assertThat(TestAttributes.value(certificate, Tag.X_509_CERTIFICATE_ISSUER)).isNotNull();
      assertThat(TestAttributes.value(certificate, Tag.DIGITAL_SIGNATURE_ALGORITHM)).isNotNull();
      assertThat(TestAttributes.value(certificate, Tag.CERTIFICATE_LENGTH)).isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void aPkcs10RequestIsCertifiedInDerAndPemAndABadOneIsRefused(ProtocolVersion version)
      throws Exception {
    Ca ca = ca(version, admin, "ca-" + UUID.randomUUID());
    KeyPair device = rsa();
    byte[] csr = csr("CN=sensor-" + UUID.randomUUID(), device);
    String der = certify(version, admin, CertificateRequestType.PKCS_10, csr, ca.certificate());
    X509Certificate issued = x509(get(version, admin, der));
    assertThat(issued.getPublicKey()).isEqualTo(device.getPublic());
    issued.verify(x509(get(version, admin, ca.certificate())).getPublicKey());
    String pem =
        "-----BEGIN CERTIFICATE REQUEST-----\n"
            + java.util.Base64.getMimeEncoder(
                    64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(csr)
            + "\n-----END CERTIFICATE REQUEST-----\n";
    String fromPem =
        certify(
            version,
            admin,
            CertificateRequestType.PEM,
            pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            ca.certificate());
    assertThat(x509(get(version, admin, fromPem)).getPublicKey()).isEqualTo(device.getPublic());

    byte[] tampered = csr.clone();
    tampered[tampered.length - 1] ^= 0x01;
    assertRefused(
        certifyCall(
            version, admin, CertificateRequestType.PKCS_10.value(), tampered, ca.certificate()),
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_CSR
            : ResultReason.INVALID_FIELD,
        "signature");
    assertRefused(
        certifyCall(version, admin, CertificateRequestType.CRMF.value(), csr, ca.certificate()),
        ResultReason.FEATURE_NOT_SUPPORTED,
        "CRMF");
    assertRefused(
        certifyCall(version, admin, CertificateRequestType.PGP.value(), csr, ca.certificate()),
        // 2.x has no PGP request type: the value is refused as any undefined enumeration value is.
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.UNKNOWN_ENUMERATION
            : ResultReason.FEATURE_NOT_SUPPORTED,
        version.isAtLeast(ProtocolVersion.V2_0) ? "not defined" : "PGP");
    assertRefused(
        certifyCall(version, admin, null, csr, ca.certificate()),
        ResultReason.INVALID_FIELD,
        "CertificateRequestType");
  }

  @ParameterizedTest
  @MethodSource("versions")
  void onlyTheOwnerOrAGranteeOfCertifyMaySignWithTheCaKey(ProtocolVersion version)
      throws Exception {
    Ca ca = ca(version, admin, "ca-" + UUID.randomUUID());
    byte[] csr = csr("CN=user1", rsa());
    ResponseBatchItem refused =
        certifyCall(version, user1, CertificateRequestType.PKCS_10.value(), csr, ca.certificate());
    assertRefused(
        refused,
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.OBJECT_NOT_FOUND
            : ResultReason.ITEM_NOT_FOUND,
        ca.certificate());
    grant(ca.certificate(), Operation.CERTIFY);
    assertRefused(
        certifyCall(version, user1, CertificateRequestType.PKCS_10.value(), csr, ca.certificate()),
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.OBJECT_NOT_FOUND
            : ResultReason.ITEM_NOT_FOUND,
        ca.privateKey());
    // A grant of another operation on the CA key does not let its grantee certify.
    grant(ca.privateKey(), Operation.GET_ATTRIBUTES);
    assertRefused(
        certifyCall(version, user1, CertificateRequestType.PKCS_10.value(), csr, ca.certificate()),
        ResultReason.PERMISSION_DENIED,
        ca.privateKey());
    grant(ca.privateKey(), Operation.CERTIFY);
    String uid = certify(version, user1, CertificateRequestType.PKCS_10, csr, ca.certificate());
    assertThat(x509(get(version, user1, uid)).getSubjectX500Principal().getName())
        .isEqualTo("CN=user1");
  }

  @ParameterizedTest
  @MethodSource("versions")
  void aCaKeyWithoutSignUsageCannotCertify(ProtocolVersion version) throws Exception {
    Ca ca = ca(version, admin, "ca-" + UUID.randomUUID());
    CreateKeyPair.Response noSign = pair(version, admin, "nosign-" + UUID.randomUUID(), true);
    // A self-signed certificate whose key may not sign.
    ResponseBatchItem selfSigned =
        call(
            admin,
            version,
            Operation.CERTIFY,
            new Certify.Request(
                    noSign.publicKeyUniqueIdentifier(), null, null, null, null, List.of())
                .encode(version));
    assertRefused(
        selfSigned,
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK
            : ResultReason.PERMISSION_DENIED,
        "Sign");
    assertThat(
            links(
                attributes(version, admin, noSign.publicKeyUniqueIdentifier()),
                LinkType.CERTIFICATE_LINK))
        .as("nothing certified")
        .isEmpty();
    // A certificate that is no CA's cannot issue: the device's own certificate here.
    CreateKeyPair.Response device = pair(version, admin, "leaf-" + UUID.randomUUID(), false);
    String leaf =
        Certify.Response.decode(
                ok(
                    admin,
                    version,
                    Operation.CERTIFY,
                    new Certify.Request(
                            device.publicKeyUniqueIdentifier(),
                            null,
                            null,
                            null,
                            Attributes.of(issuer(ca.certificate())),
                            List.of())
                        .encode(version)),
                version)
            .uniqueIdentifier();
    assertRefused(
        certifyCall(
            version, admin, CertificateRequestType.PKCS_10.value(), csr("CN=x", rsa()), leaf),
        ResultReason.INVALID_FIELD,
        "not a CA");
  }

  @ParameterizedTest
  @MethodSource("versions")
  void reCertifyReplacesTheCertificateWithLinksNamesAndMovedDates(ProtocolVersion version)
      throws Exception {
    Ca ca = ca(version, admin, "ca-" + UUID.randomUUID());
    CreateKeyPair.Response pair = pair(version, admin, "renewed-" + UUID.randomUUID(), false);
    String certName = "cert-" + UUID.randomUUID();
    String old =
        Certify.Response.decode(
                ok(
                    admin,
                    version,
                    Operation.CERTIFY,
                    new Certify.Request(
                            pair.publicKeyUniqueIdentifier(),
                            null,
                            null,
                            null,
                            Attributes.of(issuer(ca.certificate()), name(certName)),
                            List.of())
                        .encode(version)),
                version)
            .uniqueIdentifier();
    X509Certificate before = x509(get(version, admin, old));
    long offset = 3600;
    String fresh =
        Certify.Response.decode(
                ok(
                    admin,
                    version,
                    Operation.RE_CERTIFY,
                    new ReCertify.Request(old, null, null, null, offset, null, List.of())
                        .encode(version)),
                version)
            .uniqueIdentifier();
    X509Certificate after = x509(get(version, admin, fresh));
    assertThat(after.getPublicKey()).isEqualTo(before.getPublicKey());
    assertThat(after.getSubjectX500Principal()).isEqualTo(before.getSubjectX500Principal());
    assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
    after.verify(x509(get(version, admin, ca.certificate())).getPublicKey());
    Attributes replaced = attributes(version, admin, old);
    Attributes replacement = attributes(version, admin, fresh);
    assertThat(names(replacement)).containsExactly(certName);
    assertThat(names(replaced)).isEmpty();
    assertThat(links(replacement, LinkType.REPLACED_OBJECT_LINK)).containsExactly(old);
    assertThat(links(replaced, LinkType.REPLACEMENT_OBJECT_LINK)).containsExactly(fresh);
    assertThat(links(replacement, LinkType.CERTIFICATE_LINK)).containsExactly(ca.certificate());
    assertThat(
            links(
                attributes(version, admin, pair.publicKeyUniqueIdentifier()),
                LinkType.CERTIFICATE_LINK))
        .containsExactly(fresh);
    // Activation = now + Offset; Deactivation moved as far as the Activation Date moved.
    Instant activation = date(replacement, Tag.ACTIVATION_DATE);
    assertThat(activation)
        .isBetween(Instant.now().plusSeconds(offset - 120), Instant.now().plusSeconds(offset + 5));
    assertThat(Duration.between(activation, date(replacement, Tag.DEACTIVATION_DATE)))
        .isEqualTo(
            Duration.between(
                date(replaced, Tag.ACTIVATION_DATE), date(replaced, Tag.DEACTIVATION_DATE)));
    assertThat(after.getNotBefore().toInstant()).isEqualTo(activation);

    // A public key is no certificate to renew.
    assertRefused(
        call(
            admin,
            version,
            Operation.RE_CERTIFY,
            new ReCertify.Request(
                    pair.publicKeyUniqueIdentifier(), null, null, null, null, null, List.of())
                .encode(version)),
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_OBJECT_TYPE
            : ResultReason.PERMISSION_DENIED,
        pair.publicKeyUniqueIdentifier());
  }

  @ParameterizedTest
  @MethodSource("versions")
  void validateJudgesChainsValidInvalidOrUnknown(ProtocolVersion version) throws Exception {
    Ca ca = ca(version, admin, "ca-" + UUID.randomUUID());
    byte[] csr = csr("CN=chain-" + UUID.randomUUID(), rsa());
    String leafUid = certify(version, admin, CertificateRequestType.PKCS_10, csr, ca.certificate());
    Certificate leaf = get(version, admin, leafUid);
    Certificate root = get(version, admin, ca.certificate());

    assertThat(validate(version, List.of(leaf), List.of(ca.certificate()), null))
        .isEqualTo(ValidityIndicator.VALID);
    assertThat(validate(version, List.of(leaf, root), List.of(), null))
        .isEqualTo(ValidityIndicator.VALID);
    // Without a trust anchor the server cannot tell.
    assertThat(validate(version, List.of(leaf), List.of(), null))
        .isEqualTo(ValidityIndicator.UNKNOWN);
    // An expired chain: two years on, past the leaf's year.
    long later = Instant.now().plus(Duration.ofDays(730)).getEpochSecond();
    assertThat(validate(version, List.of(leaf), List.of(ca.certificate()), later))
        .isEqualTo(ValidityIndicator.INVALID);
    // Another CA's root does not anchor this leaf.
    Ca other = ca(version, admin, "other-" + UUID.randomUUID());
    assertThat(validate(version, List.of(leaf), List.of(other.certificate()), null))
        .isEqualTo(ValidityIndicator.INVALID);
    // A tampered signature.
    byte[] bytes = leaf.certificateValue().toByteArray();
    bytes[bytes.length - 1] ^= 0x01;
    Certificate forged = new Certificate(CertificateType.X_509.value(), ByteString.copyOf(bytes));
    assertThat(validate(version, List.of(forged), List.of(ca.certificate()), null))
        .isEqualTo(ValidityIndicator.INVALID);
    // A revoked certificate Arca holds.
    ok(
        admin,
        version,
        Operation.REVOKE,
        new Revoke.Request(
                leafUid,
                new Revoke.RevocationReason(
                    io.arca.kmip.RevocationReasonCode.KEY_COMPROMISE.value(), null),
                Instant.now().getEpochSecond())
            .encode(version));
    assertThat(validate(version, List.of(), List.of(leafUid, ca.certificate()), null))
        .isEqualTo(ValidityIndicator.INVALID);
    // A key is no certificate.
    CreateKeyPair.Response pair = pair(version, admin, "v-" + UUID.randomUUID(), false);
    assertRefused(
        call(
            admin,
            version,
            Operation.VALIDATE,
            new Validate.Request(List.of(), List.of(pair.publicKeyUniqueIdentifier()), null)
                .encode(version)),
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_OBJECT_TYPE
            : ResultReason.INVALID_FIELD,
        pair.publicKeyUniqueIdentifier());
  }

  @ParameterizedTest
  @MethodSource("versions")
  void queryListsCertifyReCertifyAndValidate(ProtocolVersion version) throws Exception {
    Query.Response answer =
        Query.Response.decode(
            ok(
                admin,
                version,
                Operation.QUERY,
                new Query.Request(List.of(io.arca.kmip.QueryFunction.QUERY_OPERATIONS.value()))
                    .encode()));
    assertThat(answer.operations())
        .contains(
            Operation.CERTIFY.value(), Operation.RE_CERTIFY.value(), Operation.VALIDATE.value());
  }
}

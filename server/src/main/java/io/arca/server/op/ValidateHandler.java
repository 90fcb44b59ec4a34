package io.arca.server.op;

import io.arca.kmip.CertificateType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.payload.Validate;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validate (KMIP 1.4 §4.24, 2.1 §6.1.57): whether one chain of certificates, given by value and by
 * the Unique Identifiers of certificates the caller may Validate, is valid at the Validity Date.
 * The chain is put in order from its end-entity certificate up; the self-signed certificates of the
 * request are its trust anchors. The answer is Valid when the JDK's PKIX validator accepts the path
 * at that date and no certificate of it that Arca holds was revoked (Arca's own revocation list: a
 * held certificate with a Revocation Reason); Invalid when the path does not chain, a signature
 * fails, a certificate is outside its dates or revoked; Unknown when the chain ends at no trust
 * anchor. The spec leaves the policy to the server (2.1 §6.1.57).
 */
public final class ValidateHandler
    implements OperationHandler<Validate.Request, Validate.Response> {
  private final ObjectAccess objects;

  /** A handler reading managed certificates from {@code objects}. */
  public ValidateHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.VALIDATE;
  }

  @Override
  public Validate.Response handle(Validate.Request request, RequestContext context) {
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new KmipException(ResultReason.GENERAL_FAILURE, "no X.509 certificate factory");
    }
    List<X509Certificate> chain = new ArrayList<>();
    boolean revoked = false;
    for (Certificate certificate : request.certificates()) {
      chain.add(parsed(factory, certificate, "Certificate"));
    }
    for (String uid : request.uniqueIdentifiers()) {
      ObjectRecord record = objects.resolve(uid, context);
      if (record.objectType() != ObjectType.CERTIFICATE) {
        // Invalid Object Type came with 2.0; before, the field naming it is invalid.
        throw new KmipException(
            context.protocolVersion().isAtLeast(ProtocolVersion.V2_0)
                ? ResultReason.INVALID_OBJECT_TYPE
                : ResultReason.INVALID_FIELD,
            uid + " is a " + record.objectType().xmlName() + ", not a Certificate");
      }
      revoked |=
          record.state() == State.COMPROMISED
              || AttributeView.of(record).gives(Tag.REVOCATION_REASON);
      try {
        chain.add(
            parsed(
                factory,
                new Certificate(
                    CertificateType.X_509.value(),
                    io.arca.kmip.ttlv.ByteString.copyOf(
                        Certification.x509(objects.store(), record, context.protocolVersion())
                            .getEncoded())),
                uid));
      } catch (java.io.IOException e) {
        throw new KmipException(ResultReason.INVALID_FIELD, uid + " holds no X.509 certificate");
      }
    }
    if (chain.isEmpty()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "Validate: no Certificate and no Unique Identifier");
    }
    Instant at =
        request.validityDate() == null
            ? context.now()
            : Instant.ofEpochSecond(request.validityDate());
    return new Validate.Response(verdict(factory, chain, at, revoked).value());
  }

  private static ValidityIndicator verdict(
      CertificateFactory factory, List<X509Certificate> chain, Instant at, boolean revoked) {
    Set<TrustAnchor> anchors = new HashSet<>();
    List<X509Certificate> rest = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
        anchors.add(new TrustAnchor(certificate, null));
      } else {
        rest.add(certificate);
      }
    }
    if (anchors.isEmpty()) {
      return ValidityIndicator.UNKNOWN;
    }
    List<X509Certificate> path = ordered(rest);
    if (path == null) {
      return ValidityIndicator.INVALID;
    }
    try {
      Date date = Date.from(at);
      if (path.isEmpty()) {
        for (TrustAnchor anchor : anchors) {
          X509Certificate root = anchor.getTrustedCert();
          root.checkValidity(date);
          root.verify(root.getPublicKey());
        }
      } else {
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setDate(date);
        // Arca's revocations are those of the certificates it holds, checked above.
        parameters.setRevocationEnabled(false);
        CertPath certPath = factory.generateCertPath(path);
        CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        for (TrustAnchor anchor : anchors) {
          anchor.getTrustedCert().checkValidity(date);
        }
      }
    } catch (GeneralSecurityException e) {
      return ValidityIndicator.INVALID;
    }
    return revoked ? ValidityIndicator.INVALID : ValidityIndicator.VALID;
  }

  /**
   * The certificates from the end entity up, each issued by the next; null when they do not form
   * one chain (two ends, or a certificate issued by none of the others and not last).
   */
  private static @Nullable List<X509Certificate> ordered(List<X509Certificate> certificates) {
    List<X509Certificate> ends = new ArrayList<>();
    for (int i = 0; i < certificates.size(); i++) {
      X509Certificate candidate = certificates.get(i);
      boolean issuesAnother = false;
      for (int j = 0; j < certificates.size(); j++) {
        issuesAnother |=
            j != i
                && certificates
                    .get(j)
                    .getIssuerX500Principal()
                    .equals(candidate.getSubjectX500Principal());
      }
      if (!issuesAnother) {
        ends.add(candidate);
      }
    }
    if (certificates.isEmpty()) {
      return List.of();
    }
    if (ends.size() != 1) {
      return null;
    }
    List<X509Certificate> path = new ArrayList<>();
    @Nullable X509Certificate current = ends.get(0);
    while (current != null && path.size() < certificates.size()) {
      path.add(current);
      X509Certificate next = null;
      for (X509Certificate other : certificates) {
        if (!path.contains(other)
            && other.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
          next = other;
        }
      }
      current = next;
    }
    return path.size() == certificates.size() ? path : null;
  }

  private static X509Certificate parsed(
      CertificateFactory factory, Certificate certificate, String where) {
    if (certificate.certificateType() != CertificateType.X_509.value()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, where + ": only X.509 certificates are validated");
    }
    try {
      return (X509Certificate)
          factory.generateCertificate(
              new ByteArrayInputStream(certificate.certificateValue().toByteArray()));
    } catch (CertificateException e) {
      throw new KmipException(ResultReason.INVALID_FIELD, where + ": not an X.509 certificate");
    }
  }
}

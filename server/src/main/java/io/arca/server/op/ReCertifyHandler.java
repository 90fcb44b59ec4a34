package io.arca.server.op;

import io.arca.kmip.CertificateType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.payload.Certify;
import io.arca.kmip.payload.ReCertify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Re-certify (KMIP 1.4 §4.8, 2.0 §6.1.41, 2.1 §6.1.45): a new certificate for the same public key
 * (or the key of a new request), signed by the same issuer unless the request's Certificate Link
 * names another, that takes over the old certificate's attributes, Names and grants as Re-key does
 * ({@link Replacements}): Activation and Deactivation Dates copied, or moved by the Offset; Links
 * Replaced Object and Replacement Object both ways; the public key's Certificate Link moved to the
 * new certificate. The new certificate's validity is its Activation to Deactivation Date.
 */
public final class ReCertifyHandler
    implements OperationHandler<ReCertify.Request, Certify.Response> {
  private static final List<Tag> DATES = List.of(Tag.ACTIVATION_DATE, Tag.DEACTIVATION_DATE);

  private final Certification certification;

  ReCertifyHandler(Certification certification) {
    this.certification = certification;
  }

  /** A handler re-certifying in the store behind {@code objects}, signing through {@code keys}. */
  public static ReCertifyHandler of(
      ObjectAccess objects,
      KeyBackings keys,
      AsymmetricKeys asymmetricKeys,
      java.security.SecureRandom random) {
    return new ReCertifyHandler(
        new Certification(objects, keys, asymmetricKeys, new CertificateIssuer(random)));
  }

  @Override
  public Operation operation() {
    return Operation.RE_CERTIFY;
  }

  @Override
  public Certify.Response handle(ReCertify.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    if (request.certificateRequestUniqueIdentifier() != null) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "CertificateRequestUniqueIdentifier: Arca keeps no Certificate Request objects; send"
              + " the request's value");
    }
    ObjectRecord old = certification.objects().resolve(request.uniqueIdentifier(), context);
    if (old.objectType() != ObjectType.CERTIFICATE) {
      throw Replacements.wrongType(
          version,
          old.uid(),
          "is a " + old.objectType().xmlName() + " (Re-certify renews certificates)");
    }
    if (!old.hasContent()) {
      throw Replacements.destroyed(version, old.uid());
    }
    X509CertificateHolder existing = certification.x509(old, version);
    Certification.Subject subject;
    if (request.certificateRequest() != null) {
      subject =
          Certification.fromRequest(
              CertificateRequests.parsed(
                  request.certificateRequestType(), request.certificateRequest(), version),
              null);
      if (subject.publicKey().equals(existing.getSubjectPublicKeyInfo())) {
        subject =
            new Certification.Subject(
                subject.name(),
                subject.publicKey(),
                subject.alternativeNames(),
                old.linked(LinkType.PUBLIC_KEY_LINK),
                old.linked(LinkType.PRIVATE_KEY_LINK));
      }
    } else {
      subject =
          new Certification.Subject(
              existing.getSubject(),
              existing.getSubjectPublicKeyInfo(),
              existing.getExtensions() == null
                  ? null
                  : existing
                      .getExtensions()
                      .getExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName),
              old.linked(LinkType.PUBLIC_KEY_LINK),
              old.linked(LinkType.PRIVATE_KEY_LINK));
    }
    String issuer = Certification.issuerLink(request.attributes());
    if (issuer == null) {
      issuer = old.linked(LinkType.CERTIFICATE_LINK);
    }
    Certification.Authority authority = certification.authority(issuer, subject, context);
    Attributes given =
        request.attributes() == null
            ? Attributes.EMPTY
            : NewObjects.clientAttributes(
                Certification.withoutIssuerLink(request.attributes()),
                ObjectType.CERTIFICATE,
                certification.objects().store(),
                context);
    Set<AttributeReference> recomputed =
        Certification.impliedKinds(new Certificate(CertificateType.X_509.value(), der(existing)));
    List<Attribute> attributes = new ArrayList<>();
    for (Attribute attribute : Replacements.carried(old, given, request.offset(), DATES, context)) {
      if (!recomputed.contains(new AttributeReference.Tagged(attribute.value().tag()))) {
        attributes.add(attribute);
      }
    }
    Duration lifetime =
        Duration.between(existing.getNotBefore().toInstant(), existing.getNotAfter().toInstant());
    java.time.Instant activation =
        Lifecycle.date(new Attributes(attributes, List.of()), Tag.ACTIVATION_DATE);
    java.time.Instant notAfter = (activation == null ? context.now() : activation).plus(lifetime);
    String uid = ObjectAccess.newUid();
    Runnable giveBack = Replacements.handOver(certification.objects(), old, uid, context);
    ObjectRecord stored;
    try {
      stored =
          certification.issueAndStore(
              uid,
              subject,
              authority,
              attributes,
              List.of(StoredKeyPairs.link(LinkType.REPLACED_OBJECT_LINK, old.uid())),
              notAfter,
              old,
              context);
    } catch (RuntimeException e) {
      giveBack.run();
      throw e;
    }
    Replacements.shareGrants(old.uid(), stored.uid(), context);
    certification.linkPublicKey(subject.publicKeyUid(), stored.uid(), old.uid(), context);
    return new Certify.Response(stored.uid(), null);
  }

  private static ByteString der(X509CertificateHolder holder) {
    try {
      return ByteString.copyOf(holder.getEncoded());
    } catch (IOException e) {
      throw new KmipException(ResultReason.INVALID_FIELD, "the certificate does not encode");
    }
  }
}

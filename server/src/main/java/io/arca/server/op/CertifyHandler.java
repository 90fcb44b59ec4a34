package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Certify;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Certify (KMIP 1.4 §4.7, 2.0 and 2.1 §6.1.6): an X.509 certificate for a PKCS#10 request or for a
 * public key Arca holds, signed by a CA key Arca holds (stored or in the HSM, through its {@link
 * KeyBacking}), stored as a Certificate with a Public Key Link (and a Private Key Link when Arca
 * holds the pair) and linked from the public key by a Certificate Link (unless the public key is in
 * the HSM, whose objects take no attribute changes). The issuer is named by a Certificate Link to
 * its certificate in the request's attributes; without one, the public key's own private key signs
 * a self-signed CA certificate. The caller needs Certify on the CA's certificate and key (their
 * owner, or a grantee) and the right to create objects.
 */
public final class CertifyHandler implements OperationHandler<Certify.Request, Certify.Response> {
  private final Certification certification;

  CertifyHandler(Certification certification) {
    this.certification = certification;
  }

  /** A handler certifying in the store behind {@code objects}, signing through {@code keys}. */
  public static CertifyHandler of(
      ObjectAccess objects,
      KeyBackings keys,
      AsymmetricKeys asymmetricKeys,
      java.security.SecureRandom random) {
    return new CertifyHandler(
        new Certification(objects, keys, asymmetricKeys, new CertificateIssuer(random)));
  }

  @Override
  public Operation operation() {
    return Operation.CERTIFY;
  }

  @Override
  public Certify.Response handle(Certify.Request request, RequestContext context) {
    NewObjects.checkMayCreate(context);
    if (request.certificateRequestUniqueIdentifier() != null) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "CertificateRequestUniqueIdentifier: Arca keeps no Certificate Request objects; send"
              + " the request's value");
    }
    String issuer = Certification.issuerLink(request.attributes());
    Attributes given =
        NewObjects.clientAttributes(
            Certification.withoutIssuerLink(request.attributes()),
            ObjectType.CERTIFICATE,
            certification.objects().store(),
            context);
    Certification.Subject subject;
    if (request.certificateRequest() != null) {
      PKCS10CertificationRequest parsed =
          CertificateRequests.parsed(
              request.certificateRequestType(),
              request.certificateRequest(),
              context.protocolVersion());
      ObjectRecord publicKey = null;
      if (request.uniqueIdentifier() != null) {
        publicKey = certification.publicKey(request.uniqueIdentifier(), context);
      }
      subject = Certification.fromRequest(parsed, publicKey);
      if (publicKey != null
          && !certification
              .fromPublicKey(publicKey, context)
              .publicKey()
              .equals(subject.publicKey())) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "CertificateRequest: its key is not the public key " + publicKey.uid());
      }
    } else {
      ObjectRecord publicKey = certification.publicKey(request.uniqueIdentifier(), context);
      subject = certification.fromPublicKey(publicKey, context);
    }
    Certification.Authority authority = certification.authority(issuer, subject, context);
    ObjectRecord stored =
        certification.issueAndStore(
            ObjectAccess.newUid(),
            subject,
            authority,
            given.items(),
            List.of(),
            null,
            null,
            context);
    certification.linkPublicKey(subject.publicKeyUid(), stored.uid(), null, context);
    return new Certify.Response(stored.uid(), null);
  }
}

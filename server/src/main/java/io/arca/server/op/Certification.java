package io.arca.server.op;

import io.arca.kmip.CertificateType;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jspecify.annotations.Nullable;

/**
 * What Certify and Re-certify share: finding the CA key that signs (by a Certificate Link to the
 * issuer's certificate, or the subject's own private key for a self-signed certificate), checking
 * that the caller may use it and that it may sign, the validity, and storing the new Certificate
 * with its Links (KMIP 1.4 §4.7-4.8, 2.1 §6.1.6 and §6.1.45).
 */
final class Certification {
  /** How long a certificate is valid when the request gives no Deactivation Date. */
  static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final AsymmetricKeys asymmetricKeys;
  private final CertificateIssuer issuer;

  Certification(
      ObjectAccess objects,
      KeyBackings keys,
      AsymmetricKeys asymmetricKeys,
      CertificateIssuer issuer) {
    this.objects = objects;
    this.keys = keys;
    this.asymmetricKeys = asymmetricKeys;
    this.issuer = issuer;
  }

  ObjectAccess objects() {
    return objects;
  }

  /** A certificate's subject and key, as a request gives or a held object holds them. */
  record Subject(
      X500Name name,
      SubjectPublicKeyInfo publicKey,
      @Nullable Extension alternativeNames,
      @Nullable String publicKeyUid,
      @Nullable String privateKeyUid) {}

  /** The subject of a PKCS#10 request: its name, key and Subject Alternative Names. */
  static Subject fromRequest(PKCS10CertificationRequest request, @Nullable ObjectRecord publicKey) {
    Extension alternatives = null;
    for (org.bouncycastle.asn1.pkcs.Attribute attribute :
        request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      if (attribute.getAttrValues().size() > 0) {
        Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
        alternatives = extensions.getExtension(Extension.subjectAlternativeName);
      }
    }
    return new Subject(
        request.getSubject(),
        request.getSubjectPublicKeyInfo(),
        alternatives,
        publicKey == null ? null : publicKey.uid(),
        publicKey == null ? null : publicKey.linked(LinkType.PRIVATE_KEY_LINK));
  }

  /**
   * The subject of a certificate for a held public key: named {@code CN=} its first Name (else its
   * identifier), which is the user a certificate identity maps to.
   */
  Subject fromPublicKey(ObjectRecord publicKey, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    if (publicKey.objectType() != ObjectType.PUBLIC_KEY) {
      throw notCertifiable(version, publicKey.uid() + " is no Public Key");
    }
    SubjectPublicKeyInfo info =
        SubjectPublicKeyInfo.getInstance(
            asymmetricKeys.publicKey(publicKey, "Certify", version).getEncoded());
    String cn = publicKey.uid();
    List<Attribute> names = AttributeView.of(publicKey).names();
    if (!names.isEmpty()) {
      cn = AttributeView.nameValue(names.get(0).value()).orElse(cn);
    }
    X500Name subject;
    try {
      subject = new X500Name("CN=" + cn.replace("\\", "\\\\").replace(",", "\\,"));
    } catch (IllegalArgumentException e) {
      throw new KmipException(ResultReason.INVALID_FIELD, "Name: not usable as a Common Name");
    }
    return new Subject(
        subject, info, null, publicKey.uid(), publicKey.linked(LinkType.PRIVATE_KEY_LINK));
  }

  /**
   * The public key the request names, which the caller may certify.
   *
   * @throws KmipException Invalid Object Type (2.x) or Permission Denied (1.x: not able to be
   *     certified) when it is no public key
   */
  ObjectRecord publicKey(@Nullable String uid, RequestContext context) {
    ObjectRecord key = objects.resolve(uid, context);
    if (key.objectType() != ObjectType.PUBLIC_KEY) {
      throw notCertifiable(
          context.protocolVersion(),
          key.uid() + " is a " + key.objectType().xmlName() + " (Certify certifies public keys)");
    }
    return key;
  }

  /** The issuer's certificate a request's Certificate Link names, or null. */
  static @Nullable String issuerLink(@Nullable Attributes given) {
    if (given == null) {
      return null;
    }
    return new AttributeView(given).link(LinkType.CERTIFICATE_LINK).orElse(null);
  }

  /** The request's attributes without the Certificate Link that named the issuer. */
  static Attributes withoutIssuerLink(@Nullable Attributes given) {
    if (given == null) {
      return Attributes.EMPTY;
    }
    List<Attribute> items = new ArrayList<>();
    for (Attribute attribute : given.items()) {
      if (AttributeView.linkedId(attribute, LinkType.CERTIFICATE_LINK).isEmpty()) {
        items.add(attribute);
      }
    }
    return new Attributes(items, given.templateNames());
  }

  /** Who signs, and until when the issuer's certificate lets it. */
  record Authority(
      CertificateIssuer.Signer signer, @Nullable String certificateUid, @Nullable Instant until) {}

  /**
   * The CA that signs: the issuer's certificate {@code issuerCertificate} names and the private key
   * it links to, or for a self-signed certificate the subject's own private key. The caller must
   * hold Certify on the CA's certificate and key (their owner, or a grantee), the key must be an
   * Active private key with Sign in its usage mask, and an issuer's certificate must be a CA's.
   */
  Authority authority(@Nullable String issuerCertificate, Subject subject, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    if (issuerCertificate == null) {
      if (subject.privateKeyUid() == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Link: name the issuer's certificate with a Certificate Link (a self-signed"
                + " certificate needs a public key whose private key Arca holds)");
      }
      ObjectRecord key = signingKey(subject.privateKeyUid(), context);
      return new Authority(
          new CertificateIssuer.Signer(subject.name(), subject.publicKey(), key), null, null);
    }
    // Resolved as the request's object is: hidden without a right, Permission Denied with another.
    ObjectRecord certificate = objects.resolve(issuerCertificate, context);
    if (certificate.objectType() != ObjectType.CERTIFICATE) {
      throw new KmipException(
          version.isAtLeast(ProtocolVersion.V2_0)
              ? ResultReason.INVALID_OBJECT_TYPE
              : ResultReason.INVALID_FIELD,
          "Link: the issuer " + issuerCertificate + " is no Certificate");
    }
    X509CertificateHolder holder = x509(certificate, version);
    BasicConstraints constraints = BasicConstraints.fromExtensions(holder.getExtensions());
    if (constraints == null || !constraints.isCA()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Link: the issuer " + issuerCertificate + " is not a CA's certificate");
    }
    String keyUid = certificate.linked(LinkType.PRIVATE_KEY_LINK);
    if (keyUid == null) {
      String publicUid = certificate.linked(LinkType.PUBLIC_KEY_LINK);
      ObjectRecord publicKey =
          publicUid == null ? null : objects.store().find(publicUid).orElse(null);
      keyUid = publicKey == null ? null : publicKey.linked(LinkType.PRIVATE_KEY_LINK);
    }
    if (keyUid == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Link: Arca holds no private key of the issuer " + issuerCertificate);
    }
    return new Authority(
        new CertificateIssuer.Signer(
            holder.getSubject(), holder.getSubjectPublicKeyInfo(), signingKey(keyUid, context)),
        certificate.uid(),
        holder.getNotAfter().toInstant());
  }

  private ObjectRecord signingKey(String uid, RequestContext context) {
    ObjectRecord key = objects.resolve(uid, context);
    AsymmetricKeys.requireType(key, ObjectType.PRIVATE_KEY, "Certify");
    KeyUse.forProtecting(key, CryptographicUsageMask.SIGN, "Certify", context);
    return key;
  }

  /**
   * Issues the certificate and stores it under a new identifier, owned by {@code owner}'s owner
   * when given (Re-certify) or the caller: the request's attributes, what the certificate implies,
   * its Digest, the Activation and Deactivation Dates of its validity, and its Links.
   */
  ObjectRecord issueAndStore(
      String uid,
      Subject subject,
      Authority authority,
      List<Attribute> attributes,
      List<Attribute> links,
      @Nullable Instant defaultNotAfter,
      @Nullable ObjectRecord owner,
      RequestContext context) {
    Attributes given = new Attributes(attributes, List.of());
    Instant now = context.now().truncatedTo(ChronoUnit.SECONDS);
    Instant notBefore = dateIn(given, Tag.ACTIVATION_DATE);
    notBefore = notBefore == null ? now : notBefore;
    Instant notAfter = dateIn(given, Tag.DEACTIVATION_DATE);
    if (notAfter == null) {
      notAfter = defaultNotAfter != null ? defaultNotAfter : notBefore.plus(DEFAULT_VALIDITY);
      if (authority.until() != null && notAfter.isAfter(authority.until())) {
        notAfter = authority.until();
      }
    }
    if (!notAfter.isAfter(notBefore)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "DeactivationDate: the certificate would end before it begins (or after its issuer's)");
    }
    boolean selfSigned = authority.certificateUid() == null;
    byte[] der =
        issuer.issue(
            new CertificateIssuer.Subject(
                subject.name(),
                subject.publicKey(),
                subject.alternativeNames(),
                notBefore,
                notAfter,
                selfSigned),
            authority.signer(),
            keys.of(authority.signer().privateKey().uid()),
            context);
    Certificate certificate =
        new Certificate(CertificateType.X_509.value(), ByteString.copyOf(der));
    List<Attribute> serverSet = new ArrayList<>(CertificateAttributes.of(certificate, given));
    serverSet.add(NewObjects.digest(der, null));
    AttributeView asked = new AttributeView(given);
    if (!asked.gives(Tag.ACTIVATION_DATE)) {
      serverSet.add(Attribute.of(TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), notBefore)));
    }
    if (!asked.gives(Tag.DEACTIVATION_DATE)) {
      serverSet.add(Attribute.of(TtlvDateTime.of(Tag.DEACTIVATION_DATE.code(), notAfter)));
    }
    List<Attribute> allLinks = new ArrayList<>(links);
    if (subject.publicKeyUid() != null) {
      allLinks.add(StoredKeyPairs.link(LinkType.PUBLIC_KEY_LINK, subject.publicKeyUid()));
    }
    if (subject.privateKeyUid() != null) {
      allLinks.add(StoredKeyPairs.link(LinkType.PRIVATE_KEY_LINK, subject.privateKeyUid()));
    }
    if (authority.certificateUid() != null) {
      allLinks.add(StoredKeyPairs.link(LinkType.CERTIFICATE_LINK, authority.certificateUid()));
    }
    for (int i = 0; i < allLinks.size(); i++) {
      serverSet.add(allLinks.get(i).withIndex(i));
    }
    ObjectRecord draft =
        NewObjects.draft(
            objects.store(), uid, ObjectType.CERTIFICATE, given, serverSet, context, true);
    if (owner != null) {
      draft = Replacements.ownedAs(draft, owner);
    }
    TtlvStructure content = certificate.encode(StoredForm.VERSION);
    ObjectRecord stored = objects.store().create(draft, content);
    context.batch().onUndo(() -> objects.store().delete(uid));
    context.batch().setIdPlaceholder(uid);
    return stored;
  }

  /**
   * Links the public key to its new certificate: a Certificate Link added, or the one to {@code
   * replaced} moved to it (Re-certify). A public key in the HSM is left as it is: the token keeps
   * no KMIP attributes, so its certificate is found by the certificate's own Public Key Link.
   */
  void linkPublicKey(
      @Nullable String publicKeyUid,
      String certificateUid,
      @Nullable String replaced,
      RequestContext context) {
    if (publicKeyUid == null
        || AccessPolicy.isHsm(publicKeyUid)
        || objects.store().find(publicKeyUid).isEmpty()) {
      return;
    }
    objects.change(
        publicKeyUid,
        r -> r.withAttributes(relinked(r.attributes(), certificateUid, replaced), context.now()),
        context);
  }

  private static Attributes relinked(
      Attributes attributes, String certificateUid, @Nullable String replaced) {
    List<Attribute> items = new ArrayList<>();
    int links = 0;
    for (Attribute attribute : attributes.items()) {
      if (replaced != null
          && AttributeView.linkedId(attribute, LinkType.CERTIFICATE_LINK)
              .filter(replaced::equals)
              .isPresent()) {
        continue;
      }
      if (attribute.value().tag() == Tag.LINK.code()) {
        attribute = attribute.withIndex(links++);
      }
      items.add(attribute);
    }
    items.add(StoredKeyPairs.link(LinkType.CERTIFICATE_LINK, certificateUid).withIndex(links));
    return new Attributes(items, List.of());
  }

  /** The stored X.509 certificate of a Certificate object. */
  X509CertificateHolder x509(ObjectRecord certificate, ProtocolVersion version) {
    return x509(objects.store(), certificate, version);
  }

  /** The stored X.509 certificate of a Certificate object in {@code store}. */
  static X509CertificateHolder x509(
      ObjectStore store, ObjectRecord certificate, ProtocolVersion version) {
    try (ObjectContent content =
        store
            .content(certificate.uid())
            .orElseThrow(() -> Reasons.destroyed(version, certificate.uid()))) {
      if (!(ManagedObject.decode(content.structure(), StoredForm.VERSION)
          instanceof Certificate stored)) {
        throw new KmipException(
            ResultReason.INVALID_OBJECT_TYPE, certificate.uid() + " is no Certificate");
      }
      return new X509CertificateHolder(stored.certificateValue().toByteArray());
    } catch (IOException | RuntimeException e) {
      if (e instanceof KmipException known) {
        throw known;
      }
      throw new KmipException(
          ResultReason.INVALID_FIELD, certificate.uid() + " holds no X.509 certificate");
    }
  }

  /** The attributes of {@code implied}'s kinds, which a new certificate recomputes. */
  static Set<AttributeReference> impliedKinds(Certificate sample) {
    Set<AttributeReference> kinds = new HashSet<>();
    for (Attribute attribute : CertificateAttributes.of(sample, Attributes.EMPTY)) {
      kinds.add(new AttributeReference.Tagged(attribute.value().tag()));
    }
    return kinds;
  }

  private static @Nullable Instant dateIn(Attributes attributes, Tag tag) {
    return Lifecycle.date(attributes, tag);
  }

  /** A key or certificate of the wrong kind: Invalid Object Type in 2.x, else Permission Denied. */
  static KmipException notCertifiable(ProtocolVersion version, String why) {
    return new KmipException(
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_OBJECT_TYPE
            : ResultReason.PERMISSION_DENIED,
        why);
  }
}

package io.arca.server.op;

import io.arca.kmip.CertificateType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * The attributes a certificate implies, taken from its X.509 structure when it is registered or
 * imported so that Get Attributes shows them and Locate matches them: Certificate Type and Length,
 * the algorithm and length of its public key (KMIP 1.4 §3.4-3.5, 2.1 §4.13-4.14), its Digital
 * Signature Algorithm (§3.16, §4.22), the X.509 Certificate Identifier, Subject and Issuer (1.1+,
 * DER names), the deprecated 1.x Certificate Identifier, Subject and Issuer (text names), and the
 * fields of its subject and issuer names (1.4+, 2.x §4.6). Every form is stored; each client sees
 * the ones its version defines ({@link ObjectAttributes#forVersion}). A value that does not parse
 * as X.509 implies only its type and length.
 */
final class CertificateAttributes {
  private CertificateAttributes() {}

  private static final Map<ASN1ObjectIdentifier, Tag> SUBJECT =
      Map.ofEntries(
          Map.entry(BCStyle.CN, Tag.CERTIFICATE_SUBJECT_CN),
          Map.entry(BCStyle.O, Tag.CERTIFICATE_SUBJECT_O),
          Map.entry(BCStyle.OU, Tag.CERTIFICATE_SUBJECT_OU),
          Map.entry(BCStyle.EmailAddress, Tag.CERTIFICATE_SUBJECT_EMAIL),
          Map.entry(BCStyle.C, Tag.CERTIFICATE_SUBJECT_C),
          Map.entry(BCStyle.ST, Tag.CERTIFICATE_SUBJECT_ST),
          Map.entry(BCStyle.L, Tag.CERTIFICATE_SUBJECT_L),
          Map.entry(BCStyle.UID, Tag.CERTIFICATE_SUBJECT_UID),
          Map.entry(BCStyle.SERIALNUMBER, Tag.CERTIFICATE_SUBJECT_SERIAL_NUMBER),
          Map.entry(BCStyle.T, Tag.CERTIFICATE_SUBJECT_TITLE),
          Map.entry(BCStyle.DC, Tag.CERTIFICATE_SUBJECT_DC),
          Map.entry(BCStyle.DN_QUALIFIER, Tag.CERTIFICATE_SUBJECT_DN_QUALIFIER));

  private static final Map<ASN1ObjectIdentifier, Tag> ISSUER =
      Map.ofEntries(
          Map.entry(BCStyle.CN, Tag.CERTIFICATE_ISSUER_CN),
          Map.entry(BCStyle.O, Tag.CERTIFICATE_ISSUER_O),
          Map.entry(BCStyle.OU, Tag.CERTIFICATE_ISSUER_OU),
          Map.entry(BCStyle.EmailAddress, Tag.CERTIFICATE_ISSUER_EMAIL),
          Map.entry(BCStyle.C, Tag.CERTIFICATE_ISSUER_C),
          Map.entry(BCStyle.ST, Tag.CERTIFICATE_ISSUER_ST),
          Map.entry(BCStyle.L, Tag.CERTIFICATE_ISSUER_L),
          Map.entry(BCStyle.UID, Tag.CERTIFICATE_ISSUER_UID),
          Map.entry(BCStyle.SERIALNUMBER, Tag.CERTIFICATE_ISSUER_SERIAL_NUMBER),
          Map.entry(BCStyle.T, Tag.CERTIFICATE_ISSUER_TITLE),
          Map.entry(BCStyle.DC, Tag.CERTIFICATE_ISSUER_DC),
          Map.entry(BCStyle.DN_QUALIFIER, Tag.CERTIFICATE_ISSUER_DN_QUALIFIER));

  /** The signature algorithms KMIP names (1.4 §9.1.3.2.7, 2.1 §11.16), by their X.509 OID. */
  private static final Map<ASN1ObjectIdentifier, DigitalSignatureAlgorithm> SIGNATURES =
      Map.ofEntries(
          Map.entry(
              PKCSObjectIdentifiers.md2WithRSAEncryption,
              DigitalSignatureAlgorithm.MD2_WITH_RSA_ENCRYPTION),
          Map.entry(
              PKCSObjectIdentifiers.md5WithRSAEncryption,
              DigitalSignatureAlgorithm.MD5_WITH_RSA_ENCRYPTION),
          Map.entry(
              PKCSObjectIdentifiers.sha1WithRSAEncryption,
              DigitalSignatureAlgorithm.SHA_1_WITH_RSA_ENCRYPTION),
          Map.entry(
              PKCSObjectIdentifiers.sha224WithRSAEncryption,
              DigitalSignatureAlgorithm.SHA_224_WITH_RSA_ENCRYPTION),
          Map.entry(
              PKCSObjectIdentifiers.sha256WithRSAEncryption,
              DigitalSignatureAlgorithm.SHA_256_WITH_RSA_ENCRYPTION),
          Map.entry(
              PKCSObjectIdentifiers.sha384WithRSAEncryption,
              DigitalSignatureAlgorithm.SHA_384_WITH_RSA_ENCRYPTION),
          Map.entry(
              PKCSObjectIdentifiers.sha512WithRSAEncryption,
              DigitalSignatureAlgorithm.SHA_512_WITH_RSA_ENCRYPTION),
          Map.entry(PKCSObjectIdentifiers.id_RSASSA_PSS, DigitalSignatureAlgorithm.RSASSA_PSS),
          Map.entry(X9ObjectIdentifiers.id_dsa_with_sha1, DigitalSignatureAlgorithm.DSA_WITH_SHA_1),
          Map.entry(
              NISTObjectIdentifiers.dsa_with_sha224, DigitalSignatureAlgorithm.DSA_WITH_SHA224),
          Map.entry(
              NISTObjectIdentifiers.dsa_with_sha256, DigitalSignatureAlgorithm.DSA_WITH_SHA256),
          Map.entry(
              X9ObjectIdentifiers.ecdsa_with_SHA1, DigitalSignatureAlgorithm.ECDSA_WITH_SHA_1),
          Map.entry(
              X9ObjectIdentifiers.ecdsa_with_SHA224, DigitalSignatureAlgorithm.ECDSA_WITH_SHA224),
          Map.entry(
              X9ObjectIdentifiers.ecdsa_with_SHA256, DigitalSignatureAlgorithm.ECDSA_WITH_SHA256),
          Map.entry(
              X9ObjectIdentifiers.ecdsa_with_SHA384, DigitalSignatureAlgorithm.ECDSA_WITH_SHA384),
          Map.entry(
              X9ObjectIdentifiers.ecdsa_with_SHA512, DigitalSignatureAlgorithm.ECDSA_WITH_SHA512),
          Map.entry(
              NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_256,
              DigitalSignatureAlgorithm.SHA3_256_WITH_RSA_ENCRYPTION),
          Map.entry(
              NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_384,
              DigitalSignatureAlgorithm.SHA3_384_WITH_RSA_ENCRYPTION),
          Map.entry(
              NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_512,
              DigitalSignatureAlgorithm.SHA3_512_WITH_RSA_ENCRYPTION));

  /** What {@code certificate} implies and the client did not give. */
  static List<Attribute> of(Certificate certificate, Attributes given) {
    List<Attribute> implied = new ArrayList<>();
    byte[] der = certificate.certificateValue().toByteArray();
    implied.add(
        Attribute.of(
            new TtlvEnumeration(Tag.CERTIFICATE_TYPE.code(), certificate.certificateType())));
    implied.add(Attribute.of(new TtlvInteger(Tag.CERTIFICATE_LENGTH.code(), der.length)));
    if (certificate.certificateType() == CertificateType.X_509.value()) {
      try {
        implied.addAll(ofX509(org.bouncycastle.asn1.x509.Certificate.getInstance(der)));
      } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
        // Not X.509 after all (Bouncy Castle parses a name's parts only when they are read, so a
        // malformed one fails in ofX509): stored as given, nothing more implied.
      }
    }
    implied.removeIf(a -> given.first(a.reference()) != null);
    return numbered(implied);
  }

  private static List<Attribute> ofX509(org.bouncycastle.asn1.x509.Certificate parsed) {
    List<Attribute> implied = new ArrayList<>();
    X500Name subject = parsed.getSubject();
    X500Name issuer = parsed.getIssuer();
    Extensions extensions = parsed.getTBSCertificate().getExtensions();
    List<GeneralName> subjectAlternatives =
        alternatives(extensions, Extension.subjectAlternativeName);
    List<GeneralName> issuerAlternatives =
        alternatives(extensions, Extension.issuerAlternativeName);
    publicKey(parsed.getSubjectPublicKeyInfo(), implied);
    DigitalSignatureAlgorithm signature =
        SIGNATURES.get(parsed.getSignatureAlgorithm().getAlgorithm());
    if (signature != null) { // Ed25519 and others KMIP has no value for have no such attribute
      implied.add(
          Attribute.of(
              new TtlvEnumeration(Tag.DIGITAL_SIGNATURE_ALGORITHM.code(), signature.value())));
    }
    byte[] serial = parsed.getSerialNumber().getValue().toByteArray();
    implied.add(
        structure(
            Tag.X_509_CERTIFICATE_IDENTIFIER,
            TtlvByteString.of(Tag.ISSUER_DISTINGUISHED_NAME.code(), encoded(issuer)),
            TtlvByteString.of(Tag.CERTIFICATE_SERIAL_NUMBER.code(), serial)));
    implied.add(
        structure(
            Tag.X_509_CERTIFICATE_SUBJECT,
            Tag.SUBJECT_DISTINGUISHED_NAME,
            encoded(subject),
            Tag.SUBJECT_ALTERNATIVE_NAME,
            subjectAlternatives));
    implied.add(
        structure(
            Tag.X_509_CERTIFICATE_ISSUER,
            Tag.ISSUER_DISTINGUISHED_NAME,
            encoded(issuer),
            Tag.ISSUER_ALTERNATIVE_NAME,
            issuerAlternatives));
    // The 1.0 forms: names as RFC 4514 text, the serial number in decimal.
    implied.add(
        structure(
            Tag.CERTIFICATE_IDENTIFIER,
            new TtlvTextString(Tag.ISSUER.code(), issuer.toString()),
            new TtlvTextString(
                Tag.SERIAL_NUMBER.code(), parsed.getSerialNumber().getValue().toString())));
    implied.add(
        textStructure(
            Tag.CERTIFICATE_SUBJECT,
            Tag.CERTIFICATE_SUBJECT_DISTINGUISHED_NAME,
            subject,
            Tag.CERTIFICATE_SUBJECT_ALTERNATIVE_NAME,
            subjectAlternatives));
    implied.add(
        textStructure(
            Tag.CERTIFICATE_ISSUER,
            Tag.CERTIFICATE_ISSUER_DISTINGUISHED_NAME,
            issuer,
            Tag.CERTIFICATE_ISSUER_ALTERNATIVE_NAME,
            issuerAlternatives));
    addNames(subject, SUBJECT, implied);
    addNames(issuer, ISSUER, implied);
    return implied;
  }

  /**
   * The algorithm and length of the certificate's public key, as a key of that kind gets them on
   * Register: RSA by its modulus, DSA by its prime, EC by its curve's field, Ed25519 as Create Key
   * Pair sets it. A key of another kind implies neither.
   */
  private static void publicKey(SubjectPublicKeyInfo info, List<Attribute> into) {
    ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
    ASN1Encodable parameters = info.getAlgorithm().getParameters();
    CryptographicAlgorithm kind = null;
    int bits = 0;
    try {
      if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        kind = CryptographicAlgorithm.RSA;
        bits = RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength();
      } else if (algorithm.equals(X9ObjectIdentifiers.id_dsa) && parameters != null) {
        kind = CryptographicAlgorithm.DSA;
        bits = DSAParameter.getInstance(parameters).getP().bitLength();
      } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey) && parameters != null) {
        X9ECParameters curve =
            parameters instanceof ASN1ObjectIdentifier named
                ? ECNamedCurveTable.getByOID(named)
                : X9ECParameters.getInstance(parameters);
        if (curve != null) {
          kind = CryptographicAlgorithm.EC;
          bits = curve.getCurve().getFieldSize();
        }
      } else if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
        kind = CryptographicAlgorithm.ED25519;
        bits = 256;
      }
    } catch (IOException | IllegalArgumentException e) {
      return; // a public key that does not parse: its algorithm and length stay unset
    }
    if (kind != null) {
      into.add(Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), kind.value())));
      into.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
    }
  }

  private static List<GeneralName> alternatives(
      @Nullable Extensions extensions, ASN1ObjectIdentifier extension) {
    GeneralNames names =
        extensions == null ? null : GeneralNames.fromExtensions(extensions, extension);
    return names == null ? List.of() : List.of(names.getNames());
  }

  private static Attribute structure(Tag tag, Ttlv... fields) {
    return Attribute.of(TtlvStructure.of(tag.code(), fields));
  }

  /** An X.509 Certificate Subject or Issuer: the DER name and each alternative name's DER. */
  private static Attribute structure(
      Tag tag, Tag nameTag, byte[] name, Tag alternativeTag, List<GeneralName> alternatives) {
    List<Ttlv> fields = new ArrayList<>();
    fields.add(TtlvByteString.of(nameTag.code(), name));
    for (GeneralName alternative : alternatives) {
      fields.add(TtlvByteString.of(alternativeTag.code(), encoded(alternative)));
    }
    return Attribute.of(new TtlvStructure(tag.code(), fields));
  }

  /** A 1.x Certificate Subject or Issuer: the name and each alternative name as text. */
  private static Attribute textStructure(
      Tag tag, Tag nameTag, X500Name name, Tag alternativeTag, List<GeneralName> alternatives) {
    List<Ttlv> fields = new ArrayList<>();
    fields.add(new TtlvTextString(nameTag.code(), name.toString()));
    for (GeneralName alternative : alternatives) {
      fields.add(new TtlvTextString(alternativeTag.code(), text(alternative)));
    }
    return Attribute.of(new TtlvStructure(tag.code(), fields));
  }

  /** An alternative name as people write it: the address or name itself where it is text. */
  private static String text(GeneralName name) {
    ASN1Encodable value = name.getName();
    if (value instanceof ASN1String string) {
      return string.getString();
    }
    if (name.getTagNo() == GeneralName.directoryName) {
      return X500Name.getInstance(value).toString();
    }
    return name.toString();
  }

  private static byte[] encoded(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      // Encoding a parsed value into memory cannot fail short of a broken value.
      throw new IllegalArgumentException("DER encoding", e);
    }
  }

  private static void addNames(
      X500Name name, Map<ASN1ObjectIdentifier, Tag> tags, List<Attribute> into) {
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
        Tag tag = tags.get(value.getType());
        if (tag != null) {
          into.add(
              Attribute.of(
                  new TtlvTextString(
                      tag.code(),
                      value.getValue() instanceof ASN1String text
                          ? text.getString()
                          : IETFUtils.valueToString(value.getValue()))));
        }
      }
    }
  }

  /** The instances of each attribute numbered from 0, as a 1.x Attribute Index wants. */
  private static List<Attribute> numbered(List<Attribute> attributes) {
    List<Attribute> result = new ArrayList<>();
    for (Attribute attribute : attributes) {
      long before =
          result.stream().filter(a -> a.reference().equals(attribute.reference())).count();
      result.add(attribute.withIndex((int) before));
    }
    return result;
  }
}

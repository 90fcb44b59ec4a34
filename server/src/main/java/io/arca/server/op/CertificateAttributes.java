package io.arca.server.op;

import io.arca.kmip.CertificateType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The attributes a certificate implies (KMIP 2.x §4 certificate attributes): its length, and the
 * fields of its subject and issuer names, taken from the X.509 structure when it is registered so
 * that Locate can match them. A value that does not parse as X.509 implies only its length.
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

  /** What {@code certificate} implies and the client did not give. */
  static List<Attribute> of(Certificate certificate, Attributes given) {
    List<Attribute> implied = new ArrayList<>();
    byte[] der = certificate.certificateValue().toByteArray();
    implied.add(Attribute.of(new TtlvInteger(Tag.CERTIFICATE_LENGTH.code(), der.length)));
    if (certificate.certificateType() == CertificateType.X_509.value()) {
      List<Attribute> names = new ArrayList<>();
      try {
        org.bouncycastle.asn1.x509.Certificate parsed =
            org.bouncycastle.asn1.x509.Certificate.getInstance(der);
        // Bouncy Castle parses a name's parts only when they are read: a malformed one fails here.
        addNames(parsed.getSubject(), SUBJECT, names);
        addNames(parsed.getIssuer(), ISSUER, names);
        implied.addAll(names);
      } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
        // Not X.509 after all: stored as given, nothing more implied.
      }
    }
    implied.removeIf(a -> given.first(a.reference()) != null);
    return numbered(implied);
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

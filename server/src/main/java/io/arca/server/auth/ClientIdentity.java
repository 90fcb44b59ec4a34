package io.arca.server.auth;

import io.arca.server.config.IdentitySource;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Names the user behind a verified client certificate. The certificate chain has already been
 * checked by TLS against the configured CA; this decides which part of it is the user name, and
 * refuses a certificate that names no user, or more than one, or one that is not a canonical {@link
 * UserNames user name}.
 *
 * <ul>
 *   <li>CN: the subject holds exactly one Common Name, in any of its RDNs, as a UTF8String,
 *       PrintableString, IA5String or BMPString.
 *   <li>DN: the whole subject in RFC 2253 form; every text value in it follows the rules of a user
 *       name, so two subjects that print alike are one subject.
 *   <li>SAN_EMAIL, SAN_DNS, SAN_URI: exactly one Subject Alternative Name of that kind; a DNS name
 *       is lower-cased, since DNS names are case-insensitive (RFC 4343).
 * </ul>
 */
public final class ClientIdentity {
  private static final int SAN_EMAIL = 1;
  private static final int SAN_DNS = 2;
  private static final int SAN_URI = 6;

  private ClientIdentity() {}

  /**
   * The user name {@code certificate} gives under {@code source}.
   *
   * @throws RefusedIdentity if it names none, several, or one that is not a canonical user name
   */
  public static String userOf(X509Certificate certificate, IdentitySource source)
      throws RefusedIdentity {
    String user =
        switch (source) {
          case CN -> commonName(subject(certificate));
          case DN -> distinguishedName(certificate);
          case SAN_EMAIL -> alternativeName(certificate, SAN_EMAIL, "e-mail addresses");
          case SAN_DNS ->
              alternativeName(certificate, SAN_DNS, "DNS names").toLowerCase(Locale.ROOT);
          case SAN_URI -> alternativeName(certificate, SAN_URI, "URIs");
        };
    Optional<String> problem = UserNames.problem(user);
    if (problem.isPresent()) {
      throw new RefusedIdentity("the " + source + " " + problem.get());
    }
    return user;
  }

  private static X500Name subject(X509Certificate certificate) throws RefusedIdentity {
    try {
      return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    } catch (IllegalArgumentException e) {
      throw new RefusedIdentity("the subject cannot be parsed");
    }
  }

  private static String commonName(X500Name subject) throws RefusedIdentity {
    List<ASN1Encodable> values = new ArrayList<>();
    for (RDN rdn : subject.getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        if (attribute.getType().equals(BCStyle.CN)) {
          values.add(attribute.getValue());
        }
      }
    }
    if (values.size() != 1) {
      // Two CNs (CN=user2,CN=admin): which one is the user depends on the reader; none is.
      throw new RefusedIdentity("the subject holds " + values.size() + " CNs (expected: 1)");
    }
    return text(values.get(0), "CN");
  }

  /**
   * The value of a name attribute as text, for the string types that have one reading. A
   * UniversalString or TeletexString would need guessing (Bouncy Castle prints the first as hex).
   */
  private static String text(ASN1Encodable value, String what) throws RefusedIdentity {
    if (value instanceof ASN1UTF8String
        || value instanceof ASN1PrintableString
        || value instanceof ASN1IA5String
        || value instanceof ASN1BMPString) {
      return ((ASN1String) value).getString();
    }
    throw new RefusedIdentity("the " + what + " is not a UTF8, Printable, IA5 or BMP string");
  }

  private static String distinguishedName(X509Certificate certificate) throws RefusedIdentity {
    X500Name subject = subject(certificate);
    if (subject.getRDNs().length == 0) {
      throw new RefusedIdentity("the subject is empty");
    }
    for (RDN rdn : subject.getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        String oid = attribute.getType().getId();
        String value = text(attribute.getValue(), "attribute " + oid);
        Optional<String> problem = UserNames.problem(value);
        if (problem.isPresent()) {
          throw new RefusedIdentity("the attribute " + oid + " of the DN " + problem.get());
        }
      }
    }
    return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  private static String alternativeName(X509Certificate certificate, int type, String what)
      throws RefusedIdentity {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw new RefusedIdentity("the Subject Alternative Name cannot be parsed");
    }
    List<String> found = new ArrayList<>();
    if (names != null) {
      for (List<?> name : names) {
        if (name.size() == 2 && name.get(0) instanceof Integer kind && kind == type) {
          found.add(name.get(1) instanceof String value ? value : "");
        }
      }
    }
    if (found.size() != 1) {
      throw new RefusedIdentity(
          "the Subject Alternative Name holds " + found.size() + " " + what + " (expected: 1)");
    }
    return found.get(0);
  }
}

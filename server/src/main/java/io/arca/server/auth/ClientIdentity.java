package io.arca.server.auth;

import io.arca.server.config.IdentitySource;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Names the user behind a verified client certificate. The certificate chain has already been
 * checked by TLS against the configured CA; this only decides which part of it is the user name.
 */
public final class ClientIdentity {
  private static final int SAN_EMAIL = 1;
  private static final int SAN_DNS = 2;
  private static final int SAN_URI = 6;

  private ClientIdentity() {}

  /**
   * The user name, or empty when the certificate lacks the part the server is configured to use.
   */
  public static Optional<String> userOf(X509Certificate certificate, IdentitySource source) {
    return switch (source) {
      case CN -> commonName(certificate.getSubjectX500Principal());
      case DN -> Optional.of(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
      case SAN_EMAIL -> alternativeName(certificate, SAN_EMAIL);
      case SAN_DNS -> alternativeName(certificate, SAN_DNS);
      case SAN_URI -> alternativeName(certificate, SAN_URI);
    };
  }

  private static Optional<String> commonName(X500Principal subject) {
    try {
      List<Rdn> rdns = new LdapName(subject.getName(X500Principal.RFC2253)).getRdns();
      // LdapName lists RDNs from the last to the first; the most specific CN is the one printed
      // first.
      for (int i = rdns.size() - 1; i >= 0; i--) {
        Rdn rdn = rdns.get(i);
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return Optional.of(rdn.getValue().toString()).filter(name -> !name.isBlank());
        }
      }
      return Optional.empty();
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> alternativeName(X509Certificate certificate, int type) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return Optional.empty();
      }
      for (List<?> name : names) {
        if (name.size() == 2
            && name.get(0) instanceof Integer kind
            && kind == type
            && name.get(1) instanceof String value
            && !value.isBlank()) {
          return Optional.of(value);
        }
      }
      return Optional.empty();
    } catch (CertificateParsingException e) {
      return Optional.empty();
    }
  }
}

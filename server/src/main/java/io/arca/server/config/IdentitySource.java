package io.arca.server.config;

/** Which part of the client certificate names the user. */
public enum IdentitySource {
  /** The subject's Common Name, e.g. {@code admin}: what most KMIP deployments use. */
  CN,
  /** The whole subject distinguished name in RFC 2253 form. */
  DN,
  /** The first e-mail address in the Subject Alternative Name. */
  SAN_EMAIL,
  /** The first DNS name in the Subject Alternative Name. */
  SAN_DNS,
  /** The first URI in the Subject Alternative Name (SPIFFE identities, for example). */
  SAN_URI
}

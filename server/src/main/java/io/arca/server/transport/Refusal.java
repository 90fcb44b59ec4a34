package io.arca.server.transport;

/** Why the server turned a connection or a request away, as {@link RefusalLog} counts it. */
public enum Refusal {
  ADDRESS_LIMIT("too many connections from this address"),
  CONNECTION_LIMIT("no connection slot free"),
  HANDSHAKE_TIMEOUT("TLS handshake not finished in time"),
  HANDSHAKE_FAILED("TLS handshake failed"),
  NO_USER("the client certificate names no single canonical user"),
  REVOKED("the client certificate was revoked while connected"),
  MALFORMED_REQUEST("malformed request"),
  REQUEST_TIMEOUT("request not whole in time"),
  CREDENTIAL("the request's Credential did not authenticate");

  private final String text;

  Refusal(String text) {
    this.text = text;
  }

  /** The reason as a log line says it. */
  public String text() {
    return text;
  }
}

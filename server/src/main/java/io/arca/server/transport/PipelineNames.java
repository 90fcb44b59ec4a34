package io.arca.server.transport;

/** The names of the handlers in a connection's pipeline, in order. */
public final class PipelineNames {
  public static final String CONNECTION_LIMIT = "connection-limit";
  public static final String REQUEST_DEADLINE = "request-deadline";
  public static final String TLS = "tls";
  public static final String IDLE = "idle";
  public static final String FRAMING = "ttlv-framing";
  public static final String HTTP = "http";
  public static final String HTTP_BODY = "http-body";
  public static final String FLOW_CONTROL = "one-request-at-a-time";
  public static final String HTTP_KMIP = "http-kmip";
  public static final String DISPATCH = "dispatch";

  private PipelineNames() {}
}

package io.arca.server.batch;

import io.arca.kmip.Operation;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * Carries out one KMIP operation. A handler decodes its request payload with the operation's
 * payload class, does the work through the server's ports, and returns the response payload; it
 * reports failure by throwing {@link io.arca.kmip.KmipException}. Handlers run on the worker pool
 * and may block; they know nothing of the wire.
 */
public interface OperationHandler {
  /** The operation this handler carries out. */
  Operation operation();

  /** Carries out one batch item and returns its response payload. */
  TtlvStructure handle(TtlvStructure requestPayload, RequestContext context);
}

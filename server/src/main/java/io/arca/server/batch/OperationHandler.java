package io.arca.server.batch;

import io.arca.kmip.Operation;

/**
 * Carries out one KMIP operation on its decoded request payload {@code Q} and returns its response
 * payload {@code R}; the {@link PayloadCodec} registered with it in the {@link OperationRegistry}
 * reads and writes the wire, so a handler knows nothing of TTLV. It reports failure by throwing
 * {@link io.arca.kmip.KmipException}. Handlers run on the worker pool and may block there.
 */
public interface OperationHandler<Q, R> {
  /** The operation this handler carries out. */
  Operation operation();

  /** Carries out one batch item and returns its response payload. */
  R handle(Q request, RequestContext context);
}

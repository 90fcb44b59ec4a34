/**
 * Watching a running server: the metrics (Micrometer, served in the Prometheus format), the admin
 * HTTP listener with its health and readiness checks, and the operators' log of failed operations
 * and requests. The request path knows none of it beyond the observer ports it calls ({@code
 * batch.AnsweredItems}, {@code transport.TransportEvents}, {@code hsm.HsmCallObserver}).
 */
@NullMarked
package io.arca.server.metrics;

import org.jspecify.annotations.NullMarked;

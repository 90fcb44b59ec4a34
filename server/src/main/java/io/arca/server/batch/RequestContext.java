package io.arca.server.batch;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.server.access.AccessPolicy;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a handler knows about the batch item it serves: who asks, in which protocol version, at what
 * time (one instant for the whole message, as KMIP dates in one request should agree), the state
 * shared across the items of one batch, and the operation being carried out with the policy that
 * decides whether the caller may carry it out on an object.
 *
 * @param user the user named by the client certificate
 * @param protocolVersion the version of the request, which the response must use too
 * @param now the time the message was received
 * @param batch the ID placeholder and undo log of this message's batch
 * @param operation the operation of the batch item (the one access is checked for), or null outside
 *     a batch, where only owners are allowed
 * @param access who may do what
 * @param mode where the item runs: the event loop (memory alone) or a worker
 * @param connection the number of the client connection the request came on (0 outside one): what a
 *     request leaves open for the next (a stream) belongs to it
 */
public record RequestContext(
    String user,
    ProtocolVersion protocolVersion,
    Instant now,
    BatchState batch,
    @Nullable Operation operation,
    AccessPolicy access,
    ExecutionMode mode,
    long connection) {

  /** A context outside any client connection. */
  public RequestContext(
      String user,
      ProtocolVersion protocolVersion,
      Instant now,
      BatchState batch,
      @Nullable Operation operation,
      AccessPolicy access,
      ExecutionMode mode) {
    this(user, protocolVersion, now, batch, operation, access, mode, 0);
  }

  /** A context on the worker pool. */
  public RequestContext(
      String user,
      ProtocolVersion protocolVersion,
      Instant now,
      BatchState batch,
      @Nullable Operation operation,
      AccessPolicy access) {
    this(user, protocolVersion, now, batch, operation, access, ExecutionMode.WORKER);
  }

  /** A context outside any batch item's operation, where owners alone may act on objects. */
  public RequestContext(
      String user, ProtocolVersion protocolVersion, Instant now, BatchState batch) {
    this(user, protocolVersion, now, batch, null, AccessPolicy.ownersOnly(), ExecutionMode.WORKER);
  }
}

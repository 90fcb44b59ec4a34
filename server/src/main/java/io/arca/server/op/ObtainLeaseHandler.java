package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.State;
import io.arca.kmip.payload.ObtainLease;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;

/**
 * Obtain Lease (KMIP 1.4 §4.17, 2.1 §6.1.35): how long the client may use an Active object before
 * asking again, and when the object last changed, so that a client holding a copy knows whether its
 * copy is current. Only an Active object is leased.
 */
public final class ObtainLeaseHandler
    implements OperationHandler<ObtainLease.Request, ObtainLease.Response> {
  private final ObjectAccess objects;

  /** A handler acting on {@code objects}. */
  public ObtainLeaseHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.OBTAIN_LEASE;
  }

  @Override
  public ObtainLease.Response handle(ObtainLease.Request request, RequestContext context) {
    ObjectRecord record = objects.resolve(request.uniqueIdentifier(), context);
    if (record.state() != State.ACTIVE) {
      throw Reasons.wrongState(context.protocolVersion(), "ObtainLease", record.state());
    }
    return new ObtainLease.Response(
        record.uid(), ServerAttributes.LEASE.toSeconds(), record.updatedAt().getEpochSecond());
  }
}

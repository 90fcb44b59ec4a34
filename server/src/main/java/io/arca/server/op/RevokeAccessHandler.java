package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.RevokeAccess;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Arca's Revoke Access extension (docs/ACCESS.md): takes granted operations away. The next request
 * on any connection of this server is decided without them.
 */
public final class RevokeAccessHandler
    implements OperationHandler<RevokeAccess.Request, RevokeAccess.Response> {
  private final ObjectAccess objects;

  /** A handler revoking access to the objects of {@code objects}. */
  public RevokeAccessHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.REVOKE_ACCESS;
  }

  @Override
  public RevokeAccess.Response handle(RevokeAccess.Request request, RequestContext context) {
    AccessGrant grant = request.grant();
    GrantChanges.checkMayChange(grant, objects, context);
    context.access().revoke(grant);
    return new RevokeAccess.Response(grant.uniqueIdentifier());
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.GrantAccess;
import io.arca.server.auth.UserNames;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Arca's Grant Access extension (docs/ACCESS.md): an object's owner lets a user (or {@code *})
 * carry out some operations on it; a privileged user grants the creation rights. The grant holds
 * from the next request on, on every connection of this server. Like Destroy, it is not undone by a
 * later failing batch item under Undo.
 */
public final class GrantAccessHandler
    implements OperationHandler<GrantAccess.Request, GrantAccess.Response> {
  private final ObjectAccess objects;

  /** A handler granting access to the objects of {@code objects}. */
  public GrantAccessHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.GRANT_ACCESS;
  }

  @Override
  public GrantAccess.Response handle(GrantAccess.Request request, RequestContext context) {
    AccessGrant grant = request.grant();
    checkGrantee(grant.user());
    GrantChanges.checkMayChange(grant, objects, context);
    context.access().grant(grant);
    return new GrantAccess.Response(grant.uniqueIdentifier());
  }

  /**
   * Refuses a grantee no client certificate can name ({@code "user2 "}): such a grant would give
   * nobody anything, and the granter would not learn of the mistake. Revoke Access takes any name,
   * so that rows written before the rule can still be removed.
   */
  private static void checkGrantee(String user) {
    if (user.equals(AccessGrant.EVERY_USER)) {
      return;
    }
    UserNames.problem(user)
        .ifPresent(
            problem -> {
              throw new KmipException(
                  ResultReason.INVALID_FIELD,
                  "ArcaUser "
                      + problem
                      + ", so no client certificate can name it (docs/ACCESS.md)");
            });
  }
}

package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.KekStatus;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Arca's KEK Status extension (docs/OPERATIONS.md): the database's KEKs, what each wraps, and this
 * server's last rotation, for a server administrator.
 */
public final class KekStatusHandler
    implements OperationHandler<KekStatus.Request, KekStatus.Response> {
  private final ServerAdmins admins;
  private final ServerAdministration server;

  /** A handler reading {@code server}'s KEKs for {@code admins}. */
  public KekStatusHandler(ServerAdmins admins, ServerAdministration server) {
    this.admins = admins;
    this.server = server;
  }

  @Override
  public Operation operation() {
    return Operation.KEK_STATUS;
  }

  @Override
  public KekStatus.Response handle(KekStatus.Request request, RequestContext context) {
    admins.check(context);
    return server.kekStatus();
  }
}

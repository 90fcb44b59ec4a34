package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.Reload;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import java.io.IOException;

/**
 * Arca's Reload extension (docs/OPERATIONS.md): what SIGHUP does (the log level, the server key and
 * certificate, the client CAs, the CRLs and deny list), asked by a server administrator, with its
 * outcome in the answer: a reload that fails keeps the old material and is answered General Failure
 * with the reason.
 */
public final class ReloadHandler implements OperationHandler<Reload.Request, Reload.Response> {
  private final ServerAdmins admins;
  private final ServerAdministration server;

  /** A handler reloading {@code server} for {@code admins}. */
  public ReloadHandler(ServerAdmins admins, ServerAdministration server) {
    this.admins = admins;
    this.server = server;
  }

  @Override
  public Operation operation() {
    return Operation.RELOAD;
  }

  @Override
  public Reload.Response handle(Reload.Request request, RequestContext context) {
    admins.check(context);
    try {
      return new Reload.Response(server.reload());
    } catch (IOException e) {
      throw new KmipException(
          ResultReason.GENERAL_FAILURE,
          "reload failed, the previous configuration stays in use: " + e.getMessage());
    }
  }
}

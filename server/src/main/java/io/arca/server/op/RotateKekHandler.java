package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.RotateKek;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Arca's Rotate KEK extension (docs/OPERATIONS.md): a server administrator starts the rotation
 * {@code arca-server kek rotate} runs, on this server, in the background; the answer is its
 * progress. Not undone by a later failing batch item.
 */
public final class RotateKekHandler
    implements OperationHandler<RotateKek.Request, RotateKek.Response> {
  private final ServerAdmins admins;
  private final ServerAdministration server;

  /** A handler starting rotations on {@code server} for {@code admins}. */
  public RotateKekHandler(ServerAdmins admins, ServerAdministration server) {
    this.admins = admins;
    this.server = server;
  }

  @Override
  public Operation operation() {
    return Operation.ROTATE_KEK;
  }

  @Override
  public RotateKek.Response handle(RotateKek.Request request, RequestContext context) {
    admins.check(context);
    String to = request.to();
    if (!to.equals("local") && !to.startsWith("hsm::")) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "ArcaKekId: not a KEK this server can rotate to (expected: local or"
              + " hsm::<slot>::<label>)");
    }
    return new RotateKek.Response(server.startKekRotation(to));
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.DelegatedLogin;
import io.arca.server.auth.Tickets;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import java.util.HashSet;
import java.util.Set;

/**
 * Delegated Login (KMIP 2.0/2.1 §6.1.12): a ticket of the caller that allows only the operations
 * its Rights list (each still decided by the caller's grants), for handing to another party. A
 * Right that names Objects or Usage Limits is refused: this server enforces operations alone.
 */
public final class DelegatedLoginHandler
    implements OperationHandler<DelegatedLogin.Request, DelegatedLogin.Response> {
  private final Tickets tickets;

  /** Issues from {@code tickets}. */
  public DelegatedLoginHandler(Tickets tickets) {
    this.tickets = tickets;
  }

  @Override
  public Operation operation() {
    return Operation.DELEGATED_LOGIN;
  }

  @Override
  public DelegatedLogin.Response handle(DelegatedLogin.Request request, RequestContext context) {
    Set<Integer> operations = new HashSet<>();
    for (DelegatedLogin.Right right : request.rights()) {
      if (right.restricted()) {
        throw new KmipException(
            ResultReason.FEATURE_NOT_SUPPORTED,
            "Right: only Operations are enforced (not Objects or Usage Limits)");
      }
      for (int operation : right.operations()) {
        if (Operation.byValue(operation) == null) {
          throw new KmipException(ResultReason.INVALID_FIELD, "Right: an unknown operation");
        }
        operations.add(operation);
      }
    }
    if (operations.isEmpty()) {
      throw new KmipException(ResultReason.INVALID_FIELD, "Rights: no operation is allowed");
    }
    return new DelegatedLogin.Response(
        LoginHandler.issue(tickets, request.login(), operations, context));
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.Logout;
import io.arca.server.auth.Tickets;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Logout (KMIP 2.0/2.1 §6.1.31): the caller's ticket named is accepted no more. A ticket that is
 * not one of the caller's live tickets is Invalid Ticket, whether it never was, expired or is
 * another user's.
 */
public final class LogoutHandler implements OperationHandler<Logout.Request, Logout.Response> {
  private final Tickets tickets;

  /** Revokes from {@code tickets}. */
  public LogoutHandler(Tickets tickets) {
    this.tickets = tickets;
  }

  @Override
  public Operation operation() {
    return Operation.LOGOUT;
  }

  @Override
  public Logout.Response handle(Logout.Request request, RequestContext context) {
    byte[] value = request.ticket().value().toByteArray();
    try {
      if (!tickets.revoke(value, context.user())) {
        throw new KmipException(
            ResultReason.INVALID_TICKET, "the Ticket is not a live ticket of this user");
      }
    } finally {
      Tickets.wipe(value);
    }
    return new Logout.Response();
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.TicketType;
import io.arca.kmip.UsageLimitsUnit;
import io.arca.kmip.payload.Login;
import io.arca.kmip.payload.Ticket;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.auth.RefusedCredential;
import io.arca.server.auth.Tickets;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Login (KMIP 2.0/2.1 §6.1.30): a ticket for the authenticated user, which later requests present
 * as a Ticket credential. Served only under a credential policy other than {@code certificate}.
 */
public final class LoginHandler implements OperationHandler<Login.Request, Login.Response> {
  private final Tickets tickets;

  /** Issues from {@code tickets}. */
  public LoginHandler(Tickets tickets) {
    this.tickets = tickets;
  }

  @Override
  public Operation operation() {
    return Operation.LOGIN;
  }

  @Override
  public Login.Response handle(Login.Request request, RequestContext context) {
    return new Login.Response(issue(tickets, request, null, context));
  }

  /** A ticket of the caller with the lease and limits of {@code request}. */
  static Ticket issue(
      Tickets tickets,
      Login.Request request,
      @Nullable Set<Integer> operations,
      RequestContext context) {
    Long operationsAllowed = null;
    if (request.usageLimits() != null) {
      if (request.usageLimits().unit() != UsageLimitsUnit.OBJECT.value()) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Usage Limits: a ticket counts operations (Usage Limits Unit Object)");
      }
      operationsAllowed = request.usageLimits().count();
    }
    try {
      byte[] value =
          tickets.issue(
              context.user(),
              context.now(),
              request.until() != null
                  ? request.until()
                  : request.lease() == null ? null : context.now().plusSeconds(request.lease()),
              request.requestCount(),
              operationsAllowed,
              operations);
      try {
        return new Ticket(TicketType.LOGIN.value(), ByteString.copyOf(value));
      } finally {
        Tickets.wipe(value);
      }
    } catch (RefusedCredential e) {
      throw new KmipException(e.reason(), e.why());
    }
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.DenyCertificate;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import java.io.IOException;

/**
 * Arca's Deny Certificate extension (docs/OPERATIONS.md): a server administrator adds a client
 * certificate to the deny list file, which applies at once (new handshakes are refused, open
 * connections at their next request). Not undone by a later failing batch item.
 */
public final class DenyCertificateHandler
    implements OperationHandler<DenyCertificate.Request, DenyCertificate.Response> {
  private final ServerAdmins admins;
  private final ServerAdministration server;

  /** A handler editing {@code server}'s deny list for {@code admins}. */
  public DenyCertificateHandler(ServerAdmins admins, ServerAdministration server) {
    this.admins = admins;
    this.server = server;
  }

  @Override
  public Operation operation() {
    return Operation.DENY_CERTIFICATE;
  }

  @Override
  public DenyCertificate.Response handle(DenyCertificate.Request request, RequestContext context) {
    admins.check(context);
    return new DenyCertificate.Response(change(request.entry(), true, server));
  }

  /** Adds ({@code deny}) or removes the entry; what the two handlers share. */
  static String change(String entry, boolean deny, ServerAdministration server) {
    try {
      return deny ? server.deny(entry) : server.allow(entry);
    } catch (IllegalArgumentException e) {
      throw new KmipException(ResultReason.INVALID_FIELD, "ArcaDenyEntry: " + e.getMessage());
    } catch (IOException e) {
      throw new KmipException(
          ResultReason.GENERAL_FAILURE, "the deny list was not changed: " + e.getMessage());
    }
  }
}

package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.DenyCertificate;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Arca's Allow Certificate extension (docs/OPERATIONS.md): a server administrator removes a client
 * certificate from the deny list file; removing what is not there changes nothing. The certificate
 * is still refused if a CRL or OCSP revokes it.
 */
public final class AllowCertificateHandler
    implements OperationHandler<DenyCertificate.Request, DenyCertificate.Response> {
  private final ServerAdmins admins;
  private final ServerAdministration server;

  /** A handler editing {@code server}'s deny list for {@code admins}. */
  public AllowCertificateHandler(ServerAdmins admins, ServerAdministration server) {
    this.admins = admins;
    this.server = server;
  }

  @Override
  public Operation operation() {
    return Operation.ALLOW_CERTIFICATE;
  }

  @Override
  public DenyCertificate.Response handle(DenyCertificate.Request request, RequestContext context) {
    admins.check(context);
    return new DenyCertificate.Response(
        DenyCertificateHandler.change(request.entry(), false, server));
  }
}

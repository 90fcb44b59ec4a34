package io.arca.server.op;

import io.arca.kmip.EndpointRole;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.SetEndpointRole;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Set Endpoint Role (KMIP 2.0 on). Arca is a server and only a server: asked to stay one, it says
 * so; asked to become the client on the connection (to send requests to the client), it answers
 * Feature Not Supported and the connection keeps its roles. A value Endpoint Role does not define
 * is an Invalid Field.
 */
public final class SetEndpointRoleHandler
    implements OperationHandler<SetEndpointRole.Request, SetEndpointRole.Response> {

  @Override
  public Operation operation() {
    return Operation.SET_ENDPOINT_ROLE;
  }

  @Override
  public SetEndpointRole.Response handle(SetEndpointRole.Request request, RequestContext context) {
    EndpointRole role = EndpointRole.byValue(request.endpointRole());
    if (role == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Endpoint Role 0x" + Integer.toHexString(request.endpointRole()) + " is not defined");
    }
    if (role != EndpointRole.SERVER) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "Arca does not take the client role: it sends no requests on a client's connection");
    }
    return new SetEndpointRole.Response(EndpointRole.SERVER.value());
  }
}

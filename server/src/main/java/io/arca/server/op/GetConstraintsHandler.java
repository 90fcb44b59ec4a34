package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.GetConstraints;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectStore;

/**
 * Get Constraints (KMIP 2.1): the Constraints in force, as they were set. Any authenticated client
 * may ask: the constraints bind what it may create, so it needs them to build requests that pass,
 * and they name attribute values, never key material or who holds what.
 */
public final class GetConstraintsHandler
    implements OperationHandler<GetConstraints.Request, GetConstraints.Response> {
  private final ObjectStore store;

  /** A handler reading the settings of {@code store}. */
  public GetConstraintsHandler(ObjectStore store) {
    this.store = store;
  }

  @Override
  public Operation operation() {
    return Operation.GET_CONSTRAINTS;
  }

  @Override
  public GetConstraints.Response handle(GetConstraints.Request request, RequestContext context) {
    return new GetConstraints.Response(store.settings().current().constraints());
  }
}

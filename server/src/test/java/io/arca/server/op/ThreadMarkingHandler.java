package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Activate;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import java.util.Objects;

/**
 * A handler that learns where it runs from a mark on its thread instead of {@link
 * RequestContext#mode()}: what {@code ArchitectureTest} refuses. Test sources only, so the rule is
 * seen to fire.
 */
public final class ThreadMarkingHandler
    implements OperationHandler<Activate.Request, Activate.Response> {
  static final ThreadLocal<Boolean> ON_EVENT_LOOP = ThreadLocal.withInitial(() -> Boolean.FALSE);

  @Override
  public Operation operation() {
    return Operation.ACTIVATE;
  }

  @Override
  public Activate.Response handle(Activate.Request request, RequestContext context) {
    if (ON_EVENT_LOOP.get()) {
      throw new IllegalStateException("would block");
    }
    return new Activate.Response(Objects.requireNonNullElse(request.uniqueIdentifier(), ""));
  }
}

package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.Tag;
import io.arca.kmip.payload.Activate;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectStore;
import java.util.Objects;

/**
 * A handler that reads an attribute by its tag instead of through {@link AttributeView}: what
 * {@code ArchitectureTest} refuses. Test sources only, so the rule is seen to fire.
 */
public final class TagReadingHandler
    implements OperationHandler<Activate.Request, Activate.Response> {
  private final ObjectStore store;

  TagReadingHandler(ObjectStore store) {
    this.store = store;
  }

  @Override
  public Operation operation() {
    return Operation.ACTIVATE;
  }

  @Override
  public Activate.Response handle(Activate.Request request, RequestContext context) {
    String uid = Objects.requireNonNullElse(request.uniqueIdentifier(), "");
    store
        .find(uid)
        .filter(record -> record.attributes().first(Tag.SENSITIVE.code()) != null)
        .ifPresent(
            record -> {
              throw new IllegalStateException("sensitive");
            });
    return new Activate.Response(uid);
  }
}

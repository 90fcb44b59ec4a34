package io.arca.server.op;

import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.payload.Create;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectStore;

/**
 * Create (KMIP 1.4 §4.1, 2.1 §6.1.14): a new symmetric key, made where the identifier the client
 * chose puts it ({@link KeyBackings#forNew}): stored wrapped by the server, or in the HSM. The new
 * identifier becomes the ID Placeholder; Undo removes the key.
 */
public final class CreateHandler implements OperationHandler<Create.Request, Create.Response> {
  private final ObjectStore store;
  private final KeyBackings keys;

  /** A handler making keys through {@code keys}; {@code store} removes them on Undo. */
  public CreateHandler(ObjectStore store, KeyBackings keys) {
    this.store = store;
    this.keys = keys;
  }

  /** A handler making stored keys alone (tests). */
  public CreateHandler(ObjectStore store) {
    this(store, KeyBackings.storedOnly(StoredKeyBacking.of(store)));
  }

  @Override
  public Operation operation() {
    return Operation.CREATE;
  }

  @Override
  public Create.Response handle(Create.Request request, RequestContext context) {
    String uid = keys.forNew(request.attributes()).create(request, context);
    context.batch().setIdPlaceholder(uid);
    context.batch().onUndo(() -> store.delete(uid));
    return Create.Response.of(ObjectType.SYMMETRIC_KEY.value(), uid);
  }
}

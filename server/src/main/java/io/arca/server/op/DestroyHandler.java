package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;

/**
 * Destroy (KMIP 1.4 §4.21, 2.1 §6.1.17): the object's key material is erased for good by its {@link
 * KeyBacking}: a stored object keeps its metadata in state Destroyed, an HSM key leaves the token.
 * Erased material cannot come back, so a batch's Undo leaves a destroy done.
 */
public final class DestroyHandler implements OperationHandler {
  private final ObjectAccess objects;
  private final KeyBackings keys;

  /** A handler destroying the objects {@code objects} resolves, through {@code keys}. */
  public DestroyHandler(ObjectAccess objects, KeyBackings keys) {
    this.objects = objects;
    this.keys = keys;
  }

  /** A handler destroying stored objects alone (tests). */
  public DestroyHandler(ObjectAccess objects) {
    this(objects, KeyBackings.storedOnly(StoredKeyBacking.of(objects.store())));
  }

  @Override
  public Operation operation() {
    return Operation.DESTROY;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    Destroy.Request request = Destroy.Request.decode(requestPayload, context.protocolVersion());
    ObjectRecord object = objects.resolve(request.uniqueIdentifier(), context);
    keys.of(object.uid()).destroy(object, context);
    return new Destroy.Response(object.uid()).encode(context.protocolVersion());
  }
}

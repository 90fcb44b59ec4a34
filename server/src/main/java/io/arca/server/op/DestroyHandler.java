package io.arca.server.op;

import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.payload.Destroy;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;

/**
 * Destroy (KMIP 1.4 §4.21, 2.1 §6.1.17): the object's key material is erased for good by its {@link
 * KeyBacking}: a stored object keeps its metadata in state Destroyed, an HSM key leaves the token.
 * Erased material cannot come back, so a batch's Undo leaves a destroy done; for the same reason a
 * key that still wraps stored objects (a wrapping key a client chose, or the server's KEK) is not
 * destroyed, whichever backing holds it.
 */
public final class DestroyHandler implements OperationHandler<Destroy.Request, Destroy.Response> {
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
  public Destroy.Response handle(Destroy.Request request, RequestContext context) {
    ObjectRecord object = objects.resolve(request.uniqueIdentifier(), context);
    long wrapped = objects.store().wrappedBy(object.uid());
    // What a public key wraps, its private key unwraps: that is lost with either half.
    String publicKey = object.linked(LinkType.PUBLIC_KEY_LINK);
    if (object.objectType() == ObjectType.PRIVATE_KEY && publicKey != null) {
      wrapped += objects.store().wrappedBy(publicKey);
    }
    if (wrapped > 0) {
      throw Reasons.stillWraps(context.protocolVersion(), object.uid(), wrapped);
    }
    keys.of(object.uid()).destroy(object, context);
    return new Destroy.Response(object.uid());
  }
}

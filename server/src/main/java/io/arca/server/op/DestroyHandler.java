package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;

/**
 * Destroy (KMIP 1.4 §4.21, 2.1 §6.1.17): the key material is erased for good; the metadata stays,
 * in state Destroyed (Destroyed Compromised for a compromised object), with its Destroy Date. An
 * Active object must be revoked first. Erased material cannot come back, so a batch's Undo leaves a
 * destroy done.
 */
public final class DestroyHandler implements OperationHandler {
  private final ObjectAccess objects;

  /** A handler acting on {@code objects}. */
  public DestroyHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.DESTROY;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    Destroy.Request request = Destroy.Request.decode(requestPayload, context.protocolVersion());
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    objects
        .store()
        .update(
            uid,
            r -> {
              State state = Lifecycle.stateAt(r.state(), r.attributes(), context.now());
              State next =
                  switch (state) {
                    case PRE_ACTIVE, DEACTIVATED -> State.DESTROYED;
                    case COMPROMISED -> State.DESTROYED_COMPROMISED;
                    default ->
                        throw Reasons.wrongState(context.protocolVersion(), "Destroy", state);
                  };
              return r.withAttributes(
                      ObjectAttributes.replace(
                          r.attributes(),
                          Attribute.of(TtlvDateTime.of(Tag.DESTROY_DATE.code(), context.now()))),
                      context.now())
                  .withoutContent(next, context.now());
            });
    return new Destroy.Response(uid).encode(context.protocolVersion());
  }
}

package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Activate (KMIP 1.4 §4.19, 2.1 §6.1.1): a Pre-Active object becomes Active, and its Activation
 * Date becomes the time of the request.
 */
public final class ActivateHandler
    implements OperationHandler<Activate.Request, Activate.Response> {
  private final ObjectAccess objects;

  /** A handler acting on {@code objects}. */
  public ActivateHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.ACTIVATE;
  }

  @Override
  public Activate.Response handle(Activate.Request request, RequestContext context) {
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    objects.change(
        uid,
        r -> {
          State state = Lifecycle.stateAt(r.state(), r.attributes(), context.now());
          if (state != State.PRE_ACTIVE) {
            throw Reasons.wrongState(context.protocolVersion(), "Activate", state);
          }
          return r.withAttributes(
                  ObjectAttributes.replace(
                      r.attributes(),
                      Attribute.of(TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), context.now()))),
                  context.now())
              .withState(State.ACTIVE, context.now());
        },
        context);
    return new Activate.Response(uid);
  }
}

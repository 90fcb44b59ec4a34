package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Recover;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Recover (KMIP 1.4 §4.23, 2.1 §6.1.42): an archived object comes back on line with every attribute
 * it had, less the Archive Date, which the specification has Recover delete. Recover of an object
 * that is on line is refused (Illegal Operation in 1.x, Invalid Field in 2.x) rather than passed
 * over, so that a client learns that its idea of the object was wrong.
 */
public final class RecoverHandler implements OperationHandler<Recover.Request, Recover.Response> {
  private final ObjectAccess objects;

  /** A handler recovering the objects of {@code objects}. */
  public RecoverHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.RECOVER;
  }

  @Override
  public Recover.Response handle(Recover.Request request, RequestContext context) {
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    objects.change(
        uid,
        r -> {
          if (!Archival.isArchived(r)) {
            throw Archival.notArchived(uid, context.protocolVersion());
          }
          return r.withAttributes(Archival.withoutArchiveDate(r.attributes()), context.now());
        },
        context);
    return new Recover.Response(uid);
  }
}

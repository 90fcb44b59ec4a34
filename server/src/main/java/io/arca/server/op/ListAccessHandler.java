package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.ListAccess;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectQuery;
import io.arca.server.store.ObjectRecord;
import java.util.List;

/**
 * Arca's List Access extension (docs/ACCESS.md). With a Unique Identifier: the object's owner and
 * the grants on it, for whoever manages them. Without: the grants the caller holds (theirs and
 * those to {@code *}) and the objects the caller owns.
 */
public final class ListAccessHandler
    implements OperationHandler<ListAccess.Request, ListAccess.Response> {
  /** The most owned objects one answer lists. */
  static final int MAX_OWNED = 10_000;

  private final ObjectAccess objects;

  /** A handler listing access to the objects of {@code objects}. */
  public ListAccessHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.LIST_ACCESS;
  }

  @Override
  public ListAccess.Response handle(ListAccess.Request request, RequestContext context) {
    String uid = request.uniqueIdentifier();
    ListAccess.Response response;
    if (uid != null) {
      ObjectRecord record = GrantChanges.checkManager(uid, objects, context);
      response =
          new ListAccess.Response(
              record == null ? null : record.owner(), context.access().grantsOn(uid), List.of());
    } else {
      List<String> owned =
          objects.store().locate(ObjectQuery.all(MAX_OWNED + 1).withOwner(context.user()));
      if (owned.size() > MAX_OWNED) {
        throw new KmipException(
            ResultReason.RESPONSE_TOO_LARGE,
            context.user() + " owns more than " + MAX_OWNED + " objects (expected: fewer)");
      }
      response = new ListAccess.Response(null, context.access().grantsTo(context.user()), owned);
    }
    return response;
  }
}

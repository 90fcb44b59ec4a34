package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.GetUsageAllocation;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;

/**
 * Get Usage Allocation (KMIP 1.4 §4.18, 2.1 §6.1.23): reserves uses of a key with Usage Limits for
 * a client that will count them itself; they are taken from the key's Usage Limits Count at once,
 * so no other client can spend them.
 */
public final class GetUsageAllocationHandler
    implements OperationHandler<GetUsageAllocation.Request, GetUsageAllocation.Response> {
  private final ObjectAccess objects;

  /** A handler acting on {@code objects}. */
  public GetUsageAllocationHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.GET_USAGE_ALLOCATION;
  }

  @Override
  public GetUsageAllocation.Response handle(
      GetUsageAllocation.Request request, RequestContext context) {
    Long amount = request.usageLimitsCount();
    if (amount == null || amount <= 0) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "UsageLimitsCount: expected a positive number of uses");
    }
    ObjectRecord key = objects.resolve(request.uniqueIdentifier(), context);
    KeyUse.reserveUsage(objects, key, amount, context);
    return new GetUsageAllocation.Response(key.uid());
  }
}

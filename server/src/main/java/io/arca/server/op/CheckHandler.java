package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.Check;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;

/**
 * Check (KMIP 1.4 §4.10, 2.1 §6.1.7): whether the object could be used as the client describes. The
 * Cryptographic Usage Mask asked for must be within the object's; Usage Limits and leases are not
 * kept by this server, so a count or lease time asked for is granted as long as the object exists.
 */
public final class CheckHandler implements OperationHandler<Check.Request, Check.Response> {
  private final ObjectAccess objects;

  /** A handler reading {@code objects}. */
  public CheckHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.CHECK;
  }

  @Override
  public Check.Response handle(Check.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    ObjectRecord record = objects.resolve(request.uniqueIdentifier(), context);
    Integer asked = request.cryptographicUsageMask();
    if (asked != null) {
      Integer mask = AttributeView.of(record).usageMask();
      if (mask == null || (mask & asked) != asked) {
        throw new KmipException(
            version.isAtLeast(ProtocolVersion.V2_0)
                ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK
                : ResultReason.PERMISSION_DENIED,
            "Check: the object's Cryptographic Usage Mask does not allow what was asked");
      }
    }
    return new Check.Response(record.uid(), null, null, null);
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipEnumeration;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.Tag;
import io.arca.kmip.payload.Query;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.OperationRegistry;
import io.arca.server.batch.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Query: what this server really does. Operations come from the registry; object types, profiles
 * and capabilities from what the stores behind the handlers support, so nothing is advertised that
 * does not work. Query Functions the server has nothing to say about get empty answers, as the
 * specification allows.
 */
public final class QueryHandler implements InlineHandler<Query.Request, Query.Response> {
  /** The Vendor Identification this server reports. */
  public static final String VENDOR = "Arca";

  private final Supplier<OperationRegistry> registry;
  private final List<? extends KmipEnumeration> objectTypes;
  private final String version;

  /**
   * A handler that reports the operations of {@code registry} (supplied late, because the registry
   * holds this handler too) and these object types.
   */
  public QueryHandler(
      Supplier<OperationRegistry> registry,
      List<? extends KmipEnumeration> objectTypes,
      String version) {
    this.registry = registry;
    this.objectTypes = List.copyOf(objectTypes);
    this.version = version;
  }

  @Override
  public Operation operation() {
    return Operation.QUERY;
  }

  @Override
  public Query.Response handle(Query.Request request, RequestContext context) {
    List<Integer> functions = request.functions();
    List<Integer> operations = new ArrayList<>();
    List<Integer> objects = new ArrayList<>();
    String vendor = null;
    TtlvStructure serverInformation = null;
    for (int function : functions) {
      QueryFunction known = QueryFunction.byValue(function);
      if (known == QueryFunction.QUERY_OPERATIONS && operations.isEmpty()) {
        // Operations the client's version does not define (Set Attribute for 1.x) are not listed,
        // nor Arca's extensions (0x8xxxxxxx, negative as an int): a standard client refuses an
        // operation value it does not know, and those who use them read docs/ACCESS.md.
        for (Operation operation : registry.get().operations()) {
          if (operation.isDefinedIn(context.protocolVersion()) && operation.value() >= 0) {
            operations.add(operation.value());
          }
        }
      } else if (known == QueryFunction.QUERY_OBJECTS && objects.isEmpty()) {
        // Template is listed to 1.x clients only: 2.0 removed it.
        for (KmipEnumeration type : objectTypes) {
          if (type.isDefinedIn(context.protocolVersion())) {
            objects.add(type.value());
          }
        }
      } else if (known == QueryFunction.QUERY_SERVER_INFORMATION) {
        vendor = VENDOR;
        serverInformation = serverInformation(context);
      }
    }
    return new Query.Response(operations, objects, vendor, serverInformation, List.of(), List.of());
  }

  /**
   * 2.x defines the fields of Server Information; in 1.x its content is vendor-defined, so it stays
   * empty.
   */
  private TtlvStructure serverInformation(RequestContext context) {
    if (!context.protocolVersion().isAtLeast(ProtocolVersion.V2_0)) {
      return TtlvStructure.of(Tag.SERVER_INFORMATION.code());
    }
    return TtlvStructure.of(
        Tag.SERVER_INFORMATION.code(),
        new TtlvTextString(Tag.SERVER_NAME.code(), "Arca KMIP server"),
        new TtlvTextString(Tag.SERVER_VERSION.code(), version),
        new TtlvTextString(Tag.PRODUCT_NAME.code(), VENDOR));
  }

  /** Always from memory: what the server serves is known at start. */
  @Override
  public Optional<Query.Response> tryInline(Query.Request request, RequestContext context) {
    return Optional.of(handle(request, context));
  }
}

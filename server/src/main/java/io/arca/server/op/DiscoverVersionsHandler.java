package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.payload.DiscoverVersions;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Discover Versions: the versions this server speaks that the client also named, in the server's
 * order.
 */
public final class DiscoverVersionsHandler
    implements InlineHandler<DiscoverVersions.Request, DiscoverVersions.Response> {
  /** Every protocol version served, most preferred first. */
  public static final List<ProtocolVersion> SUPPORTED =
      List.of(
          ProtocolVersion.V2_1,
          ProtocolVersion.V2_0,
          ProtocolVersion.V1_4,
          ProtocolVersion.V1_3,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_1,
          ProtocolVersion.V1_0);

  /** The answer to a client that names no versions: immutable, so built once. */
  private static final DiscoverVersions.Response ALL = new DiscoverVersions.Response(SUPPORTED);

  @Override
  public Operation operation() {
    return Operation.DISCOVER_VERSIONS;
  }

  @Override
  public DiscoverVersions.Response handle(
      DiscoverVersions.Request request, RequestContext context) {
    List<ProtocolVersion> asked = request.versions();
    if (asked.isEmpty()) {
      return ALL;
    }
    List<ProtocolVersion> shared = new ArrayList<>();
    for (ProtocolVersion version : SUPPORTED) {
      if (asked.contains(version)) {
        shared.add(version);
      }
    }
    return new DiscoverVersions.Response(shared);
  }

  /** Always from memory: nothing is read but the list of versions. */
  @Override
  public Optional<DiscoverVersions.Response> tryInline(
      DiscoverVersions.Request request, RequestContext context) {
    return Optional.of(handle(request, context));
  }
}

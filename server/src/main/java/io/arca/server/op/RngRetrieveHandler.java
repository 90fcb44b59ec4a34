package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.RngRetrieve;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.ClientRandom;
import java.util.Optional;

/**
 * RNG Retrieve (KMIP 1.4 §4.35, 2.1 §6.1.43): Data Length random bytes from {@link ClientRandom},
 * at most {@link #MAX_BYTES} per request so that one request cannot make the server build a huge
 * response (a client wanting more asks again).
 */
public final class RngRetrieveHandler
    implements InlineHandler<RngRetrieve.Request, RngRetrieve.Response> {
  /** The most bytes one request may ask for. */
  public static final int MAX_BYTES = 65_536;

  private final ClientRandom random;

  /** A handler drawing from {@code random}. */
  public RngRetrieveHandler(ClientRandom random) {
    this.random = random;
  }

  @Override
  public Operation operation() {
    return Operation.RNG_RETRIEVE;
  }

  @Override
  public RngRetrieve.Response handle(RngRetrieve.Request request, RequestContext context) {
    int length = request.dataLength();
    if (length <= 0 || length > MAX_BYTES) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "DataLength: "
              + length
              + " (expected: 1 to "
              + MAX_BYTES
              + ", the server's limit per RNG Retrieve request)");
    }
    return new RngRetrieve.Response(ByteString.copyOf(random.next(length)));
  }

  /** Always from memory: a draw from the client generator, no stored object involved. */
  @Override
  public Optional<RngRetrieve.Response> tryInline(
      RngRetrieve.Request request, RequestContext context) {
    return Optional.of(handle(request, context));
  }
}

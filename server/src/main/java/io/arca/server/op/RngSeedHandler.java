package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.RngSeed;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.ClientRandom;
import java.util.Arrays;

/**
 * RNG Seed (KMIP 1.4 §4.36, 2.1 §6.1.44): the seed data becomes additional input to a reseed of
 * {@link ClientRandom} (see there why that is safe to allow any client), and the answer is the
 * number of bytes used: all of them, up to {@link #MAX_BYTES}; a longer seed is refused rather than
 * silently cut.
 */
public final class RngSeedHandler implements OperationHandler<RngSeed.Request, RngSeed.Response> {
  /** The most seed bytes one request may give. */
  public static final int MAX_BYTES = 4096;

  private final ClientRandom random;

  /** A handler reseeding {@code random}. */
  public RngSeedHandler(ClientRandom random) {
    this.random = random;
  }

  @Override
  public Operation operation() {
    return Operation.RNG_SEED;
  }

  @Override
  public RngSeed.Response handle(RngSeed.Request request, RequestContext context) {
    byte[] seed = request.data().toByteArray();
    try {
      if (seed.length > MAX_BYTES) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Data: "
                + seed.length
                + " bytes of seed (expected: at most "
                + MAX_BYTES
                + ", the server's limit per RNG Seed request)");
      }
      random.reseed(seed);
      return new RngSeed.Response(seed.length);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }
}

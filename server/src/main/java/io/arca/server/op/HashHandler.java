package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Hash;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.Digests;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hash (KMIP 1.4 §4.37, 2.1 §6.1.26): the digest of data with the Hashing Algorithm of the
 * request's Cryptographic Parameters. No managed object is involved, so any authenticated client
 * may hash. The data may come in parts; the digest is answered with the last. The algorithm of a
 * stream is the first request's.
 */
public final class HashHandler implements InlineHandler<Hash.Request, Hash.Response> {
  private final CryptoStreams streams;

  /** A handler keeping its streams in {@code streams}. */
  public HashHandler(CryptoStreams streams) {
    this.streams = streams;
  }

  @Override
  public Operation operation() {
    return Operation.HASH;
  }

  /** A digest between requests. Data already hashed is not sensitive; there is nothing to wipe. */
  private static final class HashStream implements CryptoStreams.State {
    private @Nullable MessageDigest digest;

    HashStream(MessageDigest digest) {
      this.digest = digest;
    }

    MessageDigest digest() {
      return Objects.requireNonNull(digest, "closed stream");
    }

    @Override
    public void close() {
      digest = null;
    }
  }

  @Override
  public Hash.Response handle(Hash.Request request, RequestContext context) {
    CryptoStreams.Part part =
        CryptoStreams.part(
            request.correlationValue(),
            request.initIndicator(),
            request.finalIndicator(),
            context.protocolVersion());
    byte[] data = MacKeys.data(request.data(), part != CryptoStreams.Part.SINGLE);
    if (part == CryptoStreams.Part.SINGLE) {
      String algorithm = Digests.jcaName(request.parameters().hashingAlgorithm());
      return new Hash.Response(ByteString.copyOf(Digests.digest(algorithm, data)), null);
    }
    return streams.run(
        context,
        Operation.HASH,
        part,
        request.correlationValue(),
        data.length,
        HashStream.class,
        () ->
            new HashStream(
                Digests.newDigest(Digests.jcaName(request.parameters().hashingAlgorithm()))),
        (stream, at, correlation) -> {
          stream.digest().update(data);
          return correlation != null
              ? new Hash.Response(null, correlation)
              : new Hash.Response(ByteString.copyOf(stream.digest().digest()), null);
        });
  }

  /** A one-shot digest; a stream's parts go to a worker, which owns the stream table's order. */
  @Override
  public Optional<Hash.Response> tryInline(Hash.Request request, RequestContext context) {
    if (CryptoStreams.streaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator())) {
      return Optional.empty();
    }
    return Optional.of(handle(request, context));
  }
}

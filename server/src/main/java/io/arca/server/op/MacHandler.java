package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * MAC (KMIP 1.4 §4.33, 2.1 §6.1.29): an HMAC or CMAC of data with a symmetric key whose usage mask
 * allows MAC Generate, by the key's {@link KeyBacking} (a stored key, or an HMAC key of the HSM).
 * With a stored key the data may come in parts (Init Indicator, Correlation Value, Final
 * Indicator); the MAC is answered with the last.
 */
public final class MacHandler implements InlineHandler<Mac.Request, Mac.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final CryptoStreams streams;

  /** A handler computing MACs with the keys {@code objects} resolves, through {@code keys}. */
  public MacHandler(ObjectAccess objects, KeyBackings keys, CryptoStreams streams) {
    this.objects = objects;
    this.keys = keys;
    this.streams = streams;
  }

  /** A handler computing MACs with stored keys alone (tests). */
  public MacHandler(ObjectAccess objects, CryptoStreams streams) {
    this(objects, KeyBackings.storedOnly(StoredKeyBacking.of(objects.store())), streams);
  }

  @Override
  public Operation operation() {
    return Operation.MAC;
  }

  @Override
  public Mac.Response handle(Mac.Request request, RequestContext context) {
    CryptoStreams.Part part =
        CryptoStreams.part(
            request.correlationValue(),
            request.initIndicator(),
            request.finalIndicator(),
            context.protocolVersion());
    byte[] data = MacKeys.data(request.data(), part != CryptoStreams.Part.SINGLE);
    try {
      if (part == CryptoStreams.Part.SINGLE) {
        MacKeys.Checked checked =
            MacKeys.check(
                objects,
                request.uniqueIdentifier(),
                request.parameters(),
                true,
                data.length,
                context);
        String uid = checked.key().uid();
        return response(uid, keys.of(uid).mac(checked.key(), checked.algorithm(), data, context));
      }
      return streams.run(
          context,
          Operation.MAC,
          part,
          request.correlationValue(),
          data.length,
          MacKeys.MacStream.class,
          () ->
              MacKeys.start(
                  keys,
                  MacKeys.check(
                      objects,
                      request.uniqueIdentifier(),
                      request.parameters(),
                      true,
                      data.length,
                      context),
                  context),
          (stream, at, correlation) -> {
            if (at != CryptoStreams.Part.FIRST) {
              MacKeys.sameKey(request.uniqueIdentifier(), stream.uid());
              MacKeys.check(
                  objects, stream.uid(), request.parameters(), true, data.length, context);
            }
            stream.mac().update(data);
            if (correlation != null) {
              return new Mac.Response(stream.uid(), null, correlation);
            }
            return response(stream.uid(), stream.mac().finish());
          });
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  /** A one-shot MAC with a key whose material is in memory. */
  @Override
  public Optional<Mac.Response> tryInline(Mac.Request request, RequestContext context) {
    if (CryptoStreams.streaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator())) {
      return Optional.empty();
    }
    byte[] data = MacKeys.data(request.data(), false);
    try {
      return MacKeys.checkInMemory(
              objects, request.uniqueIdentifier(), request.parameters(), true, context)
          .flatMap(
              checked ->
                  MacKeys.computeInMemory(objects, checked, data)
                      .map(mac -> response(checked.key().uid(), mac)));
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  private static Mac.Response response(String uid, byte[] mac) {
    return new Mac.Response(uid, ByteString.copyOf(mac), null);
  }
}

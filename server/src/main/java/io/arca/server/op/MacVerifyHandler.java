package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * MAC Verify (KMIP 1.4 §4.34, 2.1 §6.1.30): recomputes the MAC of data with a key whose usage mask
 * allows MAC Verify, by the key's {@link KeyBacking}, and compares it in constant time with the one
 * given, answering Valid or Invalid (a MAC that does not match is a successful answer, not an
 * error). With a stored key the data may come in parts ({@link CryptoStreams}); the MAC Data comes
 * with any one of them, the first included, and the verdict with the last.
 */
public final class MacVerifyHandler
    implements InlineHandler<MacVerify.Request, MacVerify.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final CryptoStreams streams;

  /** A handler verifying MACs with the keys {@code objects} resolves, through {@code keys}. */
  public MacVerifyHandler(ObjectAccess objects, KeyBackings keys, CryptoStreams streams) {
    this.objects = objects;
    this.keys = keys;
    this.streams = streams;
  }

  /** A handler verifying MACs with stored keys alone (tests). */
  public MacVerifyHandler(ObjectAccess objects, CryptoStreams streams) {
    this(objects, KeyBackings.storedOnly(StoredKeyBacking.of(objects.store())), streams);
  }

  @Override
  public Operation operation() {
    return Operation.MAC_VERIFY;
  }

  @Override
  public MacVerify.Response handle(MacVerify.Request request, RequestContext context) {
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
                objects, request.uniqueIdentifier(), request.parameters(), false, 0, context);
        String uid = checked.key().uid();
        byte[] expected = required(request.macData());
        boolean valid =
            keys.of(uid).macVerify(checked.key(), checked.algorithm(), data, expected, context);
        return verdict(uid, valid);
      }
      return streams.run(
          context,
          Operation.MAC_VERIFY,
          part,
          request.correlationValue(),
          data.length,
          MacKeys.MacStream.class,
          () ->
              MacKeys.start(
                  keys,
                  MacKeys.check(
                      objects, request.uniqueIdentifier(), request.parameters(), false, 0, context),
                  context),
          (stream, at, correlation) -> {
            if (at != CryptoStreams.Part.FIRST) {
              MacKeys.sameKey(request.uniqueIdentifier(), stream.uid());
              MacKeys.check(objects, stream.uid(), request.parameters(), false, 0, context);
            }
            stream.expect(request.macData());
            stream.mac().update(data);
            if (correlation != null) {
              return new MacVerify.Response(stream.uid(), null, correlation);
            }
            byte[] computed = stream.mac().finish();
            return verdict(stream.uid(), MessageDigest.isEqual(computed, stream.expected()));
          });
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  /** A one-shot verification with a key whose material is in memory. */
  @Override
  public Optional<MacVerify.Response> tryInline(MacVerify.Request request, RequestContext context) {
    if (CryptoStreams.streaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator())) {
      return Optional.empty();
    }
    byte[] data = MacKeys.data(request.data(), false);
    try {
      MacKeys.Checked checked =
          MacKeys.checkInMemory(
                  objects, request.uniqueIdentifier(), request.parameters(), false, context)
              .orElse(null);
      if (checked == null) {
        return Optional.empty();
      }
      byte[] expected = required(request.macData());
      return MacKeys.computeInMemory(objects, checked, data)
          .map(computed -> verdict(checked.key().uid(), MessageDigest.isEqual(computed, expected)));
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  private static byte[] required(@Nullable ByteString macData) {
    if (macData == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "MACData: missing (expected: the MAC to verify)");
    }
    return macData.toByteArray();
  }

  private static MacVerify.Response verdict(String uid, boolean valid) {
    ValidityIndicator indicator = valid ? ValidityIndicator.VALID : ValidityIndicator.INVALID;
    return new MacVerify.Response(uid, indicator.value(), null);
  }
}

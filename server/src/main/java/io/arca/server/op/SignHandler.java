package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.Signatures;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Sign (KMIP 1.4 §4.31, 2.1 §6.1.55) with a managed private key, over the Data or over the client's
 * Digested Data, by the key's {@link KeyBacking}: a stored RSA, EC or Ed25519 key, or an RSA or EC
 * key of the HSM. The parameters are the request's, else the key's, else the backing's defaults.
 * Signing protects, so the key must be Active, before its Protect Stop Date, with Sign in its usage
 * mask. From KMIP 1.3 the Data may come in parts ({@link CryptoStreams}); the key is checked at
 * each part and the signature is made over all of it, by the backing, with the Final part.
 */
public final class SignHandler implements OperationHandler<Sign.Request, Sign.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final CryptoStreams streams;

  /** A handler signing with the keys {@code objects} resolves, through {@code keys}. */
  public SignHandler(ObjectAccess objects, KeyBackings keys, CryptoStreams streams) {
    this.objects = objects;
    this.keys = keys;
    this.streams = streams;
  }

  /** A handler signing with stored keys alone (tests). */
  public SignHandler(
      ObjectAccess objects, AsymmetricKeys keys, Signatures signatures, CryptoStreams streams) {
    this(objects, StoredKeyBacking.storedOnly(objects.store(), keys, signatures), streams);
  }

  @Override
  public Operation operation() {
    return Operation.SIGN;
  }

  @Override
  public Sign.Response handle(Sign.Request request, RequestContext context) {
    CryptoStreams.Part part =
        CryptoStreams.part(
            request.correlationValue(),
            request.initIndicator(),
            request.finalIndicator(),
            context.protocolVersion());
    if (part == CryptoStreams.Part.SINGLE) {
      ByteString input = SignatureInput.of(request.data(), request.digestedData());
      ObjectRecord key = checked(request.uniqueIdentifier(), input.length(), context);
      return sign(
          key,
          KeyUse.parameters(request.parameters(), key),
          input.toByteArray(),
          request.digestedData() != null,
          context);
    }
    if (request.digestedData() != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "DigestedData: a digest is signed in one request (a stream sends Data)");
    }
    byte[] data = SymmetricCrypto.bytes(request.data());
    int length = data == null ? 0 : data.length;
    return streams.run(
        context,
        Operation.SIGN,
        part,
        request.correlationValue(),
        length,
        CollectedParts.class,
        () -> {
          ObjectRecord key = checked(request.uniqueIdentifier(), 0, context);
          return new CollectedParts(key.uid(), KeyUse.parameters(request.parameters(), key));
        },
        (stream, at, correlation) -> {
          ObjectRecord key =
              checked(sameKey(request.uniqueIdentifier(), stream.uid()), length, context);
          try {
            stream.add(data, null, "Data");
          } finally {
            wipe(data);
          }
          if (correlation != null) {
            return new Sign.Response(key.uid(), null, correlation);
          }
          return sign(key, stream.parameters(), stream.data(), false, context);
        });
  }

  /** The key checked for signing, {@code bytes} counted against its Usage Limits. */
  private ObjectRecord checked(@Nullable String uid, long bytes, RequestContext context) {
    ObjectRecord key = objects.resolve(uid, context);
    AsymmetricKeys.requireType(key, ObjectType.PRIVATE_KEY, "Sign");
    KeyUse.forProtecting(key, CryptographicUsageMask.SIGN, "Sign", context);
    KeyUse.consumeUsage(objects, key, bytes, "Sign", context);
    return key;
  }

  private Sign.Response sign(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] bytes,
      boolean digested,
      RequestContext context) {
    try {
      byte[] signature = keys.of(key.uid()).sign(key, parameters, bytes, digested, context);
      return new Sign.Response(key.uid(), ByteString.copyOf(signature), null);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The stream's key: a later part may name it again, but no other. */
  static String sameKey(@Nullable String requested, String streamKey) {
    MacKeys.sameKey(requested, streamKey);
    return streamKey;
  }

  static void wipe(byte @Nullable [] data) {
    if (data != null) {
      Arrays.fill(data, (byte) 0);
    }
  }
}

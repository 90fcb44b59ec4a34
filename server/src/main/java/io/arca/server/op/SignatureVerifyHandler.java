package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.Signatures;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Signature Verify (KMIP 1.4 §4.32, 2.1 §6.1.56) with a managed public key, stored or in the HSM,
 * by its {@link KeyBacking}. A signature that does not verify, malformed or not, is a successful
 * answer with Validity Indicator Invalid (as the OASIS cases CS-AC-M-2 and -3 expect); failures are
 * kept for what the request or key cannot do. Verifying processes protected data, so a Deactivated
 * or Compromised key may still verify. From KMIP 1.3 the Data may come in parts ({@link
 * CryptoStreams}), the Signature Data with any one of them; the verdict comes with the Final part.
 */
public final class SignatureVerifyHandler
    implements OperationHandler<SignatureVerify.Request, SignatureVerify.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final CryptoStreams streams;

  /** A handler verifying with the keys {@code objects} resolves, through {@code keys}. */
  public SignatureVerifyHandler(ObjectAccess objects, KeyBackings keys, CryptoStreams streams) {
    this.objects = objects;
    this.keys = keys;
    this.streams = streams;
  }

  /** A handler verifying with stored keys alone (tests). */
  public SignatureVerifyHandler(
      ObjectAccess objects, AsymmetricKeys keys, Signatures signatures, CryptoStreams streams) {
    this(objects, StoredKeyBacking.storedOnly(objects.store(), keys, signatures), streams);
  }

  @Override
  public Operation operation() {
    return Operation.SIGNATURE_VERIFY;
  }

  @Override
  public SignatureVerify.Response handle(SignatureVerify.Request request, RequestContext context) {
    CryptoStreams.Part part =
        CryptoStreams.part(
            request.correlationValue(),
            request.initIndicator(),
            request.finalIndicator(),
            context.protocolVersion());
    if (part == CryptoStreams.Part.SINGLE) {
      ByteString input = SignatureInput.of(request.data(), request.digestedData());
      ByteString signature = request.signatureData();
      if (signature == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "SignatureData: missing (expected: the signature)");
      }
      ObjectRecord key = checked(request.uniqueIdentifier(), context);
      return verify(
          key,
          KeyUse.parameters(request.parameters(), key),
          input.toByteArray(),
          request.digestedData() != null,
          signature.toByteArray(),
          context);
    }
    if (request.digestedData() != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "DigestedData: a digest is verified in one request (a stream sends Data)");
    }
    byte[] data = SymmetricCrypto.bytes(request.data());
    return streams.run(
        context,
        Operation.SIGNATURE_VERIFY,
        part,
        request.correlationValue(),
        data == null ? 0 : data.length,
        CollectedParts.class,
        () -> {
          ObjectRecord key = checked(request.uniqueIdentifier(), context);
          return new CollectedParts(key.uid(), KeyUse.parameters(request.parameters(), key));
        },
        (stream, at, correlation) -> {
          ObjectRecord key =
              checked(SignHandler.sameKey(request.uniqueIdentifier(), stream.uid()), context);
          try {
            stream.add(data, request.signatureData(), "SignatureData");
          } finally {
            SignHandler.wipe(data);
          }
          if (correlation != null) {
            return new SignatureVerify.Response(key.uid(), null, null, correlation);
          }
          return verify(
              key,
              stream.parameters(),
              stream.data(),
              false,
              stream.expected("SignatureData"),
              context);
        });
  }

  private ObjectRecord checked(@Nullable String uid, RequestContext context) {
    ObjectRecord key = objects.resolve(uid, context);
    AsymmetricKeys.requireType(key, ObjectType.PUBLIC_KEY, "SignatureVerify");
    KeyUse.forProcessing(key, CryptographicUsageMask.VERIFY, "SignatureVerify", context);
    return key;
  }

  private SignatureVerify.Response verify(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      byte[] signature,
      RequestContext context) {
    try {
      boolean valid =
          keys.of(key.uid()).verify(key, parameters, input, digested, signature, context);
      ValidityIndicator verdict = valid ? ValidityIndicator.VALID : ValidityIndicator.INVALID;
      return new SignatureVerify.Response(key.uid(), verdict.value(), null, null);
    } finally {
      Arrays.fill(input, (byte) 0);
    }
  }
}

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

/**
 * Signature Verify (KMIP 1.4 §4.32, 2.1 §6.1.56) with a managed public key, stored or in the HSM,
 * by its {@link KeyBacking}. A signature that does not verify, malformed or not, is a successful
 * answer with Validity Indicator Invalid (as the OASIS cases CS-AC-M-2 and -3 expect); failures are
 * kept for what the request or key cannot do. Verifying processes protected data, so a Deactivated
 * or Compromised key may still verify.
 */
public final class SignatureVerifyHandler
    implements OperationHandler<SignatureVerify.Request, SignatureVerify.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;

  /** A handler verifying with the keys {@code objects} resolves, through {@code keys}. */
  public SignatureVerifyHandler(ObjectAccess objects, KeyBackings keys) {
    this.objects = objects;
    this.keys = keys;
  }

  /** A handler verifying with stored keys alone (tests). */
  public SignatureVerifyHandler(ObjectAccess objects, AsymmetricKeys keys, Signatures signatures) {
    this(objects, StoredKeyBacking.storedOnly(objects.store(), keys, signatures));
  }

  @Override
  public Operation operation() {
    return Operation.SIGNATURE_VERIFY;
  }

  @Override
  public SignatureVerify.Response handle(SignatureVerify.Request request, RequestContext context) {
    SymmetricCrypto.refuseStreaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator());
    ByteString input = SignatureInput.of(request.data(), request.digestedData());
    ByteString signature = request.signatureData();
    if (signature == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "SignatureData: missing (expected: the signature)");
    }
    ObjectRecord key = objects.resolve(request.uniqueIdentifier(), context);
    AsymmetricKeys.requireType(key, ObjectType.PUBLIC_KEY, "SignatureVerify");
    KeyUse.forProcessing(key, CryptographicUsageMask.VERIFY, "SignatureVerify", context);
    CryptographicParameters parameters = KeyUse.parameters(request.parameters(), key);
    boolean valid =
        keys.of(key.uid())
            .verify(
                key,
                parameters,
                input.toByteArray(),
                request.digestedData() != null,
                signature.toByteArray(),
                context);
    ValidityIndicator verdict = valid ? ValidityIndicator.VALID : ValidityIndicator.INVALID;
    return new SignatureVerify.Response(key.uid(), verdict.value(), null, null);
  }
}

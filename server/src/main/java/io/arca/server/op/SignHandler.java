package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.Signatures;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;

/**
 * Sign (KMIP 1.4 §4.31, 2.1 §6.1.55) with a managed private key, over the Data or over the client's
 * Digested Data, by the key's {@link KeyBacking}: a stored RSA, EC or Ed25519 key, or an RSA or EC
 * key of the HSM. The parameters are the request's, else the key's, else the backing's defaults.
 * Signing protects, so the key must be Active, before its Protect Stop Date, with Sign in its usage
 * mask.
 */
public final class SignHandler implements OperationHandler<Sign.Request, Sign.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;

  /** A handler signing with the keys {@code objects} resolves, through {@code keys}. */
  public SignHandler(ObjectAccess objects, KeyBackings keys) {
    this.objects = objects;
    this.keys = keys;
  }

  /** A handler signing with stored keys alone (tests). */
  public SignHandler(ObjectAccess objects, AsymmetricKeys keys, Signatures signatures) {
    this(objects, StoredKeyBacking.storedOnly(objects.store(), keys, signatures));
  }

  @Override
  public Operation operation() {
    return Operation.SIGN;
  }

  @Override
  public Sign.Response handle(Sign.Request request, RequestContext context) {
    SymmetricCrypto.refuseStreaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator());
    ByteString input = SignatureInput.of(request.data(), request.digestedData());
    ObjectRecord key = objects.resolve(request.uniqueIdentifier(), context);
    AsymmetricKeys.requireType(key, ObjectType.PRIVATE_KEY, "Sign");
    KeyUse.forProtecting(key, CryptographicUsageMask.SIGN, "Sign", context);
    CryptographicParameters parameters = KeyUse.parameters(request.parameters(), key);
    KeyUse.consumeUsage(objects, key, input.length(), "Sign", context);
    byte[] bytes = input.toByteArray();
    try {
      byte[] signature =
          keys.of(key.uid()).sign(key, parameters, bytes, request.digestedData() != null, context);
      return new Sign.Response(key.uid(), ByteString.copyOf(signature), null);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}

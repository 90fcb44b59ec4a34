package io.arca.server.op;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;

/**
 * Decrypt (KMIP 1.4 §4.30, 2.1 §6.1.16) with an AES key, which may be Deactivated or Compromised as
 * well as Active: processing old data is what such keys are kept for. RSA private keys go to {@link
 * RsaEncryption}.
 */
public final class DecryptHandler implements OperationHandler {
  private final ObjectAccess objects;
  private final AesCipher aes;
  private final RsaEncryption rsa;

  /** A handler decrypting with the keys of {@code objects}. */
  public DecryptHandler(ObjectAccess objects, AesCipher aes, AsymmetricKeys keys, RsaCipher rsa) {
    this.objects = objects;
    this.aes = aes;
    this.rsa = new RsaEncryption(keys, rsa);
  }

  @Override
  public Operation operation() {
    return Operation.DECRYPT;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Decrypt.Request request = Decrypt.Request.decode(requestPayload, version);
    SymmetricCrypto.refuseStreaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator());
    ByteString data = request.data();
    if (data == null) {
      throw new KmipException(ResultReason.INVALID_FIELD, "Data: missing (expected: ciphertext)");
    }
    ObjectRecord key = objects.resolve(request.uniqueIdentifier(), context);
    KeyUse.forProcessing(key, CryptographicUsageMask.DECRYPT, "Decrypt", context);
    CryptographicParameters parameters = KeyUse.parameters(request.parameters(), key);
    if (RsaEncryption.handles(key)) {
      return new Decrypt.Response(key.uid(), rsa.decrypt(key, parameters, data, version), null)
          .encode(version);
    }
    byte[] ciphertext = data.toByteArray();
    byte[] tag = SymmetricCrypto.bytes(request.tag());
    Integer mode = parameters.blockCipherMode();
    boolean gcm = mode == null || mode == BlockCipherMode.GCM.value();
    if (gcm && tag == null && SymmetricCrypto.tagInData(version)) {
      int tagBytes = AesCipher.tagBytes(parameters);
      if (ciphertext.length < tagBytes) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Data: shorter than the authentication tag it must end with");
      }
      tag = Arrays.copyOfRange(ciphertext, ciphertext.length - tagBytes, ciphertext.length);
      ciphertext = Arrays.copyOf(ciphertext, ciphertext.length - tagBytes);
    }
    byte[] keyBytes = SymmetricCrypto.aesKey(objects.store(), key, version);
    byte[] plaintext;
    try {
      plaintext =
          aes.decrypt(
              keyBytes,
              parameters,
              ciphertext,
              SymmetricCrypto.bytes(request.ivCounterNonce()),
              SymmetricCrypto.bytes(request.additionalData()),
              tag);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
    ByteString result = ByteString.copyOf(plaintext);
    Arrays.fill(plaintext, (byte) 0);
    return new Decrypt.Response(key.uid(), result, null).encode(version);
  }
}

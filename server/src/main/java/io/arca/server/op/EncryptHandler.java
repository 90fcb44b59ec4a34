package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;

/**
 * Encrypt (KMIP 1.4 §4.29, 2.1 §6.1.18) with an AES key: the parameters of the request, else the
 * key's, else GCM. An IV the client did not give is drawn and returned. RSA public keys go to
 * {@link RsaEncryption}.
 */
public final class EncryptHandler implements OperationHandler {
  private final ObjectAccess objects;
  private final AesCipher aes;
  private final RsaEncryption rsa;

  /** A handler encrypting with the keys of {@code objects}. */
  public EncryptHandler(ObjectAccess objects, AesCipher aes, AsymmetricKeys keys, RsaCipher rsa) {
    this.objects = objects;
    this.aes = aes;
    this.rsa = new RsaEncryption(keys, rsa);
  }

  @Override
  public Operation operation() {
    return Operation.ENCRYPT;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Encrypt.Request request = Encrypt.Request.decode(requestPayload, version);
    SymmetricCrypto.refuseStreaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator());
    ByteString data = request.data();
    if (data == null) {
      throw new KmipException(ResultReason.INVALID_FIELD, "Data: missing (expected: plaintext)");
    }
    ObjectRecord key = objects.resolve(request.uniqueIdentifier(), context);
    KeyUse.forProtecting(key, CryptographicUsageMask.ENCRYPT, "Encrypt", context);
    CryptographicParameters parameters = KeyUse.parameters(request.parameters(), key);
    KeyUse.consumeUsage(objects, key, data.length(), "Encrypt", context);
    if (RsaEncryption.handles(key)) {
      ByteString ciphertext = rsa.encrypt(key, parameters, data, version);
      return new Encrypt.Response(key.uid(), ciphertext, null, null, null).encode(version);
    }
    byte[] keyBytes = SymmetricCrypto.aesKey(objects.store(), key, version);
    byte[] plaintext = data.toByteArray();
    AesCipher.Encrypted result;
    try {
      result =
          aes.encrypt(
              keyBytes,
              parameters,
              plaintext,
              SymmetricCrypto.bytes(request.ivCounterNonce()),
              SymmetricCrypto.bytes(request.additionalData()));
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
    byte[] out = result.data();
    byte[] tag = result.tag();
    if (tag != null && SymmetricCrypto.tagInData(version)) {
      out = Arrays.copyOf(result.data(), result.data().length + tag.length);
      System.arraycopy(tag, 0, out, result.data().length, tag.length);
      tag = null;
    }
    byte[] iv = request.ivCounterNonce() == null ? result.iv() : null;
    return new Encrypt.Response(
            key.uid(),
            ByteString.copyOf(out),
            iv == null ? null : ByteString.copyOf(iv),
            null,
            tag == null ? null : ByteString.copyOf(tag))
        .encode(version);
  }
}

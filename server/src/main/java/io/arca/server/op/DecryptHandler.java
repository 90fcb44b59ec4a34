package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
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
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;

/**
 * Decrypt (KMIP 1.4 §4.30, 2.1 §6.1.16) with an AES, 3DES, ChaCha20 or ChaCha20-Poly1305 key, which
 * may be Deactivated or Compromised as well as Active: processing old data is what such keys are
 * kept for. Streaming requests go to {@link CipherStreaming}, RSA private keys to {@link
 * RsaEncryption}.
 */
public final class DecryptHandler implements OperationHandler {
  private final ObjectAccess objects;
  private final SymmetricCipher ciphers;
  private final CipherStreaming streaming;
  private final RsaEncryption rsa;

  /** A handler decrypting with the keys of {@code objects}, keeping streams in {@code streams}. */
  public DecryptHandler(
      ObjectAccess objects,
      SymmetricCipher ciphers,
      CryptoStreams streams,
      AsymmetricKeys keys,
      RsaCipher rsa) {
    this.objects = objects;
    this.ciphers = ciphers;
    this.streaming = new CipherStreaming(objects, ciphers.aes(), streams);
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
    if (SymmetricCrypto.streaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator())) {
      return streaming.decrypt(request, context);
    }
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
    CryptographicAlgorithm algorithm = SymmetricCrypto.cipherAlgorithm(key);
    int tagBytes = SymmetricCipher.tagBytes(algorithm, parameters);
    if (tagBytes > 0 && tag == null && SymmetricCrypto.tagInData(version)) {
      if (ciphertext.length < tagBytes) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Data: shorter than the authentication tag it must end with");
      }
      tag = Arrays.copyOfRange(ciphertext, ciphertext.length - tagBytes, ciphertext.length);
      ciphertext = Arrays.copyOf(ciphertext, ciphertext.length - tagBytes);
    }
    byte[] keyBytes = SymmetricCrypto.keyBytes(objects.store(), key, version);
    byte[] plaintext;
    try {
      plaintext =
          ciphers.decrypt(
              algorithm,
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

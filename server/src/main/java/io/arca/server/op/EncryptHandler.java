package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
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
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;

/**
 * Encrypt (KMIP 1.4 §4.29, 2.1 §6.1.18) with an AES, 3DES, ChaCha20 or ChaCha20-Poly1305 key: the
 * parameters of the request, else the key's, else the algorithm's default (GCM for AES). An IV the
 * client did not give is drawn and returned. Streaming requests go to {@link CipherStreaming}, RSA
 * public keys to {@link RsaEncryption}.
 */
public final class EncryptHandler implements OperationHandler {
  private final ObjectAccess objects;
  private final SymmetricCipher ciphers;
  private final CipherStreaming streaming;
  private final RsaEncryption rsa;

  /** A handler encrypting with the keys of {@code objects}, keeping streams in {@code streams}. */
  public EncryptHandler(
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
    return Operation.ENCRYPT;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Encrypt.Request request = Encrypt.Request.decode(requestPayload, version);
    if (SymmetricCrypto.streaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator())) {
      return streaming.encrypt(request, context);
    }
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
    CryptographicAlgorithm algorithm = SymmetricCrypto.cipherAlgorithm(key);
    byte[] keyBytes = SymmetricCrypto.keyBytes(objects.store(), key, version);
    byte[] plaintext = data.toByteArray();
    AesCipher.Encrypted result;
    try {
      result =
          ciphers.encrypt(
              algorithm,
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

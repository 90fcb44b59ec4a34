package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.ServerRandom;
import io.arca.server.crypto.Signatures;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;

/**
 * Encrypt (KMIP 1.4 §4.29, 2.1 §6.1.18) with any key its {@link KeyBacking} can encrypt with: the
 * parameters of the request, else the key's, else the algorithm's default (GCM for AES). An IV the
 * client did not give is drawn and returned. The rules that do not depend on where the key lives
 * are here, once: access, state, dates, usage mask and limits, what a one-shot request is, and the
 * tag of a client before KMIP 1.4, which travels after the ciphertext. Streaming requests go to
 * {@link CipherStreaming}.
 */
public final class EncryptHandler implements OperationHandler<Encrypt.Request, Encrypt.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final CipherStreaming streaming;

  /** A handler encrypting with the keys {@code objects} resolves, through {@code keys}. */
  public EncryptHandler(ObjectAccess objects, KeyBackings keys, CryptoStreams streams) {
    this.objects = objects;
    this.keys = keys;
    this.streaming = new CipherStreaming(objects, keys, streams);
  }

  /** A handler encrypting with stored keys alone (tests). */
  public EncryptHandler(
      ObjectAccess objects,
      SymmetricCipher ciphers,
      CryptoStreams streams,
      AsymmetricKeys keys,
      RsaCipher rsa) {
    this(
        objects,
        KeyBackings.storedOnly(
            new StoredKeyBacking(
                objects.store(),
                new KeyMaker(ServerRandom.create()),
                ciphers,
                keys,
                rsa,
                new Signatures(ServerRandom.create()))),
        streams);
  }

  @Override
  public Operation operation() {
    return Operation.ENCRYPT;
  }

  @Override
  public Encrypt.Response handle(Encrypt.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
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
    AesCipher.Encrypted result =
        keys.of(key.uid())
            .encrypt(
                key, parameters, data, request.ivCounterNonce(), request.additionalData(), context);
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
        tag == null ? null : ByteString.copyOf(tag));
  }
}

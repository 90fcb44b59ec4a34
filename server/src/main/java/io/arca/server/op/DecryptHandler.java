package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.ServerRandom;
import io.arca.server.crypto.Signatures;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;

/**
 * Decrypt (KMIP 1.4 §4.30, 2.1 §6.1.16) with any key its {@link KeyBacking} can decrypt with, which
 * may be Deactivated or Compromised as well as Active: processing old data is what such keys are
 * kept for. A client before KMIP 1.4 has no tag field, so its tag is the end of the data; from 1.4
 * on the tag is the Authenticated Encryption Tag field alone, whatever the key's backing. Streaming
 * requests go to {@link CipherStreaming}.
 */
public final class DecryptHandler implements OperationHandler<Decrypt.Request, Decrypt.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final CipherStreaming streaming;

  /** A handler decrypting with the keys {@code objects} resolves, through {@code keys}. */
  public DecryptHandler(ObjectAccess objects, KeyBackings keys, CryptoStreams streams) {
    this.objects = objects;
    this.keys = keys;
    this.streaming = new CipherStreaming(objects, keys, streams);
  }

  /** A handler decrypting with stored keys alone (tests). */
  public DecryptHandler(
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
    return Operation.DECRYPT;
  }

  @Override
  public Decrypt.Response handle(Decrypt.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
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
    KeyBacking backing = keys.of(key.uid());
    byte[] ciphertext = data.toByteArray();
    byte[] tag = SymmetricCrypto.bytes(request.tag());
    int tagBytes = backing.tagBytes(key, parameters);
    if (tagBytes > 0 && tag == null && SymmetricCrypto.tagInData(version)) {
      if (ciphertext.length < tagBytes) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Data: shorter than the authentication tag it must end with");
      }
      tag = Arrays.copyOfRange(ciphertext, ciphertext.length - tagBytes, ciphertext.length);
      ciphertext = Arrays.copyOf(ciphertext, ciphertext.length - tagBytes);
    }
    ByteString plaintext =
        backing.decrypt(
            key,
            parameters,
            ciphertext,
            request.ivCounterNonce(),
            request.additionalData(),
            tag,
            context);
    return new Decrypt.Response(key.uid(), plaintext, null);
  }
}

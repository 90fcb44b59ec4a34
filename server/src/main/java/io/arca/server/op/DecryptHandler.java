package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.ServerRandom;
import io.arca.server.crypto.Signatures;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decrypt (KMIP 1.4 §4.30, 2.1 §6.1.16) with any key its {@link KeyBacking} can decrypt with, which
 * may be Deactivated or Compromised as well as Active: processing old data is what such keys are
 * kept for. A client before KMIP 1.4 has no tag field, so its tag is the end of the data; from 1.4
 * on the tag is the Authenticated Encryption Tag field alone, whatever the key's backing. Streaming
 * requests go to {@link CipherStreaming}.
 */
public final class DecryptHandler implements InlineHandler<Decrypt.Request, Decrypt.Response> {
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
    CryptoStreams.Part part =
        CryptoStreams.part(
            request.correlationValue(),
            request.initIndicator(),
            request.finalIndicator(),
            context.protocolVersion());
    if (part != CryptoStreams.Part.SINGLE) {
      return streaming.decrypt(request, part, context);
    }
    ByteString data = data(request);
    ObjectRecord key = objects.resolve(request.uniqueIdentifier(), context);
    KeyBacking backing = keys.of(key.uid());
    Input input = input(request, data, key, backing, context);
    ByteString plaintext =
        backing.decrypt(
            key,
            input.parameters(),
            input.ciphertext(),
            request.ivCounterNonce(),
            request.additionalData(),
            input.tag(),
            context);
    return new Decrypt.Response(key.uid(), plaintext, null);
  }

  /** The same from a key whose material is in memory. */
  @Override
  public Optional<Decrypt.Response> tryInline(Decrypt.Request request, RequestContext context) {
    if (CryptoStreams.streaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator())) {
      return Optional.empty();
    }
    ByteString data = data(request);
    ObjectRecord key = objects.resolveInMemory(request.uniqueIdentifier(), context).orElse(null);
    if (key == null) {
      return Optional.empty();
    }
    KeyBacking backing = keys.of(key.uid());
    Input input = input(request, data, key, backing, context);
    return backing
        .decryptInMemory(
            key,
            input.parameters(),
            input.ciphertext(),
            request.ivCounterNonce(),
            request.additionalData(),
            input.tag())
        .map(plaintext -> new Decrypt.Response(key.uid(), plaintext, null));
  }

  private static ByteString data(Decrypt.Request request) {
    ByteString data = request.data();
    if (data == null) {
      throw new KmipException(ResultReason.INVALID_FIELD, "Data: missing (expected: ciphertext)");
    }
    return data;
  }

  /**
   * What the backing decrypts: the parameters, and the ciphertext and tag apart (a class, not a
   * record: records compare arrays by reference).
   */
  private static final class Input {
    private final CryptographicParameters parameters;
    private final byte[] ciphertext;
    private final byte @Nullable [] tag;

    Input(CryptographicParameters parameters, byte[] ciphertext, byte @Nullable [] tag) {
      this.parameters = parameters;
      this.ciphertext = ciphertext;
      this.tag = tag;
    }

    CryptographicParameters parameters() {
      return parameters;
    }

    byte[] ciphertext() {
      return ciphertext;
    }

    byte @Nullable [] tag() {
      return tag;
    }
  }

  /** The key checked for processing data, and the tag split from the data before KMIP 1.4. */
  private static Input input(
      Decrypt.Request request,
      ByteString data,
      ObjectRecord key,
      KeyBacking backing,
      RequestContext context) {
    KeyUse.forProcessing(key, CryptographicUsageMask.DECRYPT, "Decrypt", context);
    CryptographicParameters parameters = KeyUse.parameters(request.parameters(), key);
    byte[] ciphertext = data.toByteArray();
    byte[] tag = SymmetricCrypto.bytes(request.tag());
    int tagBytes = backing.tagBytes(key, parameters);
    if (tagBytes > 0 && tag == null && SymmetricCrypto.tagInData(context.protocolVersion())) {
      if (ciphertext.length < tagBytes) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Data: shorter than the authentication tag it must end with");
      }
      tag = Arrays.copyOfRange(ciphertext, ciphertext.length - tagBytes, ciphertext.length);
      ciphertext = Arrays.copyOf(ciphertext, ciphertext.length - tagBytes);
    }
    return new Input(parameters, ciphertext, tag);
  }
}

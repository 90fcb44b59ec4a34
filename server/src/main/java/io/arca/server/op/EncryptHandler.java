package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.ServerRandom;
import io.arca.server.crypto.Signatures;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import java.util.Optional;

/**
 * Encrypt (KMIP 1.4 §4.29, 2.1 §6.1.18) with any key its {@link KeyBacking} can encrypt with: the
 * parameters of the request, else the key's, else the algorithm's default (GCM for AES). An IV the
 * client did not give is drawn and returned. The rules that do not depend on where the key lives
 * are here, once: access, state, dates, usage mask and limits, what a one-shot request is, and the
 * tag of a client before KMIP 1.4, which travels after the ciphertext. Streaming requests go to
 * {@link CipherStreaming}.
 */
public final class EncryptHandler implements InlineHandler<Encrypt.Request, Encrypt.Response> {
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
    CryptoStreams.Part part =
        CryptoStreams.part(
            request.correlationValue(),
            request.initIndicator(),
            request.finalIndicator(),
            context.protocolVersion());
    if (part != CryptoStreams.Part.SINGLE) {
      return streaming.encrypt(request, part, context);
    }
    ByteString data = data(request);
    ObjectRecord key = objects.resolve(request.uniqueIdentifier(), context);
    CryptographicParameters parameters = checked(request, key, context);
    KeyUse.consumeUsage(objects, key, data.length(), "Encrypt", context);
    AesCipher.Encrypted result =
        keys.of(key.uid())
            .encrypt(
                key, parameters, data, request.ivCounterNonce(), request.additionalData(), context);
    return response(request, key, result, context.protocolVersion());
  }

  /** The same from a key whose material is in memory, unless its Usage Limits need a write. */
  @Override
  public Optional<Encrypt.Response> tryInline(Encrypt.Request request, RequestContext context) {
    if (CryptoStreams.streaming(
        request.correlationValue(), request.initIndicator(), request.finalIndicator())) {
      return Optional.empty();
    }
    ByteString data = data(request);
    ObjectRecord key = objects.resolveInMemory(request.uniqueIdentifier(), context).orElse(null);
    if (key == null || KeyUse.limitsUsage(key)) {
      return Optional.empty();
    }
    CryptographicParameters parameters = checked(request, key, context);
    return keys.of(key.uid())
        .encryptInMemory(key, parameters, data, request.ivCounterNonce(), request.additionalData())
        .map(result -> response(request, key, result, context.protocolVersion()));
  }

  private static ByteString data(Encrypt.Request request) {
    ByteString data = request.data();
    if (data == null) {
      throw new KmipException(ResultReason.INVALID_FIELD, "Data: missing (expected: plaintext)");
    }
    return data;
  }

  /** The key checked for protecting data, and the parameters to encrypt with. */
  private static CryptographicParameters checked(
      Encrypt.Request request, ObjectRecord key, RequestContext context) {
    KeyUse.forProtecting(key, CryptographicUsageMask.ENCRYPT, "Encrypt", context);
    return KeyUse.parameters(request.parameters(), key);
  }

  private static Encrypt.Response response(
      Encrypt.Request request,
      ObjectRecord key,
      AesCipher.Encrypted result,
      ProtocolVersion version) {
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

package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Multi-part Encrypt and Decrypt (KMIP 1.3+): the first request (Init Indicator) sets the key,
 * parameters and IV and is answered with a Correlation Value; the following requests name it and
 * carry more data; the one with the Final Indicator ends the stream and, for GCM, carries or gets
 * the tag. Each part is checked against the key again (state, dates, usage mask, usage limits), so
 * a key revoked mid-stream stops it. AES keys only: the other ciphers answer Feature Not Supported.
 * The parameters of later requests are those of the first; GCM decryption gives its plaintext with
 * the last part, as the tag can only be checked once all the data is in.
 */
final class CipherStreaming {
  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final AesCipher aes;
  private final CryptoStreams streams;

  CipherStreaming(ObjectAccess objects, KeyBackings keys, CryptoStreams streams) {
    this.objects = objects;
    this.keys = keys;
    this.aes = keys.stored().ciphers().aes();
    this.streams = streams;
  }

  /** One cipher between requests, with the key it uses. */
  private static final class CipherStream implements CryptoStreams.State {
    private final String uid;
    private AesCipher.@Nullable Started cipher;

    CipherStream(String uid, AesCipher.Started cipher) {
      this.uid = uid;
      this.cipher = cipher;
    }

    String uid() {
      return uid;
    }

    AesCipher.Started cipher() {
      return Objects.requireNonNull(cipher, "closed stream");
    }

    /**
     * Drops the cipher. The key bytes it was built from were wiped when it started; the JCA cipher
     * keeps its own expanded key, which the JDK gives no way to wipe, so it goes to the collector.
     */
    @Override
    public void close() {
      cipher = null;
    }
  }

  Encrypt.Response encrypt(Encrypt.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    byte[] data = SymmetricCrypto.bytes(request.data());
    ByteString correlation = request.correlationValue();
    if (correlation == null) {
      ObjectRecord key = checkedKey(request.uniqueIdentifier(), true, data, context);
      AesCipher.Started started =
          start(
              true,
              key,
              KeyUse.parameters(request.parameters(), key),
              SymmetricCrypto.bytes(request.ivCounterNonce()),
              SymmetricCrypto.bytes(request.additionalData()),
              version);
      CipherStream stream = new CipherStream(key.uid(), started);
      byte[] out = step(stream, data, false);
      ByteString opened = streams.open(context, Operation.ENCRYPT, stream);
      byte[] iv = request.ivCounterNonce() == null ? started.iv() : null;
      return new Encrypt.Response(
          key.uid(),
          ByteString.copyOf(out),
          iv == null ? null : ByteString.copyOf(iv),
          opened,
          null);
    }
    CipherStream stream =
        streams.claim(context, Operation.ENCRYPT, correlation, CipherStream.class);
    boolean last = Boolean.TRUE.equals(request.finalIndicator());
    byte[] out;
    try {
      sameKey(request.uniqueIdentifier(), stream.uid());
      checkedKey(stream.uid(), true, data, context);
      out = step(stream, data, last);
    } catch (RuntimeException e) {
      stream.close();
      throw e;
    }
    if (!last) {
      streams.release(context, Operation.ENCRYPT, correlation, stream);
      return new Encrypt.Response(stream.uid(), ByteString.copyOf(out), null, correlation, null);
    }
    int tagBytes = stream.cipher().tagBytes();
    stream.close();
    byte[] tag = null;
    if (tagBytes > 0 && !SymmetricCrypto.tagInData(version)) {
      tag = Arrays.copyOfRange(out, out.length - tagBytes, out.length);
      out = Arrays.copyOf(out, out.length - tagBytes);
    }
    return new Encrypt.Response(
        stream.uid(),
        ByteString.copyOf(out),
        null,
        null,
        tag == null ? null : ByteString.copyOf(tag));
  }

  Decrypt.Response decrypt(Decrypt.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    byte[] data = SymmetricCrypto.bytes(request.data());
    ByteString correlation = request.correlationValue();
    if (correlation == null) {
      ObjectRecord key = checkedKey(request.uniqueIdentifier(), false, data, context);
      CipherStream stream =
          new CipherStream(
              key.uid(),
              start(
                  false,
                  key,
                  KeyUse.parameters(request.parameters(), key),
                  SymmetricCrypto.bytes(request.ivCounterNonce()),
                  SymmetricCrypto.bytes(request.additionalData()),
                  version));
      byte[] out = step(stream, data, false);
      ByteString opened = streams.open(context, Operation.DECRYPT, stream);
      return plaintext(key.uid(), out, opened);
    }
    CipherStream stream =
        streams.claim(context, Operation.DECRYPT, correlation, CipherStream.class);
    boolean last = Boolean.TRUE.equals(request.finalIndicator());
    byte[] out;
    try {
      sameKey(request.uniqueIdentifier(), stream.uid());
      checkedKey(stream.uid(), false, data, context);
      byte[] tag = SymmetricCrypto.bytes(request.tag());
      if (tag != null) {
        if (!last) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "AuthenticatedEncryptionTag: belongs in the last request of the stream");
        }
        byte[] input = data == null ? new byte[0] : data;
        data = Arrays.copyOf(input, input.length + tag.length);
        System.arraycopy(tag, 0, data, input.length, tag.length);
      }
      out = step(stream, data, last);
    } catch (RuntimeException e) {
      stream.close();
      throw e;
    }
    if (last) {
      stream.close();
      return plaintext(stream.uid(), out, null);
    }
    streams.release(context, Operation.DECRYPT, correlation, stream);
    return plaintext(stream.uid(), out, correlation);
  }

  private static Decrypt.Response plaintext(
      String uid, byte[] out, @Nullable ByteString correlation) {
    ByteString data = ByteString.copyOf(out);
    Arrays.fill(out, (byte) 0);
    return new Decrypt.Response(uid, data, correlation);
  }

  private ObjectRecord checkedKey(
      @Nullable String uid, boolean protect, byte @Nullable [] data, RequestContext context) {
    ObjectRecord key = objects.resolve(uid, context);
    if (!keys.of(key.uid()).streams()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          key.uid() + " encrypts and decrypts in one request (no Init or Final Indicator false)");
    }
    if (protect) {
      KeyUse.forProtecting(key, CryptographicUsageMask.ENCRYPT, "Encrypt", context);
      KeyUse.consumeUsage(objects, key, data == null ? 0 : data.length, "Encrypt", context);
    } else {
      KeyUse.forProcessing(key, CryptographicUsageMask.DECRYPT, "Decrypt", context);
    }
    return key;
  }

  private AesCipher.Started start(
      boolean encrypt,
      ObjectRecord key,
      CryptographicParameters parameters,
      byte @Nullable [] iv,
      byte @Nullable [] additionalData,
      ProtocolVersion version) {
    CryptographicAlgorithm algorithm = SymmetricCrypto.cipherAlgorithm(key);
    if (algorithm != CryptographicAlgorithm.AES) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "streaming (Init/Final Indicator, Correlation Value) works with AES keys only, not "
              + algorithm.xmlName()
              + ": send the data in one request");
    }
    byte[] keyBytes = SymmetricCrypto.keyBytes(objects.store(), key, version);
    try {
      return aes.start(encrypt, keyBytes, parameters, iv, additionalData);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }

  private static byte[] step(CipherStream stream, byte @Nullable [] data, boolean last) {
    byte[] input = data == null ? new byte[0] : data;
    try {
      return last ? stream.cipher().doFinal(input) : stream.cipher().update(input);
    } finally {
      Arrays.fill(input, (byte) 0);
    }
  }

  private static void sameKey(@Nullable String requested, String streamKey) {
    if (requested != null && !requested.equals(streamKey)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "UniqueIdentifier: " + requested + " is not the key this stream was opened with");
    }
  }
}

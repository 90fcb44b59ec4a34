package io.arca.server.op;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.CipherParts;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Multi-part Encrypt and Decrypt (KMIP 1.3+) with a stored AES (every mode but the key wraps),
 * 3DES, ChaCha20 or ChaCha20-Poly1305 key, on {@link CryptoStreams}: the first request (Init
 * Indicator) sets the key, parameters, IV and additional data and is answered with a Correlation
 * Value; the following requests name it and carry more data; the one with the Final Indicator ends
 * the stream and, for an AEAD, carries or gets the tag. Each part is checked against the key again
 * (state, dates, usage mask, usage limits), so a key revoked mid-stream stops it. The parameters of
 * later requests are those of the first; AEAD decryption gives its plaintext with the last part, as
 * the tag can only be checked once all the data is in (and counts against the bytes a stream may
 * hold).
 */
final class CipherStreaming {
  private final ObjectAccess objects;
  private final KeyBackings keys;
  private final CryptoStreams streams;

  CipherStreaming(ObjectAccess objects, KeyBackings keys, CryptoStreams streams) {
    this.objects = objects;
    this.keys = keys;
    this.streams = streams;
  }

  /** One cipher between requests, with the key it uses. */
  private static final class CipherStream implements CryptoStreams.State {
    private final String uid;
    private @Nullable CipherParts cipher;
    private final boolean buffers;

    CipherStream(String uid, CipherParts cipher) {
      this.uid = uid;
      this.cipher = cipher;
      this.buffers = cipher.buffers();
    }

    String uid() {
      return uid;
    }

    CipherParts cipher() {
      return Objects.requireNonNull(cipher, "closed stream");
    }

    @Override
    public boolean buffers() {
      return buffers;
    }

    /** Drops the cipher, and with an HSM key the token session it holds. */
    @Override
    public void close() {
      CipherParts closing = cipher;
      cipher = null;
      if (closing != null) {
        closing.close();
      }
    }
  }

  Encrypt.Response encrypt(
      Encrypt.Request request, CryptoStreams.Part part, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    byte[] data = SymmetricCrypto.bytes(request.data());
    return streams.run(
        context,
        Operation.ENCRYPT,
        part,
        request.correlationValue(),
        data == null ? 0 : data.length,
        CipherStream.class,
        () -> {
          ObjectRecord key = checkedKey(request.uniqueIdentifier(), true, data, context);
          return new CipherStream(
              key.uid(),
              keys.of(key.uid())
                  .startCipher(
                      key,
                      KeyUse.parameters(request.parameters(), key),
                      true,
                      request.ivCounterNonce(),
                      request.additionalData(),
                      context));
        },
        (stream, at, correlation) -> {
          if (at != CryptoStreams.Part.FIRST) {
            sameKey(request.uniqueIdentifier(), stream.uid());
            checkedKey(stream.uid(), true, data, context);
          }
          byte[] out = step(stream, data, correlation == null);
          byte[] iv =
              at == CryptoStreams.Part.FIRST && request.ivCounterNonce() == null
                  ? stream.cipher().iv()
                  : null;
          byte[] tag = null;
          int tagBytes = stream.cipher().tagBytes();
          if (correlation == null && tagBytes > 0 && !SymmetricCrypto.tagInData(version)) {
            tag = Arrays.copyOfRange(out, out.length - tagBytes, out.length);
            out = Arrays.copyOf(out, out.length - tagBytes);
          }
          return new Encrypt.Response(
              stream.uid(),
              ByteString.copyOf(out),
              iv == null ? null : ByteString.copyOf(iv),
              correlation,
              tag == null ? null : ByteString.copyOf(tag));
        });
  }

  Decrypt.Response decrypt(
      Decrypt.Request request, CryptoStreams.Part part, RequestContext context) {
    byte[] data = SymmetricCrypto.bytes(request.data());
    return streams.run(
        context,
        Operation.DECRYPT,
        part,
        request.correlationValue(),
        data == null ? 0 : data.length,
        CipherStream.class,
        () -> {
          ObjectRecord key = checkedKey(request.uniqueIdentifier(), false, data, context);
          return new CipherStream(
              key.uid(),
              keys.of(key.uid())
                  .startCipher(
                      key,
                      KeyUse.parameters(request.parameters(), key),
                      false,
                      request.ivCounterNonce(),
                      request.additionalData(),
                      context));
        },
        (stream, at, correlation) -> {
          if (at != CryptoStreams.Part.FIRST) {
            sameKey(request.uniqueIdentifier(), stream.uid());
            checkedKey(stream.uid(), false, data, context);
          }
          byte[] input = data;
          byte[] tag = SymmetricCrypto.bytes(request.tag());
          if (tag != null) {
            if (correlation != null) {
              throw new KmipException(
                  ResultReason.INVALID_FIELD,
                  "AuthenticatedEncryptionTag: belongs in the last request of the stream");
            }
            byte[] given = input == null ? new byte[0] : input;
            input = Arrays.copyOf(given, given.length + tag.length);
            System.arraycopy(tag, 0, input, given.length, tag.length);
            Arrays.fill(given, (byte) 0);
          }
          byte[] out = step(stream, input, correlation == null);
          ByteString plaintext = ByteString.copyOf(out);
          Arrays.fill(out, (byte) 0);
          return new Decrypt.Response(stream.uid(), plaintext, correlation);
        });
  }

  private ObjectRecord checkedKey(
      @Nullable String uid, boolean protect, byte @Nullable [] data, RequestContext context) {
    ObjectRecord key = objects.resolve(uid, context);
    if (protect) {
      KeyUse.forProtecting(key, CryptographicUsageMask.ENCRYPT, "Encrypt", context);
      KeyUse.consumeUsage(objects, key, data == null ? 0 : data.length, "Encrypt", context);
    } else {
      KeyUse.forProcessing(key, CryptographicUsageMask.DECRYPT, "Decrypt", context);
    }
    return key;
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
    MacKeys.sameKey(requested, streamKey);
  }
}

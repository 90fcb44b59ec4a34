package io.arca.server.hsm;

import io.arca.hsm.HashAlgorithm;
import io.arca.hsm.HsmException;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmStream;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.crypto.CipherParts;
import io.arca.server.crypto.MacEngine;
import io.arca.server.crypto.MacParts;
import io.arca.server.store.ObjectRecord;
import org.jspecify.annotations.Nullable;

/**
 * Encrypt, Decrypt, MAC and MAC Verify over several requests with a key of the token: AES-GCM and
 * HMAC-SHA-2, each on a token session of its own ({@link HsmStream}) that the server's stream table
 * holds between requests and closes on the last part, a failure, expiry or the connection's end.
 * RSA encryption is one C_Encrypt in PKCS#11 (no C_EncryptUpdate), so it does not stream. The
 * token's failures reach the client as the Result Reasons of the request's version.
 */
final class HsmStreaming {
  private HsmStreaming() {}

  static CipherParts startCipher(
      HsmObjects objects,
      HsmKeyRef ref,
      ObjectRecord key,
      CryptographicParameters parameters,
      boolean encrypt,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      ProtocolVersion version) {
    if (key.objectType() != ObjectType.SYMMETRIC_KEY) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          key.uid()
              + ": RSA encryption in the HSM is one PKCS#11 call, not a stream (send the data"
              + " without Init or Final Indicator)");
    }
    int tagBytes = HsmAlgorithms.gcmTagLength(parameters);
    HsmAlgorithms.checkGcm(parameters);
    if (encrypt && iv != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IVCounterNonce: the HSM draws the IV of an AES-GCM encryption itself");
    }
    if (!encrypt && iv == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IVCounterNonce: missing (expected: the 12-byte IV, with the first part)");
    }
    try {
      HsmStream stream =
          HsmStream.aesGcm(
              objects.slot(ref),
              ref.label(),
              encrypt,
              iv == null ? null : iv.toByteArray(),
              additionalData == null ? new byte[0] : additionalData.toByteArray(),
              tagBytes);
      return new Cipher(stream, tagBytes, !encrypt, version);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, version);
    }
  }

  static MacParts startMac(
      HsmObjects objects, HsmKeyRef ref, MacEngine.Algorithm algorithm, ProtocolVersion version) {
    HashAlgorithm hash = HsmAlgorithms.hmac(algorithm);
    try {
      return new Mac(HsmStream.hmac(objects.slot(ref), ref.label(), hash), version);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, version);
    }
  }

  /** AES-GCM over parts; a decryption gives its plaintext with the last part, tag checked. */
  private static final class Cipher implements CipherParts {
    private final HsmStream stream;
    private final int tagBytes;
    private final boolean decrypts;
    private final ProtocolVersion version;

    Cipher(HsmStream stream, int tagBytes, boolean decrypts, ProtocolVersion version) {
      this.stream = stream;
      this.tagBytes = tagBytes;
      this.decrypts = decrypts;
      this.version = version;
    }

    @Override
    public byte @Nullable [] iv() {
      return stream.iv();
    }

    @Override
    public int tagBytes() {
      return tagBytes;
    }

    /** A decryption: the token holds the ciphertext until it has checked the tag. */
    @Override
    public boolean buffers() {
      return decrypts;
    }

    @Override
    public byte[] update(byte[] input) {
      try {
        return stream.update(input);
      } catch (HsmException e) {
        throw HsmErrors.toKmip(e, version);
      }
    }

    @Override
    public byte[] doFinal(byte[] input) {
      try {
        return stream.finish(input);
      } catch (HsmException e) {
        throw HsmErrors.toKmip(e, version);
      }
    }

    @Override
    public void close() {
      stream.close();
    }
  }

  /** An HMAC over parts. */
  private static final class Mac implements MacParts {
    private final HsmStream stream;
    private final ProtocolVersion version;

    Mac(HsmStream stream, ProtocolVersion version) {
      this.stream = stream;
      this.version = version;
    }

    @Override
    public void update(byte[] part) {
      try {
        stream.update(part);
      } catch (HsmException e) {
        throw HsmErrors.toKmip(e, version);
      }
    }

    @Override
    public byte[] finish() {
      try {
        return stream.finish(new byte[0]);
      } catch (HsmException e) {
        throw HsmErrors.toKmip(e, version);
      }
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}

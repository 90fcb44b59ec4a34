package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A stream whose operation runs once, on the Final part, over the data of all its parts: Sign and
 * Signature Verify (whatever the key and its backing: a signature is over the whole message, and
 * the key's backing signs it in one call), held within {@link CryptoStreams.Limits#bufferedBytes}.
 * Also keeps the value the client may send with any one part for the last to check (the Signature
 * Data). The held data is wiped when the stream closes.
 */
final class CollectedParts implements CryptoStreams.State {
  private final String uid;
  private final CryptographicParameters parameters;
  private byte[] data = new byte[0];
  private int size;
  private byte @Nullable [] expected;

  CollectedParts(String uid, CryptographicParameters parameters) {
    this.uid = uid;
    this.parameters = parameters;
  }

  /** The key of the stream. */
  String uid() {
    return uid;
  }

  /** The parameters of the first part, which the later parts keep. */
  CryptographicParameters parameters() {
    return parameters;
  }

  /** Adds one part's data, and the value to check if this part carries it ({@code field}). */
  void add(byte @Nullable [] part, @Nullable ByteString check, String field) {
    if (check != null) {
      if (expected != null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, field + ": sent twice in one stream (expected: once)");
      }
      expected = check.toByteArray();
    }
    if (part == null || part.length == 0) {
      return;
    }
    if (size + part.length > data.length) {
      byte[] grown = Arrays.copyOf(data, Math.max(size + part.length, data.length * 2));
      Arrays.fill(data, (byte) 0);
      data = grown;
    }
    System.arraycopy(part, 0, data, size, part.length);
    size += part.length;
  }

  /** A copy of all the data so far; the caller wipes it. */
  byte[] data() {
    return Arrays.copyOf(data, size);
  }

  /** The value to check that some part carried, or Invalid Field naming {@code field}. */
  byte[] expected(String field) {
    if (expected == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          field + ": missing (expected: in one part of the stream, at the latest the Final one)");
    }
    return expected.clone();
  }

  @Override
  public boolean buffers() {
    return true;
  }

  @Override
  public void close() {
    Arrays.fill(data, (byte) 0);
    data = new byte[0];
    size = 0;
    if (expected != null) {
      Arrays.fill(expected, (byte) 0);
      expected = null;
    }
  }
}

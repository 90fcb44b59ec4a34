package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.MacEngine;
import io.arca.server.crypto.MacParts;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What MAC and MAC Verify share: the key checked for the use (MAC Generate protects data, so it
 * needs an Active key; MAC Verify processes, so a Deactivated or Compromised key also does), the
 * MAC algorithm chosen from the request's parameters, else the key's, else the key's algorithm
 * ({@link MacEngine#choose}), and the state of a MAC computed over several requests.
 */
final class MacKeys {
  private MacKeys() {}

  /** A key checked for a MAC operation, with the algorithm to use. */
  record Checked(ObjectRecord key, MacEngine.Algorithm algorithm) {}

  static Checked check(
      ObjectAccess objects,
      @Nullable String uid,
      @Nullable CryptographicParameters requested,
      boolean generate,
      long dataBytes,
      RequestContext context) {
    ObjectRecord key = objects.resolve(uid, context);
    Checked checked = checked(key, requested, generate, context);
    if (generate) {
      KeyUse.consumeUsage(objects, key, dataBytes, "MAC", context);
    }
    return checked;
  }

  /**
   * {@link #check} from memory alone: empty when the key is not in memory, or when MAC Generate
   * would count against its Usage Limits (a write).
   */
  static Optional<Checked> checkInMemory(
      ObjectAccess objects,
      @Nullable String uid,
      @Nullable CryptographicParameters requested,
      boolean generate,
      RequestContext context) {
    ObjectRecord key = objects.resolveInMemory(uid, context).orElse(null);
    if (key == null || (generate && KeyUse.limitsUsage(key))) {
      return Optional.empty();
    }
    return Optional.of(checked(key, requested, generate, context));
  }

  private static Checked checked(
      ObjectRecord key,
      @Nullable CryptographicParameters requested,
      boolean generate,
      RequestContext context) {
    if (generate) {
      KeyUse.forProtecting(key, CryptographicUsageMask.MAC_GENERATE, "MAC", context);
    } else {
      KeyUse.forProcessing(key, CryptographicUsageMask.MAC_VERIFY, "MACVerify", context);
    }
    CryptographicParameters parameters = KeyUse.parameters(requested, key);
    Integer keyAlgorithm = AttributeView.of(key).cryptographicAlgorithm();
    MacEngine.Algorithm algorithm =
        MacEngine.choose(
            parameters, keyAlgorithm == null ? null : CryptographicAlgorithm.byValue(keyAlgorithm));
    return new Checked(key, algorithm);
  }

  /**
   * The MAC of {@code data} with the checked stored key if its material is in memory, else empty:
   * the event loop's path (an HSM key's MAC is computed by its backing, on a worker).
   */
  static Optional<byte[]> computeInMemory(ObjectAccess objects, Checked checked, byte[] data) {
    return SymmetricCrypto.keyBytesInMemory(objects.store(), checked.key())
        .map(keyBytes -> compute(checked, keyBytes, data));
  }

  /** The MAC both paths share; wipes {@code keyBytes}. */
  private static byte[] compute(Checked checked, byte[] keyBytes, byte[] data) {
    try {
      return MacEngine.compute(checked.algorithm(), keyBytes, data);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }

  /** Starts a MAC over parts with the checked key, by its backing. */
  static MacStream start(KeyBackings keys, Checked checked, RequestContext context) {
    String uid = checked.key().uid();
    return new MacStream(uid, keys.of(uid).startMac(checked.key(), checked.algorithm(), context));
  }

  /** The data of a request, which only a streaming request may leave out. */
  static byte[] data(@Nullable ByteString data, boolean streaming) {
    if (data == null) {
      if (streaming) {
        return new byte[0];
      }
      throw new KmipException(ResultReason.INVALID_FIELD, "Data: missing (expected: the data)");
    }
    return data.toByteArray();
  }

  /** Refuses a Unique Identifier that is not the stream's key. */
  static void sameKey(@Nullable String requested, String streamKey) {
    if (requested != null && !requested.equals(streamKey)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "UniqueIdentifier: " + requested + " is not the key this stream was opened with");
    }
  }

  /**
   * A MAC between requests, and for MAC Verify the MAC Data that any one part may carry (the spec
   * asks it of a single request only, so it may come with the first part or the last).
   */
  static final class MacStream implements CryptoStreams.State {
    private final String uid;
    private @Nullable MacParts mac;
    private byte @Nullable [] expected;

    MacStream(String uid, MacParts mac) {
      this.uid = uid;
      this.mac = mac;
    }

    String uid() {
      return uid;
    }

    MacParts mac() {
      return Objects.requireNonNull(mac, "closed stream");
    }

    /** Keeps the MAC to verify, which one part alone may carry. */
    void expect(@Nullable ByteString macData) {
      if (macData == null) {
        return;
      }
      if (expected != null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "MACData: sent twice in one stream (expected: once)");
      }
      expected = macData.toByteArray();
    }

    /** The MAC to verify, or Invalid Field when no part carried it. */
    byte[] expected() {
      if (expected == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "MACData: missing (expected: in one part of the stream, at the latest the Final one)");
      }
      return expected;
    }

    @Override
    public void close() {
      if (mac != null) {
        mac.close();
        mac = null;
      }
      if (expected != null) {
        Arrays.fill(expected, (byte) 0);
        expected = null;
      }
    }
  }
}

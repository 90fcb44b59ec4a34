package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.MacEngine;
import io.arca.server.store.ObjectRecord;
import java.util.Objects;
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
    if (generate) {
      KeyUse.forProtecting(key, CryptographicUsageMask.MAC_GENERATE, "MAC", context);
    } else {
      KeyUse.forProcessing(key, CryptographicUsageMask.MAC_VERIFY, "MACVerify", context);
    }
    CryptographicParameters parameters = KeyUse.parameters(requested, key);
    Integer keyAlgorithm = NewObjects.intValue(key.attributes(), Tag.CRYPTOGRAPHIC_ALGORITHM);
    MacEngine.Algorithm algorithm =
        MacEngine.choose(
            parameters, keyAlgorithm == null ? null : CryptographicAlgorithm.byValue(keyAlgorithm));
    if (generate) {
      KeyUse.consumeUsage(objects, key, dataBytes, "MAC", context);
    }
    return new Checked(key, algorithm);
  }

  /**
   * Starts a MAC over parts with the checked key, which only a backing that streams allows (stored
   * keys: an HSM key would hold a token session across requests).
   */
  static MacStream start(KeyBackings keys, Checked checked, RequestContext context) {
    String uid = checked.key().uid();
    if (!keys.of(uid).streams()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          uid + " computes MACs in one request (no Init or Final Indicator false)");
    }
    return new MacStream(uid, keys.stored().startMac(checked.key(), checked.algorithm(), context));
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

  /** A MAC between requests. */
  static final class MacStream implements CryptoStreams.State {
    private final String uid;
    private MacEngine.@Nullable Stream mac;

    MacStream(String uid, MacEngine.Stream mac) {
      this.uid = uid;
      this.mac = mac;
    }

    String uid() {
      return uid;
    }

    MacEngine.Stream mac() {
      return Objects.requireNonNull(mac, "closed stream");
    }

    @Override
    public void close() {
      if (mac != null) {
        mac.close();
        mac = null;
      }
    }
  }
}

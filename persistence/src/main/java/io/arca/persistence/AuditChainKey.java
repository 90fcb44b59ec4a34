package io.arca.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of a keyed audit chain: record hashes are HMAC-SHA256 of the canonical form under it, so
 * whoever can write the database but does not hold the key cannot re-chain an edited record. The
 * key is kept wrapped by the server KEK ({@code audit_keys}); this holds it unwrapped while the
 * server or the checker runs. Its bytes are never printed.
 */
public final class AuditChainKey {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /** One initialised Mac per thread: getting and initialising one costs more than the HMAC. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private AuditChainKey(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /** A key over a copy of {@code key} (at least 32 bytes); the caller still wipes its own. */
  public static AuditChainKey of(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("an audit chain key has at least 32 bytes");
    }
    byte[] copy = key.clone();
    try {
      return new AuditChainKey(copy);
    } finally {
      Arrays.fill(copy, (byte) 0); // SecretKeySpec keeps a copy of its own
    }
  }

  /** HMAC-SHA256 of {@code canonicalForm}'s UTF-8, hex. */
  String mac(String canonicalForm) {
    // doFinal resets the Mac for the next record, keeping the key.
    return HexFormat.of()
        .formatHex(macs.get().doFinal(canonicalForm.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String toString() {
    return "AuditChainKey[HmacSHA256]";
  }
}

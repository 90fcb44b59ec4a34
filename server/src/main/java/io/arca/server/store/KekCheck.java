package io.arca.server.store;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.persistence.Blob;
import io.arca.persistence.StoredKek;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key-check value of a server KEK: a fixed text wrapped by the KEK. Only the same key unwraps
 * it, so it tells a KEK from any other (a wrong file, another server's key, a replaced HSM key)
 * before a stored object is touched. It is computed where the KEK lives: for an HSM KEK the HSM
 * wraps and unwraps (the private key, for an RSA KEK), so a check passes only with the key present.
 * The text is public and the wrap is what the KEK does to every object, so the value says nothing
 * about the key.
 *
 * <p>This is the API a backup uses to record the KEK it needs and a restore to check it.
 */
public final class KekCheck {
  private static final byte[] TEXT =
      "Arca KEK check value, version 1".getBytes(StandardCharsets.UTF_8);

  private KekCheck() {}

  /** The check value of {@code kek}, recorded with its identifier and mechanism. */
  public static WrappedKey of(KeyWrapper kek) {
    return kek.wrap(ByteString.copyOf(TEXT));
  }

  /**
   * Whether {@code kek} is the key the check value {@code check} was made with.
   *
   * @throws KmipException when the KEK cannot be asked (an HSM that is away): that is no answer
   */
  public static boolean matches(KeyWrapper kek, WrappedKey check) {
    if (!kek.id().equals(check.wrappingKeyId())) {
      return false;
    }
    ByteString text;
    try {
      text = kek.unwrap(check);
    } catch (KmipException e) {
      if (e.reason() == ResultReason.CRYPTOGRAPHIC_FAILURE
          || e.reason() == ResultReason.INVALID_FIELD) {
        return false;
      }
      throw e;
    }
    try {
      return MessageDigest.isEqual(text.toByteArray(), TEXT);
    } finally {
      text.wipe();
    }
  }

  /** Whether {@code kek} is the KEK the database recorded as {@code stored}. */
  public static boolean matches(KeyWrapper kek, StoredKek stored) {
    return matches(kek, recorded(stored));
  }

  /** The check value as the database recorded it. */
  public static WrappedKey recorded(StoredKek stored) {
    return new WrappedKey(
        stored.kekId(),
        stored.checkMechanism(),
        ByteString.copyOf(stored.checkValue().toByteArray()));
  }

  /** A short fingerprint of a check value for people (16 hex digits of its SHA-256). */
  public static String fingerprint(Blob checkValue) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(checkValue.toByteArray());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}

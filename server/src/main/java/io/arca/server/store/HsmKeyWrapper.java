package io.arca.server.store;

import io.arca.hsm.HsmException;
import io.arca.hsm.HsmKeyInfo;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmSlot;
import io.arca.hsm.RsaPadding;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Wraps under a key that lives in the HSM, by envelope: a fresh AES-256 key is wrapped inside the
 * HSM (RSA-OAEP with an {@code hsm::<slot>::<label>_pk} public key, AES key wrap with padding, or
 * AES-GCM where the token lacks it, with an AES key), and the content is wrapped under that fresh
 * key by AES-KWP in memory. One HSM call per wrap or unwrap whatever the content's size, and the
 * HSM key never leaves the HSM. Unwrapping an RSA envelope uses the private key {@code
 * hsm::<slot>::<label>}.
 *
 * <p>The blob is {@code length (2 bytes) || HSM-wrapped key || AES-KWP(content)}; the mechanism
 * recorded with it names both steps, for example {@code RSA-OAEP-SHA256+AES-KWP}.
 */
public final class HsmKeyWrapper implements KeyWrapper {
  private static final int EPHEMERAL_BYTES = 32;

  private final String id;
  private final HsmSlot slot;
  private final HsmKeyInfo key;
  private final SecureRandom random;

  /** A wrapper over the key {@code id} of {@code slot}, whose attributes are {@code key}. */
  HsmKeyWrapper(String id, HsmSlot slot, HsmKeyInfo key, SecureRandom random) {
    if (key.keyClass() == HsmKeyInfo.KeyClass.PRIVATE) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "wrapping key "
              + id
              + " is a private key (expected: its "
              + HsmSlot.PUBLIC_KEY_SUFFIX
              + " public key or an AES key)");
    }
    this.id = id;
    this.slot = slot;
    this.key = key;
    this.random = random;
  }

  @Override
  public String id() {
    return id;
  }

  /** The mechanism recorded with what this wrapper wraps. */
  String mechanism() {
    String inHsm;
    if (key.keyClass() == HsmKeyInfo.KeyClass.PUBLIC) {
      inHsm =
          slot.profile().rsaOaep() == RsaPadding.OAEP_SHA256 ? "RSA-OAEP-SHA256" : "RSA-OAEP-SHA1";
    } else {
      inHsm = slot.usesAesKeyWrapPad() ? "AES-KWP" : "AES-GCM";
    }
    return "HSM:" + inHsm + "+" + WrappedKey.AES_KWP;
  }

  @Override
  public WrappedKey wrap(ByteString plaintext) {
    byte[] ephemeral = new byte[EPHEMERAL_BYTES];
    try {
      random.nextBytes(ephemeral);
      byte[] wrappedKey;
      try {
        wrappedKey = slot.wrap(key.label(), ephemeral);
      } catch (HsmException e) {
        throw failure("wrapping with " + id, e);
      }
      ByteString content = new AesKwpWrapper(id, ephemeral).wrap(plaintext).bytes();
      byte[] body = content.toByteArray();
      byte[] out = new byte[2 + wrappedKey.length + body.length];
      out[0] = (byte) (wrappedKey.length >>> 8);
      out[1] = (byte) wrappedKey.length;
      System.arraycopy(wrappedKey, 0, out, 2, wrappedKey.length);
      System.arraycopy(body, 0, out, 2 + wrappedKey.length, body.length);
      return new WrappedKey(id, mechanism(), ByteString.copyOf(out));
    } finally {
      Arrays.fill(ephemeral, (byte) 0);
    }
  }

  @Override
  public ByteString unwrap(WrappedKey wrapped) {
    if (!id.equals(wrapped.wrappingKeyId()) || !mechanism().equals(wrapped.mechanism())) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the key was wrapped by "
              + wrapped.wrappingKeyId()
              + " with "
              + wrapped.mechanism()
              + ", not by "
              + id
              + " with "
              + mechanism());
    }
    byte[] blob = wrapped.bytes().toByteArray();
    int length = blob.length < 2 ? -1 : ((blob[0] & 0xFF) << 8) | (blob[1] & 0xFF);
    if (length <= 0 || 2 + length >= blob.length) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "unwrapping with " + id + " failed: the blob is malformed");
    }
    String unwrappingLabel = key.label();
    if (key.keyClass() == HsmKeyInfo.KeyClass.PUBLIC) {
      unwrappingLabel =
          unwrappingLabel.substring(
              0, unwrappingLabel.length() - HsmSlot.PUBLIC_KEY_SUFFIX.length());
    }
    byte[] ephemeral;
    try {
      ephemeral = slot.unwrap(unwrappingLabel, Arrays.copyOfRange(blob, 2, 2 + length));
    } catch (HsmException e) {
      throw failure("unwrapping with " + id, e);
    }
    try {
      return new AesKwpWrapper(id, ephemeral)
          .unwrap(
              new WrappedKey(
                  id,
                  WrappedKey.AES_KWP,
                  ByteString.copyOf(Arrays.copyOfRange(blob, 2 + length, blob.length))));
    } finally {
      Arrays.fill(ephemeral, (byte) 0);
    }
  }

  private static KmipException failure(String what, HsmException e) {
    ResultReason reason =
        switch (e.kind()) {
          case KEY_NOT_FOUND, NO_SUCH_SLOT -> ResultReason.WRAPPING_OBJECT_NOT_FOUND;
          case INVALID_KEY, INVALID_ARGUMENT -> ResultReason.INVALID_FIELD;
          // The wrapped key is intact; the token that unwraps it is away for now.
          case TOKEN_UNAVAILABLE -> ResultReason.GENERAL_FAILURE;
          default -> ResultReason.CRYPTOGRAPHIC_FAILURE;
        };
    return new KmipException(reason, what + " failed: " + e.getMessage());
  }

  /**
   * The wrapper over the HSM key named {@code id}, an {@code hsm::<slot>::<label>} identifier.
   *
   * @throws KmipException Wrapping Object Not Found when the slot is not configured or holds no
   *     such key; Invalid Field for a private key
   */
  public static HsmKeyWrapper forKey(io.arca.hsm.HsmModule hsm, String id, SecureRandom random) {
    HsmKeyRef ref;
    try {
      ref = HsmKeyRef.parse(id);
      HsmSlot slot = hsm.slot(ref.slot());
      HsmKeyInfo info =
          slot.find(ref.label())
              .orElseThrow(
                  () ->
                      new KmipException(
                          ResultReason.WRAPPING_OBJECT_NOT_FOUND,
                          "wrapping key " + id + " does not exist"));
      return new HsmKeyWrapper(id, slot, info, random);
    } catch (HsmException e) {
      throw failure("finding wrapping key " + id, e);
    }
  }

  @Override
  public String toString() {
    return "HsmKeyWrapper[" + id + "]";
  }
}

package io.arca.hsm;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * An encryption, decryption or HMAC over parts (KMIP streaming), active on a token session of its
 * own between the caller's calls: C_EncryptInit, C_DecryptInit or C_SignInit when it starts, an
 * Update per part, the Final with the last. The session is not the pool's, since xipki's pool hands
 * a session to any caller between two calls; it is closed by {@link #finish} and by {@link #close},
 * which a caller makes on every other way out (a failure, expiry, its connection gone), so the
 * token's session ends the active operation and no session outlives its stream. One caller drives a
 * stream at a time.
 *
 * <p>A stream opened before the token was lost and found again is dead: the library was finalised,
 * which closed its session, and the handle may since name another caller's session, so it is never
 * used or closed again.
 */
public final class HsmStream implements AutoCloseable {

  /** What the stream computes. */
  enum Kind {
    ENCRYPT(HsmCall.ENCRYPT),
    DECRYPT(HsmCall.DECRYPT),
    MAC(HsmCall.MAC);

    final HsmCall call;

    Kind(HsmCall call) {
      this.call = call;
    }
  }

  private final HsmSlot slot;
  private final Kind kind;
  private final String what;
  private final byte @Nullable [] iv;
  private final PKCS11Token openedOn;
  private @Nullable Session session;

  private HsmStream(
      HsmSlot slot,
      Kind kind,
      String what,
      byte @Nullable [] iv,
      PKCS11Token openedOn,
      Session session) {
    this.slot = slot;
    this.kind = kind;
    this.what = what;
    this.iv = iv;
    this.openedOn = openedOn;
    this.session = session;
  }

  /**
   * Starts an AES-GCM encryption ({@code encrypt}) or decryption over parts with the AES key {@code
   * label}: an encryption draws a fresh random 96-bit IV ({@link #iv}), a decryption takes the one
   * the encryption used; {@code aad} may be empty, the tag is {@code tagLength} bytes, 12 to 16.
   */
  public static HsmStream aesGcm(
      HsmSlot slot,
      String label,
      boolean encrypt,
      byte @Nullable [] iv,
      byte[] aad,
      int tagLength) {
    Mechanisms.requireGcm(
        Mechanisms.offersGcm(slot.token()), slot.usesAesKeyWrapPad(), slot.id(), slot.profile());
    AesGcmCiphertext.checkTagLength(tagLength);
    byte[] used = iv;
    if (used == null) {
      if (!encrypt) {
        throw HsmSlot.invalid("AES-GCM decryption needs the IV the encryption used");
      }
      used = new byte[AesGcmCiphertext.IV_LENGTH];
      slot.random().nextBytes(used);
    }
    return start(
        slot,
        encrypt ? Kind.ENCRYPT : Kind.DECRYPT,
        "AES-GCM " + (encrypt ? "encryption" : "decryption") + " over parts with '" + label + "'",
        Mechanisms.gcm(used, aad, tagLength),
        used,
        () -> slot.handle(label, KeyClass.SECRET, KeyAlgorithm.AES));
  }

  /** Starts an HMAC over parts with the HMAC key {@code label} for this hash. */
  public static HsmStream hmac(HsmSlot slot, String label, HashAlgorithm hash) {
    return start(
        slot,
        Kind.MAC,
        "HMAC-" + hash.jcaName() + " over parts with '" + label + "'",
        slot.signatures().hmac(label, hash),
        null,
        () -> slot.entry(label).handle());
  }

  /**
   * Opens a session and starts {@code mechanism} on it with the key {@code handle} looks up; the
   * session is closed again if the start fails.
   */
  private static HsmStream start(
      HsmSlot slot,
      Kind kind,
      String what,
      Mechanism mechanism,
      byte @Nullable [] iv,
      KeyLookup handle) {
    return slot.caller()
        .call(
            kind.call,
            true,
            what,
            () -> {
              PKCS11Token token = slot.token();
              long key = handle.handle();
              Session session = token.getToken().openSession(false);
              slot.streams().incrementAndGet();
              HsmStream stream = new HsmStream(slot, kind, what, iv, token, session);
              boolean started = false;
              try {
                switch (kind) {
                  case ENCRYPT -> session.encryptInit(mechanism, key);
                  case DECRYPT -> session.decryptInit(mechanism, key);
                  case MAC -> session.signInit(mechanism, key);
                }
                started = true;
                return stream;
              } finally {
                if (!started) {
                  stream.close();
                }
              }
            });
  }

  /** The key handle a stream starts with, looked up on the token call's attempt. */
  @FunctionalInterface
  interface KeyLookup {
    long handle();
  }

  /** The IV of an AES-GCM stream (a copy), or null for a MAC. */
  public byte @Nullable [] iv() {
    return iv == null ? null : iv.clone();
  }

  /**
   * Adds a part: the ciphertext or plaintext the token gives back for it (possibly empty: AES-GCM
   * decryption gives all its plaintext with the Final, once the tag is checked), nothing for a MAC.
   */
  public byte[] update(byte[] part) {
    if (part.length == 0) {
      return new byte[0]; // a part without data (tokens refuse an empty C_*Update)
    }
    byte[] out =
        slot.caller()
            .call(
                kind.call,
                false,
                what,
                () -> {
                  Session live = live();
                  return switch (kind) {
                    case ENCRYPT -> live.encryptUpdate(part);
                    case DECRYPT -> live.decryptUpdate(part);
                    case MAC -> {
                      live.signUpdate(part);
                      yield new byte[0];
                    }
                  };
                });
    return out == null ? new byte[0] : out;
  }

  /**
   * Adds the last part and ends the operation: the rest of the output (an AES-GCM encryption's ends
   * with its tag; a decryption's tag must end {@code last}), or the MAC. The session is closed,
   * whatever the outcome.
   */
  public byte[] finish(byte[] last) {
    try {
      byte[] head = last.length == 0 ? new byte[0] : update(last);
      byte[] tail =
          slot.caller()
              .call(
                  kind.call,
                  false,
                  what,
                  () -> {
                    Session live = live();
                    return switch (kind) {
                      case ENCRYPT -> live.encryptFinal();
                      case DECRYPT -> live.decryptFinal();
                      case MAC -> live.signFinal();
                    };
                  });
      byte[] out = tail == null ? new byte[0] : tail;
      if (head.length == 0) {
        return out;
      }
      byte[] joined = java.util.Arrays.copyOf(head, head.length + out.length);
      System.arraycopy(out, 0, joined, head.length, out.length);
      java.util.Arrays.fill(head, (byte) 0);
      java.util.Arrays.fill(out, (byte) 0);
      return joined;
    } finally {
      close();
    }
  }

  /** Ends the stream: the session is closed, which ends an operation still active on it. */
  @Override
  public void close() {
    Session closing = session;
    if (closing == null) {
      return;
    }
    session = null;
    slot.streams().decrementAndGet();
    if (slot.token() != openedOn) {
      return; // finalised with the library; the handle is no longer ours
    }
    try {
      closing.closeSession();
    } catch (PKCS11Exception e) {
      // Closed already (the token dropped it): nothing is left open.
    }
  }

  private Session live() throws TokenException {
    Session live = session;
    if (live == null) {
      throw new IllegalStateException("closed HSM stream: " + what);
    }
    if (slot.token() != openedOn) {
      throw new HsmException(
          HsmException.Kind.SESSION_LOST,
          what + ": the token was lost and found again since the stream started");
    }
    return live;
  }

  @Override
  public String toString() {
    return "HsmStream[" + what + (session == null ? ", closed]" : "]");
  }
}

package io.arca.hsm;

import org.jspecify.annotations.Nullable;

/**
 * The one error the hsm module throws: a {@link Kind} the caller can act on, and the PKCS#11 return
 * value when the token gave one. Messages name labels and slots, never key material or PINs.
 */
public final class HsmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, in terms a caller (the server's HSM adapter) can map to its own errors. */
  public enum Kind {
    /** The PKCS#11 library could not be loaded or initialised. */
    LIBRARY_UNAVAILABLE,
    /** The configured slot does not exist or holds no token. */
    NO_SUCH_SLOT,
    /** The PIN was refused or the token is locked. */
    LOGIN_FAILED,
    /** No key carries the requested label. */
    KEY_NOT_FOUND,
    /** A key with the requested label already exists. */
    LABEL_EXISTS,
    /** The key is sensitive or not extractable, so its value stays in the HSM. */
    NOT_EXPORTABLE,
    /** The key cannot do what was asked (wrong type, size or usage). */
    INVALID_KEY,
    /** The input was refused: wrong length, bad padding, failed authentication tag. */
    INVALID_DATA,
    /** The identifier or an argument is malformed. */
    INVALID_ARGUMENT,
    /** The token does not implement the mechanism asked for. */
    UNSUPPORTED,
    /** The token lost its sessions or login and the call could not be repeated safely. */
    SESSION_LOST,
    /**
     * The slot's token does not answer (removed, failed, deleted): its calls are refused until the
     * module finds it again, with backoff, re-initialising the library.
     */
    TOKEN_UNAVAILABLE,
    /** Any other token failure. */
    DEVICE_ERROR
  }

  private final Kind kind;
  private final @Nullable Long ckr;

  public HsmException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public HsmException(Kind kind, String message, @Nullable Long ckr, @Nullable Throwable cause) {
    super(message + (ckr == null ? "" : " (" + ckrName(ckr) + ")"), cause);
    this.kind = kind;
    this.ckr = ckr;
  }

  public Kind kind() {
    return kind;
  }

  /** The PKCS#11 return value (CKR_*) behind this error, if the token gave one. */
  public @Nullable Long ckr() {
    return ckr;
  }

  static String ckrName(long ckr) {
    return org.xipki.pkcs11.wrapper.PKCS11Constants.ckrCodeToName(ckr);
  }
}

package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_AEAD_DECRYPT_FAILED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_ATTRIBUTE_SENSITIVE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_CRYPTOKI_NOT_INITIALIZED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DATA_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DATA_LEN_RANGE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DEVICE_ERROR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DEVICE_REMOVED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_ENCRYPTED_DATA_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_ENCRYPTED_DATA_LEN_RANGE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_FUNCTION_FAILED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_GENERAL_ERROR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_FUNCTION_NOT_PERMITTED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_HANDLE_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_SIZE_RANGE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_TYPE_INCONSISTENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_UNEXTRACTABLE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_MECHANISM_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_OBJECT_HANDLE_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_OPERATION_NOT_INITIALIZED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_EXPIRED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_INCORRECT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LEN_RANGE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LOCKED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_SESSION_CLOSED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_SESSION_HANDLE_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_SLOT_ID_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_TOKEN_NOT_PRESENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_TOKEN_NOT_RECOGNIZED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_NOT_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_WRAPPED_KEY_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_WRAPPED_KEY_LEN_RANGE;

import java.util.Set;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * Maps PKCS#11 return values to {@link HsmException.Kind}s, and says which ones a fresh session can
 * cure.
 */
final class Pkcs11Errors {

  /**
   * The token dropped the session or its login: a new session, logged in again, can repeat the
   * call.
   */
  static final Set<Long> RECOVERABLE =
      Set.of(
          CKR_SESSION_HANDLE_INVALID,
          CKR_SESSION_CLOSED,
          CKR_USER_NOT_LOGGED_IN,
          CKR_DEVICE_REMOVED,
          CKR_TOKEN_NOT_PRESENT);

  /**
   * The object behind a handle is gone (destroyed elsewhere, or the token re-initialised) while the
   * session lives on: nothing was done with it, so a lookup by label can decide what to answer.
   */
  static final Set<Long> STALE_HANDLE = Set.of(CKR_OBJECT_HANDLE_INVALID, CKR_KEY_HANDLE_INVALID);

  /**
   * What a token that went away answers, among other causes: the call's token is asked whether it
   * still answers (C_GetTokenInfo) before any recovery. SoftHSM2 2.6.1 whose token directory has
   * gone fails C_EncryptInit, which xipki's pool hides, so the call answers
   * CKR_OPERATION_NOT_INITIALIZED; after C_Initialize it knows no such slot.
   */
  static final Set<Long> LOSS_SIGNS =
      Set.of(
          CKR_SESSION_HANDLE_INVALID,
          CKR_SESSION_CLOSED,
          CKR_DEVICE_REMOVED,
          CKR_TOKEN_NOT_PRESENT,
          CKR_TOKEN_NOT_RECOGNIZED,
          CKR_DEVICE_ERROR,
          CKR_SLOT_ID_INVALID,
          CKR_CRYPTOKI_NOT_INITIALIZED,
          CKR_OPERATION_NOT_INITIALIZED);

  /** Every session of the slot is gone, not only the one that failed. */
  static final Set<Long> SLOT_WIDE = Set.of(CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT);

  private static final Set<Long> LOGIN =
      Set.of(
          CKR_PIN_INCORRECT, CKR_PIN_INVALID, CKR_PIN_LEN_RANGE, CKR_PIN_EXPIRED, CKR_PIN_LOCKED);

  private static final Set<Long> DATA =
      Set.of(
          CKR_DATA_INVALID,
          CKR_DATA_LEN_RANGE,
          CKR_ENCRYPTED_DATA_INVALID,
          CKR_ENCRYPTED_DATA_LEN_RANGE,
          CKR_AEAD_DECRYPT_FAILED,
          CKR_WRAPPED_KEY_INVALID,
          CKR_WRAPPED_KEY_LEN_RANGE);

  private static final Set<Long> KEY =
      Set.of(
          CKR_KEY_HANDLE_INVALID,
          CKR_KEY_SIZE_RANGE,
          CKR_KEY_TYPE_INCONSISTENT,
          CKR_KEY_FUNCTION_NOT_PERMITTED,
          CKR_MECHANISM_INVALID,
          CKR_OBJECT_HANDLE_INVALID);

  private Pkcs11Errors() {}

  static HsmException translate(String what, TokenException e) {
    return translate(what, e, false);
  }

  /**
   * Maps a token error; with {@code crypto} set, CKR_GENERAL_ERROR and CKR_FUNCTION_FAILED count as
   * refused input, since SoftHSM2 reports a failed tag or padding check that way.
   */
  static HsmException translate(String what, TokenException e, boolean crypto) {
    if (!(e instanceof PKCS11Exception p)) {
      // The wrapper's own errors (no idle session within the wait) carry no CKR value.
      return new HsmException(
          HsmException.Kind.DEVICE_ERROR, what + " failed: " + e.getMessage(), null, e);
    }
    long code = p.getErrorCode();
    HsmException.Kind kind;
    if (LOGIN.contains(code)) {
      kind = HsmException.Kind.LOGIN_FAILED;
    } else if (DATA.contains(code)
        || (crypto && (code == CKR_GENERAL_ERROR || code == CKR_FUNCTION_FAILED))) {
      kind = HsmException.Kind.INVALID_DATA;
    } else if (KEY.contains(code)) {
      kind = HsmException.Kind.INVALID_KEY;
    } else if (code == CKR_ATTRIBUTE_SENSITIVE || code == CKR_KEY_UNEXTRACTABLE) {
      kind = HsmException.Kind.NOT_EXPORTABLE;
    } else if (RECOVERABLE.contains(code)) {
      kind = HsmException.Kind.SESSION_LOST;
    } else {
      kind = HsmException.Kind.DEVICE_ERROR;
    }
    return new HsmException(kind, what + " failed", code, e);
  }
}

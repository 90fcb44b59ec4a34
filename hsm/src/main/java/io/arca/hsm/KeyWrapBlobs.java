package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_GENERIC_SECRET;

import java.util.Arrays;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.TokenException;

/** How {@link HsmSlot#wrap} and {@link HsmSlot#unwrap} lay out and move a key blob. */
final class KeyWrapBlobs {
  private KeyWrapBlobs() {}

  // C_WrapKey needs a key object: the blob becomes a short-lived session object, not a token one.
  static byte[] wrapPad(PKCS11Token token, HsmProfile profile, long wrappingHandle, byte[] keyBytes)
      throws TokenException {
    AttributeVector blob =
        AttributeVector.newSecretKey(CKK_GENERIC_SECRET)
            .token(false)
            .sensitive(false)
            .extractable(true)
            .value(keyBytes);
    long temp = token.createObject(blob);
    try {
      return token.wrapKey(new Mechanism(profile.aesKeyWrapPad()), wrappingHandle, temp);
    } finally {
      token.destroyObject(temp);
    }
  }

  static byte[] unwrapPad(
      PKCS11Token token, HsmProfile profile, long unwrappingHandle, byte[] wrapped)
      throws TokenException {
    AttributeVector template =
        AttributeVector.newSecretKey(CKK_GENERIC_SECRET)
            .token(false)
            .sensitive(false)
            .extractable(true);
    long temp =
        token.unwrapKey(
            new Mechanism(profile.aesKeyWrapPad()), unwrappingHandle, wrapped, template);
    try {
      byte[] value = token.getAttrValues(temp, CKA_VALUE).value();
      if (value == null) {
        throw new HsmException(
            HsmException.Kind.DEVICE_ERROR, "the token withheld an unwrapped value");
      }
      return value;
    } finally {
      token.destroyObject(temp);
    }
  }

  static byte[] wrapBlob(HsmSlot slot, String wrappingLabel, byte[] keyBytes) {
    KeyHandles.Entry key = slot.wrappingKey(wrappingLabel);
    String what = "wrapping with '" + wrappingLabel + "'";
    return switch (key.info().keyClass()) {
      case PUBLIC ->
          slot.caller()
              .call(
                  HsmCall.WRAP,
                  true,
                  what,
                  () ->
                      slot.token()
                          .encrypt(
                              Mechanisms.rsa(slot.profile(), slot.profile().rsaOaep()),
                              slot.entry(wrappingLabel).handle(),
                              keyBytes));
      case SECRET -> {
        if (slot.usesAesKeyWrapPad()) {
          yield slot.caller()
              .call(
                  HsmCall.WRAP,
                  true,
                  what,
                  () ->
                      wrapPad(
                          slot.token(),
                          slot.profile(),
                          slot.entry(wrappingLabel).handle(),
                          keyBytes));
        }
        slot.caller().count(HsmCall.WRAP).incrementAndGet();
        AesGcmCiphertext c = slot.encryptAesGcm(wrappingLabel, keyBytes, new byte[0]);
        yield concat(c.iv(), c.ciphertext(), c.tag());
      }
      case PRIVATE ->
          throw new HsmException(
              HsmException.Kind.INVALID_KEY,
              "'" + wrappingLabel + "' is a private key (expected: its _pk or an AES key)");
    };
  }

  static byte[] unwrapBlob(HsmSlot slot, String unwrappingLabel, byte[] wrapped) {
    KeyHandles.Entry key = slot.wrappingKey(unwrappingLabel);
    String what = "unwrapping with '" + unwrappingLabel + "'";
    return switch (key.info().keyClass()) {
      case PRIVATE ->
          slot.caller()
              .call(
                  HsmCall.UNWRAP,
                  true,
                  what,
                  () ->
                      slot.token()
                          .decrypt(
                              Mechanisms.rsa(slot.profile(), slot.profile().rsaOaep()),
                              slot.entry(unwrappingLabel).handle(),
                              wrapped));
      case SECRET -> {
        if (slot.usesAesKeyWrapPad()) {
          yield slot.caller()
              .call(
                  HsmCall.UNWRAP,
                  true,
                  what,
                  () ->
                      unwrapPad(
                          slot.token(),
                          slot.profile(),
                          slot.entry(unwrappingLabel).handle(),
                          wrapped));
        }
        slot.caller().count(HsmCall.UNWRAP).incrementAndGet();
        yield slot.decryptAesGcm(unwrappingLabel, splitGcm(wrapped), new byte[0]);
      }
      case PUBLIC ->
          throw new HsmException(
              HsmException.Kind.INVALID_KEY,
              "'" + unwrappingLabel + "' is a public key (expected: a private or AES key)");
    };
  }

  static AesGcmCiphertext splitGcm(byte[] wrapped) {
    int iv = AesGcmCiphertext.IV_LENGTH;
    int tag = AesGcmCiphertext.TAG_LENGTH;
    if (wrapped.length < iv + tag) {
      throw new HsmException(
          HsmException.Kind.INVALID_DATA,
          "wrapped key length: " + wrapped.length + " (expected: at least " + (iv + tag) + ")");
    }
    return new AesGcmCiphertext(
        Arrays.copyOfRange(wrapped, 0, iv),
        Arrays.copyOfRange(wrapped, iv, wrapped.length - tag),
        Arrays.copyOfRange(wrapped, wrapped.length - tag, wrapped.length));
  }

  static byte[] concat(byte[] a, byte[] b, byte[] c) {
    byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }
}

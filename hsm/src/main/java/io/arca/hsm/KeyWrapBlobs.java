package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_UNWRAP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_GENERIC_SECRET;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.util.Arrays;
import java.util.HexFormat;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * How {@link HsmSlot#wrap} and {@link HsmSlot#unwrap} lay out and move a key blob, and how {@link
 * HsmSlot#unwrapToSession} lands one in the token.
 */
final class KeyWrapBlobs {
  private KeyWrapBlobs() {}

  static byte[] wrapPad(PKCS11Token token, HsmProfile profile, long wrappingHandle, byte[] keyBytes)
      throws TokenException {
    return wrapAsKey(token, new Mechanism(profile.aesKeyWrapPad()), wrappingHandle, keyBytes);
  }

  // C_WrapKey needs a key object: the blob becomes a short-lived session object, not a token one.
  static byte[] wrapAsKey(
      PKCS11Token token, Mechanism mechanism, long wrappingHandle, byte[] keyBytes)
      throws TokenException {
    AttributeVector blob =
        AttributeVector.newSecretKey(CKK_GENERIC_SECRET)
            .token(false)
            .sensitive(false)
            .extractable(true)
            .value(keyBytes);
    long temp = token.createObject(blob);
    try {
      return token.wrapKey(mechanism, wrappingHandle, temp);
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

  /**
   * Key bytes held by the caller wrapped under the RSA public key {@code label} by C_WrapKey with
   * {@code padding}: the bytes become a short-lived session object, so that the token's own public
   * key object wraps them. A hash the token lacks fails with {@link HsmException.Kind#UNSUPPORTED}.
   */
  static byte[] wrapRsa(HsmSlot slot, String label, RsaPadding padding, byte[] keyBytes) {
    Mechanism mechanism = Mechanisms.rsa(slot.profile(), padding);
    return slot.caller()
        .call(
            HsmCall.WRAP,
            true,
            "RSA wrapping with '" + label + "'",
            () ->
                wrapAsKey(
                    slot.token(),
                    mechanism,
                    slot.handle(label, KeyClass.PUBLIC, KeyAlgorithm.RSA),
                    keyBytes));
  }

  /** A key that can wrap: an AES key or an RSA key; others (EC, HMAC) fail with INVALID_KEY. */
  static KeyHandles.Entry wrappingKey(HsmSlot slot, String label) {
    KeyHandles.Entry key = slot.entry(label);
    KeyAlgorithm algorithm = key.info().algorithm();
    boolean fits =
        key.info().keyClass() == KeyClass.SECRET
            ? algorithm == KeyAlgorithm.AES
            : algorithm == KeyAlgorithm.RSA;
    if (!fits) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'"
              + label
              + "' is a key of type "
              + algorithm
              + " (expected: an AES or RSA key to wrap with)");
    }
    return key;
  }

  static byte[] wrapBlob(HsmSlot slot, String wrappingLabel, byte[] keyBytes) {
    KeyHandles.Entry key = wrappingKey(slot, wrappingLabel);
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
    KeyHandles.Entry key = wrappingKey(slot, unwrappingLabel);
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

  /** See {@link HsmSlot#unwrapToSession}. */
  static HsmSessionKey unwrapToSession(
      HsmSlot slot, String unwrappingLabel, byte[] wrapped, KeyAlgorithm algorithm) {
    KeyHandles.Entry kek = wrappingKey(slot, unwrappingLabel);
    if (kek.info().keyClass() == KeyClass.PUBLIC) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'" + unwrappingLabel + "' is a public key (expected: a private or AES key)");
    }
    byte[] id = new byte[12];
    slot.random().nextBytes(id);
    String label = "arca-session-" + HexFormat.of().formatHex(id);
    AttributeVector template = sessionTemplate(algorithm).label(label);
    String what = "unwrapping into the token with '" + unwrappingLabel + "'";
    boolean kwp =
        kek.info().keyClass() == KeyClass.SECRET
            && Mechanisms.offers(slot.token(), slot.profile().aesKeyWrapPad(), CKF_UNWRAP);
    if (kek.info().keyClass() == KeyClass.SECRET && !kwp) {
      // What wrap() falls back to: the value is in this process only between the two calls.
      slot.caller().count(HsmCall.UNWRAP).incrementAndGet();
      byte[] value = slot.decryptAesGcm(unwrappingLabel, splitGcm(wrapped), new byte[0]);
      try {
        template.value(value);
        slot.caller().call(HsmCall.UNWRAP, false, what, () -> slot.token().createObject(template));
      } finally {
        Arrays.fill(value, (byte) 0);
      }
    } else {
      Mechanism mechanism =
          kwp
              ? new Mechanism(slot.profile().aesKeyWrapPad())
              : Mechanisms.rsa(slot.profile(), slot.profile().rsaOaep());
      slot.caller()
          .call(
              HsmCall.UNWRAP,
              false,
              what,
              () ->
                  slot.token()
                      .unwrapKey(
                          mechanism, slot.entry(unwrappingLabel).handle(), wrapped, template));
    }
    return new HsmSessionKey(slot, label);
  }

  /** A sensitive session key that can do what its algorithm is for, and nothing else. */
  private static AttributeVector sessionTemplate(KeyAlgorithm algorithm) {
    AttributeVector template =
        switch (algorithm) {
          case AES -> AttributeVector.newAESSecretKey().encrypt(true).decrypt(true);
          case HMAC_SHA256, HMAC_SHA384, HMAC_SHA512, GENERIC_SECRET ->
              AttributeVector.newSecretKey(CKK_GENERIC_SECRET).sign(true).verify(true);
          case RSA, EC ->
              throw new HsmException(
                  HsmException.Kind.INVALID_ARGUMENT,
                  "unwrapped key algorithm: " + algorithm + " (expected: AES or an HMAC)");
        };
    HashAlgorithm hash = KeyAttributes.hmacHash(algorithm);
    if (hash != null) {
      template.allowedMechanisms(new long[] {hash.hmac()});
    }
    return template.token(false).private_(true).sensitive(true).extractable(false);
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

package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_COEFFICIENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EXPONENT_1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EXPONENT_2;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PRIME_1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PRIME_2;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PRIVATE_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_WRAP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_OAEP;

import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.util.Arrays;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Constants;

/**
 * How {@link HsmSlot}'s keys leave the token: public keys as SubjectPublicKeyInfo, values the token
 * lets out in clear, and keys wrapped inside the token by C_WrapKey.
 */
final class KeyExport {
  private KeyExport() {}

  static byte[] publicKey(HsmSlot slot, String label) {
    KeyHandles.Entry key = slot.entry(label);
    if (key.info().keyClass() != KeyClass.PUBLIC) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'" + label + "' is not a public key (expected: a *_pk label)");
    }
    EcCurve curve = key.info().curve();
    if (curve != null) {
      byte[] point =
          slot.caller()
              .call(
                  HsmCall.GET_ATTRIBUTES,
                  true,
                  "reading public key '" + label + "'",
                  () -> slot.token().getAttrValues(slot.entry(label).handle(), CKA_EC_POINT))
              .ecPoint();
      if (point == null) {
        throw new HsmException(
            HsmException.Kind.DEVICE_ERROR, "the token gave no EC point for '" + label + "'");
      }
      return KeyEncoding.ecPublicKey(label, curve, point);
    }
    AttributeVector values =
        slot.caller()
            .call(
                HsmCall.GET_ATTRIBUTES,
                true,
                "reading public key '" + label + "'",
                () ->
                    slot.token()
                        .getAttrValues(
                            slot.entry(label).handle(), CKA_MODULUS, CKA_PUBLIC_EXPONENT));
    return KeyEncoding.rsaPublicKey(values);
  }

  static byte[] value(HsmSlot slot, String label) {
    KeyHandles.Entry key = slot.entry(label);
    HsmKeyInfo info = key.info();
    if (info.keyClass() == KeyClass.PUBLIC) {
      return slot.exportPublicKey(label);
    }
    if (!info.exportable()) {
      throw new HsmException(
          HsmException.Kind.NOT_EXPORTABLE,
          "'"
              + label
              + "' is "
              + (info.sensitive() ? "sensitive" : "not extractable")
              + ": its value stays in the HSM");
    }
    if (info.keyClass() == KeyClass.SECRET) {
      AttributeVector values =
          slot.caller()
              .call(
                  HsmCall.GET_ATTRIBUTES,
                  true,
                  "reading '" + label + "'",
                  () -> slot.token().getAttrValues(slot.entry(label).handle(), CKA_VALUE));
      byte[] value = values.value();
      if (value == null) {
        throw new HsmException(
            HsmException.Kind.NOT_EXPORTABLE, "the token withholds the value of '" + label + "'");
      }
      return value;
    }
    EcCurve curve = info.curve();
    if (curve != null) {
      byte[] scalar =
          slot.caller()
              .call(
                  HsmCall.GET_ATTRIBUTES,
                  true,
                  "reading '" + label + "'",
                  () -> slot.token().getAttrValues(slot.entry(label).handle(), CKA_VALUE))
              .value();
      if (scalar == null) {
        throw new HsmException(
            HsmException.Kind.NOT_EXPORTABLE, "the token withholds the value of '" + label + "'");
      }
      try {
        return KeyEncoding.ecPrivateKey(label, curve, scalar);
      } finally {
        Arrays.fill(scalar, (byte) 0);
      }
    }
    AttributeVector values =
        slot.caller()
            .call(
                HsmCall.GET_ATTRIBUTES,
                true,
                "reading '" + label + "'",
                () ->
                    slot.token()
                        .getAttrValues(
                            slot.entry(label).handle(),
                            CKA_MODULUS,
                            CKA_PUBLIC_EXPONENT,
                            CKA_PRIVATE_EXPONENT,
                            CKA_PRIME_1,
                            CKA_PRIME_2,
                            CKA_EXPONENT_1,
                            CKA_EXPONENT_2,
                            CKA_COEFFICIENT));
    return KeyEncoding.rsaPrivateKey(label, values);
  }

  static byte[] wrapKey(HsmSlot slot, String wrappingLabel, String keyLabel) {
    KeyHandles.Entry kek = KeyWrapBlobs.wrappingKey(slot, wrappingLabel);
    HsmKeyInfo key = slot.entry(keyLabel).info();
    String what = "wrapping '" + keyLabel + "' with '" + wrappingLabel + "'";
    if (key.keyClass() == KeyClass.PUBLIC) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'"
              + keyLabel
              + "' is a public key: export it as it is (expected: a secret or private key)");
    }
    if (!key.extractable()) {
      throw new HsmException(
          HsmException.Kind.NOT_EXPORTABLE,
          "'" + keyLabel + "' is not extractable: it cannot leave the HSM, even wrapped");
    }
    Mechanism mechanism;
    if (kek.info().keyClass() == KeyClass.PUBLIC) {
      if (key.keyClass() != KeyClass.SECRET) {
        throw new HsmException(
            HsmException.Kind.INVALID_KEY,
            "RSA-OAEP wraps secret keys only (expected: an AES key to wrap '" + keyLabel + "')");
      }
      mechanism = Mechanisms.rsa(slot.profile(), slot.profile().rsaOaep());
      Mechanisms.require(slot.token(), slot.id(), CKM_RSA_PKCS_OAEP, CKF_WRAP, "wrapping keys");
    } else if (kek.info().keyClass() == KeyClass.SECRET
        && Mechanisms.offers(slot.token(), slot.profile().aesKeyWrapPad(), CKF_WRAP)) {
      mechanism = new Mechanism(slot.profile().aesKeyWrapPad());
    } else if (kek.info().keyClass() == KeyClass.SECRET && key.exportable()) {
      // The fallback wrap() uses: the value leaves the token in clear only inside this process.
      byte[] value = slot.exportValue(keyLabel);
      try {
        slot.caller().count(HsmCall.WRAP).incrementAndGet();
        AesGcmCiphertext c = slot.encryptAesGcm(wrappingLabel, value, new byte[0]);
        return KeyWrapBlobs.concat(c.iv(), c.ciphertext(), c.tag());
      } finally {
        Arrays.fill(value, (byte) 0);
      }
    } else {
      throw new HsmException(
          HsmException.Kind.UNSUPPORTED,
          "the token of slot "
              + slot.id()
              + " does not offer "
              + PKCS11Constants.ckmCodeToName(slot.profile().aesKeyWrapPad())
              + " for wrapping, and '"
              + keyLabel
              + "' is sensitive: only that mechanism lets it leave the HSM");
    }
    return slot.caller()
        .call(
            HsmCall.WRAP,
            true,
            what,
            () ->
                slot.token()
                    .wrapKey(
                        mechanism,
                        slot.entry(wrappingLabel).handle(),
                        slot.entry(keyLabel).handle()));
  }
}
